"""Build the offline world outline the web map draws: Natural Earth 1:110m countries (public
domain), from the npm package ``world-atlas`` (TopoJSON, ISC licence), as GeoJSON.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world_outline.py package/countries-110m.json \
        src/detente/web/static/vendor/world-110m.geojson

TopoJSON is decoded here (quantised, delta-encoded arcs; negative arc indexes run backwards) so no
JavaScript TopoJSON client is needed in the page. Coordinates are rounded to 0.01°; rings that
cross the antimeridian are unwrapped.
"""

from __future__ import annotations

import json
import sys


def decode(topo: dict, obj: str = "countries") -> dict:
    tf = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            if tf:
                x, y = x + dx, y + dy
                pts.append([round(x * tf["scale"][0] + tf["translate"][0], 2),
                            round(y * tf["scale"][1] + tf["translate"][1], 2)])
            else:
                pts.append([round(dx, 2), round(dy, 2)])
        arcs.append(pts)

    def ring(indexes: list[int]) -> list[list[float]]:
        out: list[list[float]] = []
        for i in indexes:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        # a ring across the antimeridian (Chukotka, Fiji) is unwrapped: longitudes continue past
        # ±180 instead of jumping across the whole map
        for k in range(1, len(out)):
            d = out[k][0] - out[k - 1][0]
            if d > 180:
                out[k] = [round(out[k][0] - 360, 2), out[k][1]]
            elif d < -180:
                out[k] = [round(out[k][0] + 360, 2), out[k][1]]
        return out

    feats = []
    for g in topo["objects"][obj]["geometries"]:
        if g["type"] == "Polygon":
            geom = {"type": "Polygon", "coordinates": [ring(r) for r in g["arcs"]]}
        elif g["type"] == "MultiPolygon":
            geom = {"type": "MultiPolygon", "coordinates": [[ring(r) for r in p] for p in g["arcs"]]}
        else:
            continue
        feats.append({"type": "Feature", "id": g.get("id"),
                      "properties": {"name": (g.get("properties") or {}).get("name")}, "geometry": geom})
    return {"type": "FeatureCollection", "features": feats}


if __name__ == "__main__":
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as fh:
        gj = decode(json.load(fh))
    with open(dst, "w", encoding="utf-8") as fh:
        json.dump(gj, fh, separators=(",", ":"))
    print(f"{dst}: {len(gj['features'])} countries")
