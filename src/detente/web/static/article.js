// Article page: bring the highlighted sentence (?hl=START-END) into view; clicking a coded
// sentence shows its events' coding in the side panel.
(function () {
  const first = document.querySelector('.sent.hl');
  if (first) first.scrollIntoView({ block: 'center' });

  const panel = document.getElementById('coding-panel');
  if (!panel) return;

  function line(ev) {
    const div = document.createElement('div');
    div.className = 'coding-item';
    const head = document.createElement('b');
    head.textContent = ev.type + (ev.mode ? ' / ' + ev.mode : '');
    div.appendChild(head);
    div.appendChild(document.createTextNode(
      ` ${ev.source || '?'} → ${ev.target || '?'} · ${ev.status || ''} · ${ev.date || 'undated'}`));
    const meta = document.createElement('div');
    meta.className = 'coding';
    const conf = typeof ev.confidence === 'number' ? ev.confidence.toFixed(2) : '—';
    meta.textContent = `rule ${ev.rule || '—'} · CAMEO ${ev.cameo || '—'} · Goldstein ${ev.goldstein ?? '—'} · confidence ${conf}`;
    div.appendChild(meta);
    return div;
  }

  document.addEventListener('click', (e) => {
    const sent = e.target.closest('.sent.has-event');
    if (!sent) return;
    document.querySelectorAll('.sent.hl').forEach(x => x.classList.remove('hl'));
    sent.classList.add('hl');
    panel.replaceChildren(...JSON.parse(sent.dataset.events).map(line));
    panel.hidden = false;
  });
})();
