// Dyad dashboard: the as-of date recomputes the page; the stance chart marks state changes;
// the timeline shows its newest rows a page at a time and filters events / state changes.
(function () {
  const table = document.getElementById('timeline');
  const controls = document.getElementById('timeline-controls');
  if (table && controls) {
    const PAGE = 25;
    const rows = Array.from(table.tBodies[0].rows).filter(r => !r.classList.contains('empty'));
    const more = document.getElementById('timeline-more');
    const shown = document.getElementById('timeline-shown');
    let limit = PAGE, kind = 'all';
    function render() {
      const wanted = rows.filter(r => kind === 'all' || r.classList.contains(kind));
      rows.forEach(r => { r.hidden = true; });
      wanted.slice(0, limit).forEach(r => { r.hidden = false; });
      const left = wanted.length - Math.min(limit, wanted.length);
      more.hidden = left <= 0;
      more.textContent = `Show ${Math.min(PAGE, left)} more (${left} hidden)`;
      shown.textContent = `${Math.min(limit, wanted.length)} of ${wanted.length} rows, newest first`;
    }
    more.addEventListener('click', () => { limit += PAGE; render(); });
    controls.querySelectorAll('input[name="tl-kind"]').forEach(inp => inp.addEventListener('change', () => {
      kind = inp.value; limit = PAGE; render();
    }));
    controls.hidden = false;
    render();
  }

  const asOf = document.getElementById('as-of');
  if (asOf && asOf.form) {
    // typing a year digit by digit passes through 0002, 0020, 0201: wait for a real year
    asOf.addEventListener('change', () => { if (asOf.value && asOf.value >= '1000-') asOf.form.submit(); });
  }

  const canvas = document.getElementById('stance-chart');
  const dataEl = document.getElementById('stance-data');
  if (!canvas || !dataEl || typeof Chart === 'undefined') return;
  const data = JSON.parse(dataEl.textContent);
  const all = data.points || [];
  const changes = data.changes || [];
  if (!all.length) { canvas.hidden = true; return; }

  // The months shown: the last `span` months (0: all). The default window leaves recent months
  // room; the buttons under the chart widen it.
  const DEFAULT_SPAN = 36;
  let points = all;
  function windowed(span) {
    points = span > 0 && all.length > span ? all.slice(all.length - span) : all;
  }

  // A dashed vertical line and a numbered marker for each month with a change of designation,
  // representation, recognition…; the numbers are explained in the list under the chart (numbered
  // over the whole series, so they stay the same whatever the window). Markers are laid out in
  // rows: a marker goes to the first row where it clears the one before it, so none overlap, and
  // it is kept inside the plot area at the edges.
  // Where the numbered markers go: each kept inside [left, right], in the first row where it clears
  // the marker before it (rows of 16px from the top of the plot), so none overlap.
  function layoutMarkers(items, left, right) {
    const rowEnds = [];  // the right edge of the last marker placed in each row
    return items.map(({ x, w }) => {
      const cx = Math.min(Math.max(x, left + w / 2), right - w / 2);
      let row = rowEnds.findIndex(end => end + 2 <= cx - w / 2);
      if (row < 0) { row = rowEnds.length; rowEnds.push(0); }
      rowEnds[row] = cx + w / 2;
      return { x, cx, row, left: cx - w / 2, right: cx + w / 2 };
    });
  }
  window.detente = Object.assign(window.detente || {}, { layoutMarkers });

  // A dashed vertical line and a numbered marker for each month with a change of designation,
  // representation, recognition…; the numbers are explained in the list under the chart (numbered
  // over the whole series, so they stay the same whatever the window).
  const changeLines = {
    id: 'changeLines',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const first = points[0].month, last = points[points.length - 1].month;
      ctx.save();
      ctx.font = 'bold 11px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      const shown = [];
      changes.forEach((c, n) => {
        if (c.month < first || c.month > last) return;
        const i = points.findIndex(p => p.month >= c.month);
        if (i >= 0) shown.push({ n: n + 1, x: scales.x.getPixelForValue(i), w: ctx.measureText(String(n + 1)).width + 8 });
      });
      const boxes = layoutMarkers(shown, chartArea.left, chartArea.right);
      chart.$markers = [];  // the boxes drawn (for tests: none may overlap)
      boxes.forEach((b, k) => {
        const cy = chartArea.top + 9 + 16 * b.row;
        ctx.strokeStyle = '#b54708';
        ctx.setLineDash([4, 3]);
        ctx.beginPath(); ctx.moveTo(b.x, chartArea.top); ctx.lineTo(b.x, chartArea.bottom); ctx.stroke();
        ctx.setLineDash([]);
        chart.$markers.push({ n: shown[k].n, left: b.left, right: b.right, top: cy - 7, bottom: cy + 7 });
        ctx.fillStyle = '#fff';
        ctx.fillRect(b.left, cy - 7, b.right - b.left, 14);
        ctx.strokeRect(b.left, cy - 7, b.right - b.left, 14);
        ctx.fillStyle = '#b54708';
        ctx.fillText(String(shown[k].n), b.cx, cy + 0.5);
      });
      ctx.restore();
    }
  };

  const gap = (c) => (c.p0.skip || c.p1.skip ? [5, 5] : undefined);
  const dataset = () => ({
    label: 'stance (−10 hostile … +10 cooperative)',
    data: points.map(p => p.value),
    borderColor: '#1f5fa8', backgroundColor: '#1f5fa8',
    spanGaps: true, tension: 0,
    clip: 8,  // a point in the first or last month is drawn whole, not cut at the plot's edge
    segment: { borderDash: gap, borderColor: (c) => (gap(c) ? 'rgba(31,95,168,.35)' : undefined) },
    pointRadius: points.map(p => (p.value === null ? 0 : 3 + Math.min(4, Math.sqrt(p.events || 0)))),
    pointHoverRadius: 7,
  });
  windowed(DEFAULT_SPAN);
  const chart = new Chart(canvas, {
    type: 'line',
    data: { labels: points.map(p => p.month), datasets: [dataset()] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      layout: { padding: { top: 4, right: 8 } },
      scales: {
        y: { min: -10, max: 10, ticks: { stepSize: 5 } },
        x: { ticks: { autoSkip: true, maxTicksLimit: 12, maxRotation: 0 } },
      },
      plugins: {
        tooltip: {
          filter: (c) => c.raw !== null,
          callbacks: {
            label: (c) => `stance ${c.raw}`,
            afterLabel: (c) => `${points[c.dataIndex].events} events`,
          },
        },
      },
    },
    plugins: [changeLines],
  });

  const range = document.getElementById('chart-range');
  if (range && all.length > DEFAULT_SPAN) {
    const buttons = Array.from(range.querySelectorAll('button[data-months]'));
    buttons.forEach(btn => {
      const span = Number(btn.dataset.months);
      if (span > 0 && span >= all.length) { btn.remove(); return; }  // no wider than "all"
      btn.addEventListener('click', () => {
        windowed(span);
        chart.data.labels = points.map(p => p.month);
        chart.data.datasets = [dataset()];
        chart.update();
        range.querySelectorAll('button').forEach(b => b.setAttribute('aria-pressed', String(b === btn)));
        canvas.setAttribute('aria-label', canvas.getAttribute('aria-label').replace(
          /from \S+ to \S+;/, `from ${points[0].month} to ${points[points.length - 1].month};`));
      });
    });
    range.hidden = false;
  }
})();
