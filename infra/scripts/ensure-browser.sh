# Source me (or run me): makes sure Debian's Chromium and ChromeDriver (and a Korean font, so screenshots show
# Hangul instead of boxes) are installed for the browser tests. Installs them with apt-get when missing and this
# shell may (root, apt-get present); otherwise warns: the browser tests then fail and say what is missing.
# Safe to source from scripts running with `set -euo pipefail`: never exits, never fails.

kt_ensure_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  if ! command -v fc-list >/dev/null 2>&1 || ! fc-list :lang=ko 2>/dev/null | grep -q .; then
    missing+=(fonts-nanum)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
      echo "installing for the browser tests: ${missing[*]}"
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
          "${missing[@]}" >/dev/null; } || echo "WARNING: apt-get install ${missing[*]} failed" >&2
    else
      echo "WARNING: ${missing[*]} missing and apt-get unavailable (not root?): the browser tests will fail" >&2
    fi
  fi
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "Using $(/usr/bin/chromium --version 2>/dev/null | head -1) with /usr/bin/chromedriver"
  fi
  return 0
}

kt_ensure_browser
