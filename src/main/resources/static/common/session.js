// mpgov's pages sign in with the Camunda webapps' session: one sign-in for Tasklist, Cockpit and these pages,
// and no basic-auth prompt. /api takes the same session (ApiAuthenticationFilter).
const AUTH = '/camunda/api/admin/auth/user/default';

/** Thrown by {@link api} when nobody is signed in (any more): the page shows its sign-in form. */
export class SignInNeeded extends Error {}

/**
 * Camunda's webapps hand their CSRF token out once per session, to the request that makes it; a session that has one
 * already (signed in to Tasklist, or asked who is signed in) keeps it in a cookie this page cannot read, so mpgov
 * reads it back (security.SessionToken).
 */
async function csrfToken() {
  const response = await fetch(AUTH, { headers: { 'X-XSRF-TOKEN': 'Fetch', Accept: 'application/json' } });
  const made = response.headers.get('X-XSRF-TOKEN');
  if (made) {
    return made;
  }
  const held = await fetch('/api/session/csrf-token', { headers: { Accept: 'application/json', 'X-Requested-By': 'mpgov' } });
  return held.ok ? (await held.json()).token || '' : '';
}

/** The signed-in user's id, or null. */
export async function currentUser() {
  const response = await fetch(AUTH, { headers: { Accept: 'application/json' } });
  return response.ok ? (await response.json()).userId : null;
}

/** Signs in as Tasklist's sign-in page does; a refusal is an Error whose message a person can read. */
export async function signIn(user, password) {
  const response = await fetch(`${AUTH}/login/welcome`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': await csrfToken() },
    body: new URLSearchParams({ username: user, password }),
  });
  if (response.status === 401) {
    throw new Error('Wrong user name or password.');
  }
  if (!response.ok) {
    throw new Error(`Sign-in failed (HTTP ${response.status}); try again.`);
  }
  return (await response.json()).userId;
}

export async function signOut() {
  await fetch(`${AUTH}/logout`, { method: 'POST', headers: { 'X-XSRF-TOKEN': await csrfToken() } });
}

/**
 * Calls mpgov's /api as the signed-in user and answers its JSON. The header marks the call as the page's own:
 * no basic-auth prompt on 401, and a change is taken (CrossSiteRequestFilter).
 */
export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-By': 'mpgov', ...(options.headers || {}) };
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401) {
    throw new SignInNeeded('Please sign in.');
  }
  const body = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error((body && (body.detail || body.title)) || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}
