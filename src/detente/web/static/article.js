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

  function show(sent) {
    document.querySelectorAll('.sent.hl').forEach(x => x.classList.remove('hl'));
    sent.classList.add('hl');
    panel.replaceChildren(...JSON.parse(sent.dataset.events).map(line));
    panel.hidden = false;
  }

  document.addEventListener('click', (e) => {
    // an event in the side list: highlight its sentence without reloading the page
    const link = e.target.closest('a.ev[data-sent]');
    if (link) {
      const sent = document.getElementById(link.dataset.sent);
      if (sent && sent.classList.contains('has-event')) {
        e.preventDefault();
        show(sent);
        sent.scrollIntoView({ block: 'center' });
        history.replaceState(null, '', link.getAttribute('href'));
      }
      return;
    }
    const sent = e.target.closest('.sent.has-event');
    if (sent) show(sent);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const sent = e.target.closest && e.target.closest('.sent.has-event');
    if (!sent) return;
    e.preventDefault();
    show(sent);
  });
  if (first && first.classList.contains('has-event')) show(first);
})();
