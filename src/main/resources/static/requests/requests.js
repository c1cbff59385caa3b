// The request pages: /requests (the requests the signed-in user may see, and the tasks waiting for them) and
// /requests/{requestId} (one request: where it stands, decisions, AWS changes, mails, policies).
// Signed in with the Camunda webapps' session (session.js). Everything from the API is written as text, never as markup.
import { api, currentUser, signIn, signOut, SignInNeeded } from '/common/session.js';

const PAGE_SIZE = 20;

const LABELS = {
  productTitle: 'Product',
  productId: 'Product id',
  sellerName: 'Seller',
  offerType: 'Offer type',
  offerId: 'Private offer id',
  requestType: 'Request',
  newVendor: 'First contract with this seller?',
  customEula: 'Custom EULA?',
  estimatedAnnualCost: 'Estimated annual cost (USD)',
  contractMonths: 'Contract length (months)',
  dataClassification: 'Data the product will handle',
  businessJustification: 'Business justification',
  targetAccountIds: 'Target account ids',
  targetOuId: 'Target organizational unit',
  targetTag: 'Target account tag',
  renewalOf: 'Renews request',
  pmpRequestId: 'Private Marketplace product request',
};

const WORDS = {
  offerType: { PUBLIC: 'Public self-service offer', PRIVATE: 'Seller private offer' },
  requestType: { NEW: 'New product', RENEWAL: 'Renewal of an expiring or removed product' },
  dataClassification: { PUBLIC: 'Public', INTERNAL: 'Internal', CONFIDENTIAL: 'Confidential', RESTRICTED: 'Restricted' },
  decision: {
    APPROVE: 'Approved', REJECT: 'Rejected', REQUEST_CHANGES: 'Changes requested', ACCEPT: 'Accepted',
    RESUBMIT: 'Resubmitted', WITHDRAW: 'Withdrawn', RETRY: 'Retry', ABANDON: 'Abandoned', ATTEST: 'Attested',
  },
  group: {
    requester: 'Requesters', 'procurement-manager': 'Procurement managers', 'pmp-admin': 'PMP administrators',
    'software-manager': 'Software managers', legal: 'Legal', finance: 'Finance', security: 'Security',
    auditor: 'Auditors', 'camunda-admin': 'Administrators',
  },
};

const list = { page: 0, state: 'all', mine: false, tasksPage: 0 };

const $ = id => document.getElementById(id);

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (className) e.className = className;
  return e;
}

function link(href, text) {
  const a = el('a', text);
  a.href = href;
  return a;
}

/** A date in the reader's locale, the ISO instant as its machine-readable value. */
function when(value) {
  if (!value) return el('span', '—', 'muted');
  const date = new Date(value);
  const t = el('time', date.toLocaleString());
  t.dateTime = date.toISOString();
  t.title = date.toISOString();
  return t;
}

function value(key, v) {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (WORDS[key] && WORDS[key][v]) return WORDS[key][v];
  if (key === 'targetAccountIds') return String(v).split(',').map(s => s.trim()).filter(Boolean).join(', ');
  if (key === 'estimatedAnnualCost' && typeof v === 'number') return v.toLocaleString();
  return String(v);
}

function who(entry) {
  if (entry.startsWith('group:')) {
    const group = entry.substring('group:'.length);
    return WORDS.group[group] || group;
  }
  return entry;
}

function row(...cells) {
  const tr = el('tr');
  for (const cell of cells) {
    const td = el('td');
    if (cell instanceof Node) td.append(cell);
    else td.textContent = cell === null || cell === undefined || cell === '' ? '—' : String(cell);
    tr.append(td);
  }
  return tr;
}

function facts(dl, pairs) {
  dl.replaceChildren();
  for (const [label, content] of pairs) {
    const dd = el('dd');
    if (content instanceof Node) dd.append(content);
    else dd.textContent = content;
    dl.append(el('dt', label), dd);
  }
}

function show(view) {
  for (const id of ['sign-in', 'list-view', 'request-view']) $(id).hidden = id !== view;
}

function whoMayWork(w) {
  const names = [...(w.candidateGroups || []).map(g => WORDS.group[g] || g), ...(w.candidateUsers || [])];
  if (w.assignee) return `${w.assignee} (claimed)` + (names.length ? `; candidates: ${names.join(', ')}` : '');
  return names.join(', ') || '—';
}

function tasklistLink(url) {
  return url ? link(url, 'Open in Tasklist') : '';
}

function pager(prefix, page, size, total, go) {
  // One page holds it all: no pager.
  $(`${prefix}-position`).parentElement.hidden = page === 0 && total <= size;
  const first = total === 0 ? 0 : page * size + 1;
  $(`${prefix}-position`).textContent = `${first}–${Math.min(total, (page + 1) * size)} of ${total}`;
  $(`${prefix}-previous`).disabled = page === 0;
  $(`${prefix}-next`).disabled = (page + 1) * size >= total;
  $(`${prefix}-previous`).onclick = () => go(page - 1);
  $(`${prefix}-next`).onclick = () => go(page + 1);
}

async function showTasks() {
  const tasks = await api(`/api/tasks?page=${list.tasksPage}&size=${PAGE_SIZE}`);
  $('tasks').replaceChildren(...tasks.items.map(t => row(
    t.name,
    t.requestId ? link(`/requests/${encodeURIComponent(t.requestId)}`, t.requestId) : '',
    t.productTitle || t.productId,
    when(t.created),
    when(t.due),
    tasklistLink(t.tasklistUrl))));
  $('tasks-empty').hidden = tasks.total > 0;
  $('tasks-table').hidden = tasks.total === 0;
  pager('tasks', tasks.page, tasks.size, tasks.total, page => { list.tasksPage = page; showTasks().catch(failed); });
}

async function showRequests() {
  const query = new URLSearchParams({ page: list.page, size: PAGE_SIZE, state: list.state, mine: list.mine });
  const requests = await api(`/api/requests?${query}`);
  $('mine-switch').hidden = !requests.allVisible;
  $('requests-title').textContent = requests.allVisible && !list.mine ? 'All requests' : 'My requests';
  $('requests').replaceChildren(...requests.items.map(r => {
    const tr = row(
      link(`/requests/${encodeURIComponent(r.requestId)}`, r.requestId),
      r.productTitle ? `${r.productTitle} (${r.productId})` : r.productId,
      value('offerType', r.offerType),
      r.status,
      r.startedBy,
      when(r.startedAt),
      when(r.endedAt));
    tr.dataset.request = r.requestId;
    return tr;
  }));
  $('requests-empty').hidden = requests.total > 0;
  $('requests-table').hidden = requests.total === 0;
  pager('requests', requests.page, requests.size, requests.total, page => { list.page = page; showRequests().catch(failed); });
}

async function showRequest(requestId) {
  let r;
  try {
    r = await api(`/api/requests/${encodeURIComponent(requestId)}`);
  } catch (e) {
    if (e instanceof SignInNeeded) throw e;
    show('request-view');
    $('request-title').textContent = `Request ${requestId}`;
    // Only a 404 means "not yours or not there"; anything else is mpgov's trouble, not the reader's.
    $('request-status').textContent = e.status === 404
      ? 'Not found: there is no such request, or it is not one you may see.'
      : `The request could not be shown (${e.message}). Please try again later.`;
    for (const id of ['request-facts', 'request-details']) $(id).replaceChildren();
    for (const section of document.querySelectorAll('#request-view section:not(:first-child)')) section.hidden = true;
    return;
  }
  const d = r.details || {};
  $('request-title').textContent = `${r.requestId} — ${d.productTitle || d.productId || ''}`;
  $('request-status').textContent = r.status;
  facts($('request-facts'), [
    ['Requested by', r.startedBy || d.initiator || '—'],
    ['Started', when(r.startedAt)],
    ['Ended', when(r.endedAt)],
  ]);
  facts($('request-details'), Object.keys(LABELS).filter(k => d[k] !== undefined && d[k] !== null && d[k] !== '')
    .map(k => [LABELS[k], value(k, d[k])]));

  const waiting = r.waitingFor || [];
  $('waiting-section').hidden = waiting.length === 0;
  $('waiting').replaceChildren(...waiting.map(w => row(
    w.taskName, whoMayWork(w), when(w.since), when(w.due), tasklistLink(w.tasklistUrl))));

  const decisions = r.decisions || [];
  $('decisions-empty').hidden = decisions.length > 0;
  $('decisions').replaceChildren(...decisions.map(x => row(
    x.taskName, value('decision', x.decision), x.decidedBy, when(x.decidedAt), x.comment)));

  const approvals = r.approvals || [];
  $('approvals-section').hidden = approvals.length === 0;
  $('approvals').replaceChildren(...approvals.map(a => row(
    a.kind,
    a.group,
    a.required ? 'Yes' : 'No longer',
    a.givenBy ? a.givenBy : el('span', 'not given', a.required ? 'failed' : ''),
    when(a.givenAt),
    a.objectedBefore ? 'asked again: it asked for changes or rejected before' : '')));

  const aws = r.awsChanges || { changeSets: [], grants: [], agreementAttempts: [] };
  const attempts = aws.agreementAttempts || [];
  $('agreement-attempts-table').hidden = attempts.length === 0;
  $('agreement-attempts').replaceChildren(...attempts.map(a => row(
    a.agreementId,
    a.enteredBy,
    when(a.enteredAt),
    el('span', a.outcome === 'ACCEPTED' ? 'accepted' : a.outcome === 'REFUSED' ? 'refused' : 'not checked yet',
      a.outcome === 'REFUSED' ? 'failed' : ''),
    a.reason)));
  const agreement = aws.agreement;
  facts($('agreement'), agreement ? [
    ['Agreement', agreement.agreementId],
    ['Verified', agreement.verified === undefined ? '—' : value('', agreement.verified)],
    ...(agreement.problem ? [['Problem', agreement.problem]] : []),
    ...(agreement.endDate ? [['Agreement ends', when(agreement.endDate)]] : []),
    ...(agreement.autoRenew !== undefined ? [['Renews automatically', value('', agreement.autoRenew)]] : []),
  ] : []);
  $('change-sets-table').hidden = aws.changeSets.length === 0;
  $('change-sets').replaceChildren(...aws.changeSets.map(c => row(
    c.changeSetId || 'not started yet',
    c.experienceId || 'the primary experience',
    el('span', c.status || (c.processState === 'ACTIVE' ? 'running' : '—'), c.status === 'FAILED' ? 'failed' : ''),
    when(c.startedAt),
    when(c.endedAt))));
  $('grants-table').hidden = aws.grants.length === 0;
  $('grants').replaceChildren(...aws.grants.map(g => row(
    el('span', g.outcome, g.outcome === 'failed' ? 'failed' : ''),
    g.grantee === '-' ? 'every account' : g.grantee,
    g.licenseArn ? g.licenseArn.substring(g.licenseArn.lastIndexOf(':') + 1) : '',
    g.reason,
    when(g.at))));
  $('changes-empty').hidden = Boolean(agreement) || aws.changeSets.length > 0 || aws.grants.length > 0;

  const mails = r.mails || [];
  $('mails-empty').hidden = mails.length > 0;
  $('mails').replaceChildren(...mails.map(m => row(m.about || m.template, m.recipients.map(who).join(', '), when(m.sentAt))));

  const policies = r.policies || [];
  $('policies-empty').hidden = policies.length > 0;
  $('policies').replaceChildren(...policies.map(p => row(
    p.decision,
    p.version + (p.versionTag ? ` (${p.versionTag})` : ''),
    when(p.evaluatedAt),
    (p.outputs || []).map(o => `${o.name}: ${o.value}`).join('; '))));
  for (const section of document.querySelectorAll('#request-view section:not(#waiting-section):not(#approvals-section)')) section.hidden = false;
  show('request-view');
}

function failed(e) {
  if (e instanceof SignInNeeded) {
    $('who').textContent = '';
    $('sign-out').hidden = true;
    show('sign-in');
    return;
  }
  $('problem').textContent = e.message;
}

async function render() {
  $('problem').textContent = '';
  const user = await currentUser();
  if (!user) throw new SignInNeeded('Please sign in.');
  $('who').textContent = user;
  $('sign-out').hidden = false;
  const path = location.pathname.replace(/\/+$/, '');
  const requestId = path.startsWith('/requests/') ? decodeURIComponent(path.substring('/requests/'.length)) : null;
  if (requestId) {
    await showRequest(requestId);
  } else {
    await Promise.all([showTasks(), showRequests()]);
    show('list-view');
  }
}

$('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  $('sign-in-error').textContent = '';
  try {
    await signIn($('user').value, $('password').value);
    $('password').value = '';
    await render();
  } catch (e) {
    $('sign-in-error').textContent = e.message;
  }
});
$('sign-out').addEventListener('click', () => signOut().then(() => failed(new SignInNeeded())).catch(failed));
$('state').addEventListener('change', () => { list.state = $('state').value; list.page = 0; showRequests().catch(failed); });
$('mine').addEventListener('change', () => { list.mine = $('mine').checked; list.page = 0; showRequests().catch(failed); });

render().catch(failed);
