// Event map (dyad and article pages): the places where events happen, as circle markers on an
// offline world outline (Natural Earth 1:110m countries, /static/vendor/world-110m.geojson).
// No tiles, nothing from the network but this site. Data: <script id="map-data" type="application/json">.
(function () {
  const el = document.getElementById('event-map');
  const data = document.getElementById('map-data');
  if (!el || !data || typeof L === 'undefined') return;
  const points = JSON.parse(data.textContent || '[]');
  if (!points.length) return;

  const map = L.map(el, { worldCopyJump: false, attributionControl: true, zoomSnap: 0.25,
                          minZoom: 1, maxZoom: 9, scrollWheelZoom: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Outline: Natural Earth · Places: GeoNames (CC BY 4.0)');

  const markers = L.featureGroup();
  const most = Math.max(...points.map(p => p.events));
  points.forEach((p) => {
    const radius = 5 + 7 * Math.sqrt(p.events / most);
    const m = L.circleMarker([p.lat, p.lon], {
      radius, weight: 1.5, color: '#7c2d12', fillColor: p.precision === 'city' ? '#ea580c' : '#f59e0b',
      fillOpacity: 0.8, className: 'event-marker',
    });
    const box = document.createElement('div');
    const title = document.createElement(p.href ? 'a' : 'b');
    title.textContent = p.name;
    if (p.href) title.href = p.href;
    box.appendChild(title);
    const where = [p.precision === 'city' && p.admin1 && p.admin1 !== p.name ? p.admin1 : null, p.country]
      .filter(Boolean).join(', ');
    box.appendChild(document.createTextNode(
      ` (${where}) · ${p.events} event${p.events === 1 ? '' : 's'}: ${p.types.join(', ')}`));
    m.bindPopup(box);
    m.bindTooltip(p.name);
    markers.addLayer(m);
  });
  markers.addTo(map);
  const bounds = markers.getBounds();
  map.fitBounds(bounds.pad(0.6), { maxZoom: 5 });
  if (points.length === 1) map.setView([points[0].lat, points[0].lon], 4);
  el.dataset.markers = String(points.length);

  fetch('/static/vendor/world-110m.geojson')
    .then(r => r.json())
    .then((world) => {
      L.geoJSON(world, { style: { color: '#94a3b8', weight: 0.8, fillColor: '#e2e8f0', fillOpacity: 1 },
                         interactive: false }).addTo(map).bringToBack();
      el.dataset.outline = 'loaded';
    })
    .catch(() => { el.dataset.outline = 'failed'; });
})();
