// The signed-in owner's tokens. Kept in sessionStorage (one browser tab, gone when it closes), never in a URL.
const KEY = 'kt.console.session';

export function current() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY));
  } catch {
    return null;
  }
}

export function signedIn() {
  return current() !== null;
}

/** Stores the token answer of register, login or refresh: {accessToken, refreshToken, expiresIn (seconds)}. */
export function store(tokens) {
  sessionStorage.setItem(KEY, JSON.stringify({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
  }));
}

export function clear() {
  sessionStorage.removeItem(KEY);
}

/** True when the access token ends within the next minute: renew it before a request fails. */
export function expiringSoon() {
  const s = current();
  return s !== null && s.expiresAt - Date.now() < 60_000;
}
