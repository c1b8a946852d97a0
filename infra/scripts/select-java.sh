# Source me: picks the newest JDK and exports JAVA_HOME (the build targets Java 17 bytecode, so any JDK >= 17 builds it).
# Order: Temurin 25 under /usr/lib/jvm, else the highest-versioned /usr/lib/jvm/*, else the java on PATH.
# Safe to source from scripts running with `set -euo pipefail`: no unset variables, no exit.

kt_select_java() {
  local candidate=""
  if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    candidate=/usr/lib/jvm/temurin-25-jdk-amd64
  elif [ -d /usr/lib/jvm ]; then
    # the first number in the directory name is the major version: java-21-openjdk-amd64, temurin-25-jdk-amd64
    local dir major
    candidate="$(for dir in /usr/lib/jvm/*; do
        [ -x "$dir/bin/java" ] || continue
        major="$(basename "$dir" | grep -oE '[0-9]+' | head -n 1 || true)"
        echo "${major:-0} $dir"
      done | sort -n -k1,1 | tail -n 1 | cut -d' ' -f2- || true)"
  fi
  if [ -z "$candidate" ] && command -v java >/dev/null 2>&1; then
    # resolve symlinks (/usr/bin/java -> .../bin/java) to find the home directory
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  fi
  if [ -z "$candidate" ]; then
    echo "No Java found: install a JDK 17 or newer." >&2
    return 1
  fi
  export JAVA_HOME="$candidate"
  export PATH="$JAVA_HOME/bin:$PATH"
  echo "Using Java: $JAVA_HOME/bin/java ($("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1))"
}

kt_select_java
