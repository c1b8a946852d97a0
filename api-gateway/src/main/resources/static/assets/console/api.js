// The one way the console talks to the server: the public REST API with the owner's bearer token, like any other
// front end. A 401 renews the session once with the refresh token; when that is refused the session ends.
import * as session from './session.js';

/** An error answer of the API: its status and RFC 9457 problem ({title, detail, errors:[{field, rule, message}]}). */
export class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.retryAfter = retryAfter; // seconds, when the server throttles (429 + Retry-After)
    this.problem = problem ?? {};
    this.errors = this.problem.errors ?? [];
  }
}

let renewing = null;

/** Trades the refresh token for a new pair; one renewal at a time however many requests got a 401. */
function renew() {
  renewing ??= (async () => {
    const refreshToken = session.current()?.refreshToken;
    if (!refreshToken) return false;
    const response = await fetch('/api/v1/users/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!response.ok) return false;
    session.store(await response.json());
    return true;
  })().catch(() => false).finally(() => { renewing = null; });
  return renewing;
}

function endSession() {
  session.clear();
  window.dispatchEvent(new CustomEvent('session-ended'));
}

async function send(method, path, body, signal, accept) {
  const headers = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = session.current()?.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
}

/** The raw response of an authorised request (for CSV downloads and the SSE stream), renewing the session once. */
export async function authorised(method, path, { body, signal, accept = 'application/json' } = {}) {
  if (session.expiringSoon()) await renew();
  let response = await send(method, path, body, signal, accept);
  if (response.status === 401 && session.signedIn()) {
    if (await renew()) {
      response = await send(method, path, body, signal, accept);
    }
    if (response.status === 401) {
      endSession();
    }
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem, Number(response.headers.get('Retry-After')) || null);
  }
  return response;
}

/** JSON in, JSON out (null for 204). */
async function call(method, path, body, signal) {
  const response = await authorised(method, path, { body, signal });
  return response.status === 204 ? null : response.json();
}

export const get = (path, signal) => call('GET', path, undefined, signal);
export const post = (path, body, signal) => call('POST', path, body, signal);
export const put = (path, body, signal) => call('PUT', path, body, signal);
export const del = (path, body, signal) => call('DELETE', path, body, signal);

/** Register and login answer with a token pair; the session starts with it. */
export async function signIn(path, body) {
  const tokens = await call('POST', path, body);
  session.store(tokens);
}

/** Logout revokes the token on the server (idempotent); the session ends here whatever it answers. */
export async function signOut() {
  try {
    await send('POST', '/api/v1/users/logout', undefined, undefined, 'application/json');
  } finally {
    session.clear();
  }
}
