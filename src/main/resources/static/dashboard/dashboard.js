// The catalog dashboard: reads /api/dashboard/catalog with the signed-in user's credentials.
// Everything from the API is written as text, never as markup.
(function () {
  'use strict';
  let auth = sessionStorage.getItem('mpgov-auth');

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

  // X-Requested-By: mpgov refuses state-changing calls without it (or a JSON body), which no other site can send.
  async function api(method, path) {
    const response = await fetch(path, { method, headers: { Authorization: 'Basic ' + auth, 'X-Requested-By': 'mpgov' } });
    if (response.status === 401) throw new Error('Wrong user or password.');
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail || body.message || ('HTTP ' + response.status));
    return body;
  }

  function daysUntil(isoDay) {
    return (new Date(isoDay + 'T00:00:00Z').getTime() - Date.now()) / 86400000;
  }

  function row(p) {
    const tr = el('tr');
    tr.dataset.product = p.productId;
    tr.append(el('td', p.productId), el('td', p.offerType + (p.origin === 'BASELINE' ? ' (baseline)' : '')),
      el('td', (p.agreementEnd || '—') + (p.autoRenew ? ' (auto-renews)' : '')),
      el('td', p.daysLeft === null || p.daysLeft === undefined ? '—' : p.daysLeft, p.daysLeft !== null && p.daysLeft <= 92 ? 'soon' : ''),
      el('td', p.plannedRemoval ? p.plannedRemoval + ' — ' + p.removalReason + (p.offerType === 'PUBLIC' ? ', unless used again' : '')
        : 'not planned', !p.plannedRemoval ? 'muted' : daysUntil(p.plannedRemoval) <= 30 ? 'soon' : ''),
      el('td', (p.lastUsed || '—') + (p.usageSignal ? ' (' + p.usageSignal + ')' : '')),
      el('td', Object.keys(p.grantsByAccount || {}).length),
      el('td', (p.openRequests || []).join(', ') || '—'),
      el('td', p.requester || '—'),
      el('td', (p.experiences || []).join(', ')));
    return tr;
  }

  function timeline(overview) {
    const chart = document.getElementById('timeline');
    chart.replaceChildren();
    const today = new Date(overview.today + 'T00:00:00Z').getTime();
    const day = 86400000;
    const ends = overview.products.map(p => p.agreementEnd || p.plannedRemoval).filter(Boolean)
      .map(d => new Date(d + 'T00:00:00Z').getTime());
    // At least a year, at most three: a ten-year agreement must not squash the ones that end soon.
    const last = Math.min(today + 3 * 365 * day, Math.max(today + 365 * day, ...ends));
    const left = 180, width = 760, rowHeight = 26;
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
      chart.append(svg('text', { x: 0, y: y + 14 }, p.productId));
      const end = p.agreementEnd ? new Date(p.agreementEnd + 'T00:00:00Z').getTime() : null;
      chart.append(svg('rect', { x: left, y, height: 16, rx: 3, width: Math.max(2, Math.min(left + width, end ? x(end) : left + width) - left),
        fill: end ? '#9fb3c8' : '#d9e2ec' }));
      if (p.plannedRemoval && new Date(p.plannedRemoval + 'T00:00:00Z').getTime() <= last) {
        const r = x(new Date(p.plannedRemoval + 'T00:00:00Z').getTime());
        chart.append(svg('rect', { x: r - 2, y: y - 2, width: 4, height: 20, fill: '#b91c1c', 'data-removal': p.productId }));
      }
    });
  }

  async function show() {
    const overview = await api('GET', '/api/dashboard/catalog');
    document.getElementById('login').hidden = true;
    document.getElementById('timeline-section').hidden = false;
    document.getElementById('products-section').hidden = false;
    document.getElementById('today').textContent = 'on ' + overview.today;
    document.getElementById('policy').textContent = overview.policyVersion;
    document.getElementById('who').textContent = atob(auth).split(':')[0];
    document.getElementById('products').replaceChildren(...overview.products.map(row));
    timeline(overview);
  }

  async function review(dryRun) {
    const status = document.getElementById('review-status');
    status.textContent = 'Reviewing…';
    try {
      const started = await api('POST', '/api/reviews/catalog' + (dryRun ? '?dryRun=true' : ''));
      let run;
      for (let i = 0; i < 60; i++) {
        run = await api('GET', '/api/reviews/catalog/' + started.processInstanceId);
        if (run.state !== 'ACTIVE') break;
        await new Promise(r => setTimeout(r, 500));
      }
      status.textContent = (dryRun ? 'Dry run: ' : 'Review: ') + run.removedCount + ' product(s) '
        + (dryRun ? 'would be removed' : 'removed') + ' (' + run.state.toLowerCase() + ')';
      status.dataset.removed = run.removedCount;
      if (!dryRun) setTimeout(() => show().catch(() => {}), 4000);
    } catch (e) {
      status.textContent = e.message;
    }
  }

  document.getElementById('login-form').addEventListener('submit', async event => {
    event.preventDefault();
    auth = btoa(document.getElementById('user').value + ':' + document.getElementById('password').value);
    try {
      await show();
      sessionStorage.setItem('mpgov-auth', auth);
    } catch (e) {
      document.getElementById('error').textContent = e.message;
    }
  });
  document.getElementById('dry-run').addEventListener('click', () => review(true));
  document.getElementById('review').addEventListener('click', () => review(false));
  if (auth) show().catch(e => { sessionStorage.removeItem('mpgov-auth'); document.getElementById('error').textContent = e.message; });
})();
