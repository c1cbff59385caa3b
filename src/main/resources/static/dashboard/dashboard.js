// The catalog dashboard: signed in with the Camunda webapps' session (the one Tasklist uses), it reads
// /api/dashboard/me (who is signed in, what they may do) and /api/dashboard/catalog. Everything from the
// server is written as text (textContent, attributes), never as markup.
import { api, currentUser, signIn, signOut, SignInNeeded } from '/common/session.js';

const $ = id => document.getElementById(id);
let products = new Map();

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (className) e.className = className;
  return e;
}

function svg(tag, attributes, text) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  Object.entries(attributes).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function cell(lines, className) {
  const td = el('td', null, className);
  lines.filter(([text]) => text !== null && text !== undefined && text !== '')
    .forEach(([text, lineClass], i) => { if (i) td.append(el('br')); td.append(el('span', text, lineClass)); });
  return td;
}

function daysUntil(isoDay) {
  return (new Date(isoDay + 'T00:00:00Z').getTime() - Date.now()) / 86400000;
}

const OFFER = { PUBLIC: 'Public offer', PRIVATE: 'Private offer' };
const ORIGIN = { MPGOV: 'added by mpgov', BASELINE: 'in the catalog before mpgov', 'NOT YET REVIEWED': 'not reviewed yet' };

function titleOf(p) {
  return p.title || 'Title unknown';
}

/** What is known of the product's last use, in words. */
function lastUse(p) {
  if (p.lastUsed) return p.lastUsed;
  if (p.noUseSeenSince) return 'no use seen since ' + p.noUseSeenSince;
  return 'unknown';
}

/** Why the review policy removes the product, with the fact behind it. */
function why(p, reason) {
  if (!p) return reason;
  if (p.offerType === 'PRIVATE' && p.agreementEnd) return reason + ' (ends ' + p.agreementEnd + ')';
  if (p.offerType === 'PUBLIC') return reason + ' (' + (p.lastUsed ? 'last used ' : '') + lastUse(p) + ')';
  return reason;
}

function row(p) {
  const tr = el('tr');
  tr.dataset.product = p.productId;
  tr.append(
    cell([[titleOf(p), p.title ? 'title' : 'muted'], [p.seller ? 'by ' + p.seller : null], [p.productId, 'muted id']]),
    cell([[OFFER[p.offerType] || p.offerType], [(ORIGIN[p.origin] || p.origin) + (p.requestId ? ' for ' + p.requestId : ''), 'muted']]),
    cell([[(p.agreementEnd || '—') + (p.autoRenew ? ' (renews automatically)' : '')]]),
    el('td', p.daysLeft === null || p.daysLeft === undefined ? '—' : p.daysLeft,
      p.daysLeft !== null && p.daysLeft <= 92 ? 'soon' : ''),
    el('td', p.plannedRemoval ? p.plannedRemoval + ' — ' + p.removalReason + (p.offerType === 'PUBLIC' ? ', unless used again' : '')
      : 'not planned', !p.plannedRemoval ? 'muted' : daysUntil(p.plannedRemoval) <= 30 ? 'soon' : ''),
    cell([[lastUse(p), 'last-use'], [p.usageSignal, 'muted']]),
    el('td', Object.keys(p.grantsByAccount || {}).length),
    el('td', (p.openRequests || []).join(', ') || '—'),
    el('td', p.requester || '—'),
    el('td', (p.experiences || []).join(', ')));
  return tr;
}

function timeline(overview) {
  const chart = $('timeline');
  chart.replaceChildren();
  const today = new Date(overview.today + 'T00:00:00Z').getTime();
  const day = 86400000;
  const ends = overview.products.map(p => p.agreementEnd || p.plannedRemoval).filter(Boolean)
    .map(d => new Date(d + 'T00:00:00Z').getTime());
  // At least a year, at most three: a ten-year agreement must not squash the ones that end soon.
  const last = Math.min(today + 3 * 365 * day, Math.max(today + 365 * day, ...ends));
  const left = 200, width = 740, rowHeight = 26;
  const x = t => left + (t - today) / (last - today) * width;
  chart.setAttribute('viewBox', `0 0 ${left + width + 20} ${overview.products.length * rowHeight + 30}`);
  chart.setAttribute('height', overview.products.length * rowHeight + 30);
  const months = (last - today) / (30.44 * day);
  const step = Math.max(3, Math.ceil(months / 8 / 3) * 3);
  for (let m = 0; m <= months; m += step) {
    const t = today + m * 30.44 * day;
    chart.append(svg('line', { x1: x(t), x2: x(t), y1: 0, y2: overview.products.length * rowHeight, stroke: '#e4e7eb' }),
      svg('text', { x: x(t) + 2, y: overview.products.length * rowHeight + 16, fill: '#7b8794' }, m === 0 ? 'today' : '+' + m + ' mo'));
  }
  overview.products.forEach((p, i) => {
    const y = i * rowHeight + 4;
    const label = titleOf(p).length > 28 ? titleOf(p).slice(0, 27) + '…' : titleOf(p);
    const name = svg('text', { x: 0, y: y + 14 }, label);
    name.append(svg('title', {}, titleOf(p) + ' (' + p.productId + ')'));
    chart.append(name);
    const end = p.agreementEnd ? new Date(p.agreementEnd + 'T00:00:00Z').getTime() : null;
    chart.append(svg('rect', { x: left, y, height: 16, rx: 3, width: Math.max(2, Math.min(left + width, end ? x(end) : left + width) - left),
      fill: end ? '#9fb3c8' : '#d9e2ec' }));
    if (p.plannedRemoval && new Date(p.plannedRemoval + 'T00:00:00Z').getTime() <= last) {
      const r = x(new Date(p.plannedRemoval + 'T00:00:00Z').getTime());
      chart.append(svg('rect', { x: r - 2, y: y - 2, width: 4, height: 20, fill: '#b91c1c', 'data-removal': p.productId }));
    }
  });
}

function showOnly(...ids) {
  ['login', 'not-for-you', 'timeline-section', 'products-section'].forEach(id => { $(id).hidden = !ids.includes(id); });
}

function signedOut(message) {
  $('who').textContent = '';
  $('sign-out').hidden = true;
  $('evidence').hidden = true;
  $('error').textContent = message || '';
  showOnly('login');
}

async function show() {
  const me = await api('/api/dashboard/me');
  $('who').textContent = me.name;
  $('sign-out').hidden = false;
  $('evidence').hidden = !me.mayReadEvidence;
  if (me.mayReadEvidence) {
    const day = offset => new Date(Date.now() - offset * 864e5).toISOString().slice(0, 10);
    $('evidence').href = '/api/audit/evidence?format=csv&from=' + day(30) + '&to=' + day(0);
  }
  if (!me.mayRead) {
    $('readers').textContent = new Intl.ListFormat('en', { type: 'conjunction' }).format(me.readers);
    showOnly('not-for-you');
    return;
  }
  // Offered only to those the review endpoint lets start it; the endpoint still refuses everyone else.
  $('dry-run').hidden = !me.mayDryRun;
  $('review').hidden = !me.mayReview;
  const overview = await api('/api/dashboard/catalog');
  products = new Map(overview.products.map(p => [p.productId, p]));
  $('today').textContent = 'on ' + overview.today;
  $('policy').textContent = overview.policyVersion;
  $('products').replaceChildren(...overview.products.map(row));
  timeline(overview);
  showOnly('timeline-section', 'products-section');
}

async function review(dryRun) {
  const status = $('review-status');
  const list = $('review-removals');
  status.textContent = dryRun ? 'Dry run under way…' : 'Review under way…';
  list.replaceChildren();
  try {
    const started = await api('/api/reviews/catalog' + (dryRun ? '?dryRun=true' : ''), { method: 'POST' });
    let run;
    for (let i = 0; i < 60; i++) {
      run = await api('/api/reviews/catalog/' + started.processInstanceId);
      if (run.state !== 'ACTIVE') break;
      await new Promise(r => setTimeout(r, 500));
    }
    const removals = Object.entries(run.removals || {});
    const count = removals.length === 1 ? '1 product' : removals.length + ' products';
    status.textContent = run.state === 'COMPLETED'
      ? (dryRun ? 'Dry run: ' + count + ' would be removed' : 'Review: ' + count + ' removed') + (removals.length ? ':' : '.')
      : (dryRun ? 'The dry run' : 'The review') + ' has not finished (' + run.state.toLowerCase() + '); see Cockpit.';
    status.dataset.removed = removals.length;
    list.replaceChildren(...removals.map(([productId, reason]) => {
      const p = products.get(productId);
      const li = el('li');
      li.dataset.product = productId;
      li.append(el('strong', p ? titleOf(p) : productId), ' ', el('span', p ? '(' + productId + ')' : '', 'muted'),
        ' — ', why(p, reason));
      return li;
    }));
    if (!dryRun) setTimeout(() => show().catch(failed), 4000);
  } catch (e) {
    if (e instanceof SignInNeeded) signedOut('Your sign-in has ended; please sign in again.');
    else status.textContent = e.message;
  }
}

function failed(e) {
  if (e instanceof SignInNeeded) signedOut();
  else $('error-page').textContent = 'The dashboard could not be loaded: ' + e.message;
}

$('login-form').addEventListener('submit', async event => {
  event.preventDefault();
  $('error').textContent = '';
  try {
    await signIn($('user').value, $('password').value);
    $('password').value = '';
    await show();
  } catch (e) {
    $('error').textContent = e.message;
  }
});
$('sign-out').addEventListener('click', async () => {
  await signOut();
  signedOut('Signed out.');
});
$('dry-run').addEventListener('click', () => review(true));
$('review').addEventListener('click', () => review(false));

// Already signed in to Tasklist or Cockpit in this browser: no second sign-in.
currentUser().then(user => (user ? show() : signedOut())).catch(failed);
