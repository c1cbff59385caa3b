// mpgov's pages sign in with the Camunda webapps' session: one sign-in for Tasklist, Cockpit and these pages,
// and no basic-auth prompt. /api takes the same session (ApiAuthenticationFilter).
const AUTH = '/camunda/api/admin/auth/user/default';

/** Thrown by {@link api} when nobody is signed in (any more): the page shows its sign-in form. */
export class SignInNeeded extends Error {}

// Camunda's CSRF filter tells a session's token once, in the X-XSRF-TOKEN header of the read that creates it
// (its cookie is kept to /camunda, out of this page's reach): every read of AUTH keeps what it is told.
let token = null;

async function readAuth() {
  const response = await fetch(AUTH, { headers: { Accept: 'application/json' } });
  token = response.headers.get('X-XSRF-TOKEN') || token;
  return response;
}

/** The signed-in user's id, or null. */
export async function currentUser() {
  const response = await readAuth();
  return response.ok ? (await response.json()).userId : null;
}

async function post(path, body) {
  await readAuth();
  return fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': token || '' },
    body,
  });
}

/** Signs in as Tasklist's sign-in page does; a refusal is an Error whose message a person can read. */
export async function signIn(user, password) {
  const body = new URLSearchParams({ username: user, password });
  let response = await post(`${AUTH}/login/welcome`, body);
  if (response.status === 403) {
    // The session's token was handed to another page (Tasklist's sign-in page): the CSRF filter has just
    // dropped that session, and the next read starts one whose token this page is told.
    token = null;
    response = await post(`${AUTH}/login/welcome`, body);
  }
  if (response.status === 401) {
    throw new Error('Wrong user name or password.');
  }
  if (!response.ok) {
    throw new Error(`Sign-in failed (HTTP ${response.status}); try again.`);
  }
  return (await response.json()).userId;
}

/** Signs out of the webapps (Tasklist too). A token this page was never told also ends the session: the CSRF filter drops it. */
export async function signOut() {
  await post(`${AUTH}/logout`);
  token = null;
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
    throw new Error((body && (body.detail || body.title)) || `HTTP ${response.status}`);
  }
  return body;
}
