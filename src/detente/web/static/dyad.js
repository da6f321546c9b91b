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
  const points = data.points || [];
  const changes = data.changes || [];
  if (!points.length) { canvas.hidden = true; return; }

  // A dashed vertical line and a numbered marker for each month with a change of designation,
  // representation, recognition…; the numbers are explained in the list under the chart.
  const changeLines = {
    id: 'changeLines',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      ctx.save();
      ctx.strokeStyle = '#b54708';
      ctx.fillStyle = '#b54708';
      ctx.font = 'bold 11px system-ui, sans-serif';
      ctx.textAlign = 'center';
      let lastX = -Infinity, row = 0;
      changes.forEach((c, n) => {
        const i = points.findIndex(p => p.month >= c.month);
        if (i < 0) return;
        const x = scales.x.getPixelForValue(i);
        ctx.setLineDash([4, 3]);
        ctx.beginPath(); ctx.moveTo(x, chartArea.top); ctx.lineTo(x, chartArea.bottom); ctx.stroke();
        row = x - lastX < 16 ? row + 1 : 0;  // markers of close months step down instead of overlapping
        lastX = x;
        ctx.setLineDash([]);
        ctx.fillText(String(n + 1), x, chartArea.top + 10 + 12 * (row % 5));
      });
      ctx.restore();
    }
  };

  const gap = (c) => (c.p0.skip || c.p1.skip ? [5, 5] : undefined);
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map(p => p.month),
      datasets: [{
        label: 'stance (−10 hostile … +10 cooperative)',
        data: points.map(p => p.value),
        borderColor: '#1f5fa8', backgroundColor: '#1f5fa8',
        spanGaps: true, tension: 0,
        segment: { borderDash: gap, borderColor: (c) => (gap(c) ? 'rgba(31,95,168,.35)' : undefined) },
        pointRadius: points.map(p => (p.value === null ? 0 : 3 + Math.min(4, Math.sqrt(p.events || 0)))),
        pointHoverRadius: 7,
      }],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
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
})();
