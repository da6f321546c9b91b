// Dyad dashboard: the as-of date recomputes the page; the stance chart marks state changes.
(function () {
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

  // A vertical line and a label for each change of designation, representation, recognition…
  const changeLines = {
    id: 'changeLines',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      ctx.save();
      ctx.strokeStyle = '#b54708';
      ctx.fillStyle = '#b54708';
      ctx.font = '11px system-ui, sans-serif';
      ctx.setLineDash([4, 3]);
      changes.forEach((c, n) => {
        const i = points.findIndex(p => p.month >= c.month);
        if (i < 0) return;
        const x = scales.x.getPixelForValue(i);
        ctx.beginPath(); ctx.moveTo(x, chartArea.top); ctx.lineTo(x, chartArea.bottom); ctx.stroke();
        const y = chartArea.top + 12 + 12 * (n % 4);
        const nearRight = x + ctx.measureText(c.label).width + 6 > chartArea.right;
        ctx.textAlign = nearRight ? 'right' : 'left';
        ctx.fillText(c.label, nearRight ? x - 3 : x + 3, y);
      });
      ctx.restore();
    }
  };

  new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map(p => p.month),
      datasets: [{
        label: 'stance (−10 hostile … +10 cooperative)',
        data: points.map(p => p.value),
        borderColor: '#1f5fa8', backgroundColor: 'rgba(31,95,168,.15)',
        spanGaps: true, pointRadius: points.map(p => (p.value === null ? 0 : 3)), tension: 0.2,
      }],
    },
    options: {
      animation: false,
      scales: { y: { min: -10, max: 10 } },
      plugins: {
        tooltip: { callbacks: { afterLabel: (c) => `${points[c.dataIndex].events} events` } },
      },
    },
    plugins: [changeLines],
  });
})();
