// mpgov in Tasklist. Tasklist says only "The process has been started.": once a procurement request starts,
// this says its id and links its request page. It watches Tasklist's own calls to start a process and changes
// nothing that is sent or answered.
const START = /\/process-definition\/[^/]+\/(submit-form|start)$/;

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && START.test(String(url).split('?')[0])) {
    this.addEventListener('load', () => {
      if (this.status === 200) {
        announce(this.responseText);
      } else {
        // Tasklist shows the refusal at the top of the dialog, far from the Start button just pressed.
        setTimeout(() => document.querySelector('.modal')?.scrollTo({ top: 0, behavior: 'smooth' }), 0);
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

function announce(responseText) {
  let requestId;
  try {
    requestId = JSON.parse(responseText).businessKey;
  } catch (notJson) {
    return;
  }
  if (!/^PR-[A-Z0-9]+$/.test(requestId || '')) {
    return;
  }
  document.getElementById('mpgov-request-started')?.remove();
  const banner = document.createElement('div');
  banner.id = 'mpgov-request-started';
  banner.setAttribute('role', 'status');
  banner.style.cssText = 'position:fixed;top:48px;right:16px;z-index:3000;max-width:440px;padding:12px 16px;'
    + 'background:#e7f4e4;border:1px solid #4a8a3c;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.2)';
  const text = document.createElement('div');
  text.textContent = `Request ${requestId} submitted. You will get a mail at every step.`;
  const link = document.createElement('a');
  link.href = `/requests/${encodeURIComponent(requestId)}`;
  link.textContent = `Follow ${requestId} on its request page`;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Close');
  close.style.cssText = 'position:absolute;top:4px;right:8px;border:0;background:none;font-size:18px';
  close.addEventListener('click', () => banner.remove());
  banner.append(text, link, close);
  document.body.appendChild(banner);
}

export default [];
