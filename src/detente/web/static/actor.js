// Actor page: filter the (possibly long) lists of designations by name or id; open the
// programmes that still have matches.
(function () {
  const box = document.getElementById('list-filter');
  if (!box) return;
  const groups = Array.from(document.querySelectorAll('#lists details.program'));
  box.addEventListener('input', () => {
    const q = box.value.trim().toLowerCase();
    groups.forEach(g => {
      let n = 0;
      g.querySelectorAll('tbody tr').forEach(tr => {
        const hit = !q || tr.textContent.toLowerCase().includes(q);
        tr.hidden = !hit;
        if (hit) n += 1;
      });
      g.hidden = n === 0;
      if (q) g.open = n > 0;
      g.querySelector('summary .tag').textContent = String(n);
    });
  });
})();
