"""Exports of the store: a GDELT-like flat table (CSV, Parquet), PLOVER JSON, FollowTheMoney entities.

All exporters stream rows from the store (``yield_per``) and write to a file object, so a store
of millions of events exports in constant memory.

- ``csv`` / ``parquet``: one row per event, the columns of :data:`FLAT_COLUMNS` (GDELT users'
  shape: dyad, codes, Goldstein, date, source URL; plus detente's precision, status, provenance;
  and GDELT-like ``ActionGeo_*`` columns for where the event happens — see :func:`action_geo`).
- ``plover-json``: JSON Lines, one PLOVER event per line, with PLOVER's words ``actor`` and
  ``recipient`` (detente's ``source``/``target``).
- ``ftm``: JSON Lines of FollowTheMoney entities: a ``Sanction`` for every designation episode
  (listed → suspended/delisted) found in text or imported lists, and the designated entity it
  points to, so the output drops into OpenSanctions tools (``ftm`` CLI, yente, nomenklatura).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator
from typing import IO, Any

from detente.store import query

FORMATS = ("csv", "parquet", "plover-json", "ftm")

FLAT_COLUMNS = [
    "event_id", "cluster_id", "date", "date_precision", "date_end", "day_first", "day_last",
    "source_id", "source_country", "source_sector", "source_text",
    "target_id", "target_country", "target_sector", "target_text",
    "plover_type", "plover_mode", "plover_context", "status", "cameo", "goldstein",
    "confidence", "rule", "article_id", "article_source_id", "published", "news_source", "url", "sentence", "start", "end",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Name",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "ActionGeo_Precision",
]

#: GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (province)
GEO_TYPES = {("country", False): 1, ("province", True): 2, ("city", True): 3, ("city", False): 4,
             ("province", False): 5}


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def action_geo(r: Any) -> dict[str, Any]:
    """GDELT-like ActionGeo columns of an event row (empty where the text names no place).

    Differences from GDELT 2.0, by design: ``ActionGeo_CountryCode`` is ISO 3166-1 alpha-3 (GDELT:
    FIPS 10-4), ``ActionGeo_ADM1Name`` is the admin-1 *name* (GDELT: a FIPS ADM1 code),
    ``ActionGeo_FeatureID`` is the GeoNames id (GDELT: GNS/GNIS), ``ActionGeo_Precision`` is
    detente's city / province / country. ``ActionGeo_Type`` follows GDELT (1 country, 2 US state,
    3 US city, 4 world city, 5 world state)."""
    precision = r["location_precision"]
    if r["location_name"] is None or precision is None:
        return {c: None for c in FLAT_COLUMNS if c.startswith("ActionGeo_")}
    country = r["location_country"]
    full = ", ".join(x for x in (
        r["location_name"] if precision != "country" else None,
        r["location_admin1"] if precision == "city" and r["location_admin1"] != r["location_name"] else None,
        _country_name(country)) if x)
    return {
        "ActionGeo_Type": GEO_TYPES.get((precision, country == "USA" and precision != "country")),
        "ActionGeo_FullName": full or r["location_name"], "ActionGeo_CountryCode": country,
        "ActionGeo_ADM1Name": r["location_admin1"], "ActionGeo_Lat": r["location_lat"],
        "ActionGeo_Long": r["location_lon"], "ActionGeo_FeatureID": r["location_geonames_id"],
        "ActionGeo_Precision": precision,
    }


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date) else v


def flat_rows(store) -> Iterator[dict[str, Any]]:
    """One dict per event, in the column order of :data:`FLAT_COLUMNS`."""
    for r in query.flat_event_rows(store):
        yield {
            "event_id": r["id"], "cluster_id": r["cluster_id"], "date": r["date"],
            "date_precision": r["date_precision"], "date_end": r["date_end"],
            "day_first": _iso(r["day_first"]), "day_last": _iso(r["day_last"]),
            "source_id": r["source_id"], "source_country": r["source_country"],
            "source_sector": r["source_sector"], "source_text": r["source_text"],
            "target_id": r["target_id"], "target_country": r["target_country"],
            "target_sector": r["target_sector"], "target_text": r["target_text"],
            "plover_type": r["type"], "plover_mode": r["mode"],
            "plover_context": ";".join(r["context"] or []), "status": r["status"],
            "cameo": r["cameo"], "goldstein": r["goldstein"], "confidence": r["confidence"],
            "rule": r["rule"], "article_id": r["article_id"], "article_source_id": r["article_source_id"],
            "published": _iso(r["published"]),
            "news_source": r["news_source"], "url": r["url"], "sentence": r["sentence"],
            "start": r["start"], "end": r["end"], **action_geo(r),
        }


def write_csv(store, out: IO[str]) -> int:
    w = csv.DictWriter(out, fieldnames=FLAT_COLUMNS)
    w.writeheader()
    n = 0
    for row in flat_rows(store):
        w.writerow(row)
        n += 1
    return n


def write_parquet(store, path: str, batch: int = 50_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"event_id": pa.int64(), "cluster_id": pa.int64(), "start": pa.int64(), "end": pa.int64(),
             "goldstein": pa.float64(), "confidence": pa.float64(), "ActionGeo_Type": pa.int64(),
             "ActionGeo_Lat": pa.float64(), "ActionGeo_Long": pa.float64(), "ActionGeo_FeatureID": pa.int64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in FLAT_COLUMNS])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        buf: list[dict] = []
        for row in flat_rows(store):
            buf.append(row)
            if len(buf) >= batch:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
                buf = []
        if buf or n == 0:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    return n


def plover_event(row: dict[str, Any]) -> dict[str, Any]:
    """A flat event row in PLOVER's JSON vocabulary (``actor``/``recipient``)."""
    return {
        "id": f"detente-{row['article_id']}-{row['event_id']}",
        "date": row["date"], "date_precision": row["date_precision"], "date_end": row["date_end"],
        "event_type": row["plover_type"], "event_mode": row["plover_mode"],
        "event_context": [c for c in (row["plover_context"] or "").split(";") if c],
        "aux_mode": row["status"],
        "actor": row["source_id"], "actor_country": row["source_country"], "actor_role": row["source_sector"],
        "actor_text": row["source_text"],
        "recipient": row["target_id"], "recipient_country": row["target_country"],
        "recipient_role": row["target_sector"], "recipient_text": row["target_text"],
        "cameo": row["cameo"], "goldstein": row["goldstein"],
        "story_id": row["article_id"], "story_source_id": row["article_source_id"], "story_date": row["published"], "source": row["news_source"],
        "url": row["url"], "text": row["sentence"], "text_start": row["start"], "text_end": row["end"],
        "event_cluster": row["cluster_id"], "coder": f"detente:{row['rule']}", "confidence": row["confidence"],
    }


def write_plover_json(store, out: IO[str]) -> int:
    n = 0
    for row in flat_rows(store):
        out.write(json.dumps(plover_event(row), ensure_ascii=False) + "\n")
        n += 1
    return n


def _fid(*parts: Any) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:20]


def _entity(eid: str, schema: str, **props: Any) -> dict[str, Any]:
    return {
        "id": eid, "schema": schema,
        "properties": {k: [str(x) for x in (v if isinstance(v, list) else [v])] for k, v in props.items()
                       if v not in (None, [], "")},
    }


def ftm_entities(store) -> Iterator[dict[str, Any]]:
    """FollowTheMoney entities: the designated parties and one ``Sanction`` per designation episode.

    An episode opens with a ``listed`` change and closes with the next ``suspended``/``delisted``
    change of the same (source, target, programme); its FtM ``status`` is the latest value.
    """
    from detente.actors import load_kb

    kb = load_kb()
    entries, changes = query.designation_rows(store)
    seen_targets: set[str] = set()
    by_key: dict[tuple, list] = defaultdict(list)
    for c in changes:
        detail = c["detail"] or {}
        program = detail.get("program") or detail.get("list") or ""
        by_key[(c["source"], c["target"], program if c["dataset"] else "")].append(c)
    for (source, target, program), rows in sorted(by_key.items()):
        rows.sort(key=lambda c: (c["day_first"] or dt.date.min, c["id"]))
        target_id = f"detente-{target.lower()}"
        if target not in seen_targets:
            seen_targets.add(target)
            actor = kb.get(target) if hasattr(kb, "get") else None
            entry = None
            for c in rows:
                if c["dataset"]:
                    entry = entries.get((c["dataset"], c["external_id"]))
            schema = (entry.schema if entry is not None else None) or (
                "Person" if getattr(actor, "kind", "") == "person" else "Organization")
            name = entry.name if entry is not None else (getattr(actor, "name", None) or target)
            aliases = list(entry.aliases or []) if entry is not None else list(getattr(actor, "aliases", []) or [])[:20]
            yield _entity(target_id, schema, name=name, alias=aliases, topics="sanction",
                          unscId=entry.reference if entry is not None and entry.dataset == "un-sc" else None)
        episode: list = []
        for c in rows + [None]:
            if c is not None and c["value"] == "listed" and episode and episode[-1]["value"] != "listed":
                yield _sanction(source, target_id, program, episode)
                episode = []
            if c is None:
                if episode:
                    yield _sanction(source, target_id, program, episode)
                break
            episode.append(c)


def _sanction(source: str, target_id: str, program: str, episode: list) -> dict[str, Any]:
    first, last = episode[0], episode[-1]
    listed = next((c for c in episode if c["value"] == "listed"), None)
    ended = next((c for c in episode if c["value"] in ("suspended", "delisted")), None)
    detail = {}
    for c in episode:
        detail.update(c["detail"] or {})
    evidence = [c["sentence"] for c in episode if c["sentence"]]
    return _entity(
        "detente-sanction-" + _fid(source, target_id, program, first["date"]),
        "Sanction",
        entity=target_id,
        authority=detail.get("authority") or source,
        authorityId=detail.get("reference"),
        program=program or detail.get("list"),
        status=last["value"],
        listingDate=listed["date"] if listed else None,
        startDate=listed["date"] if listed else None,
        endDate=ended["date"] if ended else None,
        reason=detail.get("reason"),
        country=_iso2(source),
        summary=evidence[:3],
        publisher=f"detente ({'; '.join(sorted({c['dataset'] or 'text' for c in episode}))})",
    )


def _iso2(actor_id: str) -> str | None:
    """FtM countries are ISO 3166-1 alpha-2, lower case ("ru"); None for organisations."""
    import pycountry

    if len(actor_id) != 3 or not actor_id.isalpha():
        return None
    country = pycountry.countries.get(alpha_3=actor_id)
    return country.alpha_2.lower() if country else None


def write_ftm(store, out: IO[str]) -> int:
    n = 0
    for ent in ftm_entities(store):
        out.write(json.dumps(ent, ensure_ascii=False) + "\n")
        n += 1
    return n
