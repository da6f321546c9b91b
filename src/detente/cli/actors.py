"""``detente actors``: resolve names to actors on a date, show an actor, search the KB.

``detente actors resolve TEXT [--date D] [--actors FILE] --format json`` prints DESIGN.md's
``{"text", "id", "country", "sector", "score", "why"}``; with ``TEXT`` = ``-`` it reads stdin lines
(plain names or JSON objects ``{"text": …, "date": …}``) and writes one JSON line per input.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import typer

from detente.cli.common import Format, fail, parse_date

ActorsOption = typer.Option(None, "--actors", help="Extra actor YAML file(s) (repeatable)")


def _kb(actors: list[Path] | None):
    from detente.actors import KBError, load_kb

    for p in actors or []:
        if not Path(p).is_file():
            fail(f"--actors {p}: no such file")
    try:
        return load_kb(actors or ())
    except KBError as exc:
        fail(str(exc))


def _unknown(text: str, why: str = "no actor matched") -> dict:
    return {"text": text, "id": None, "country": None, "sector": None, "score": 0.0, "why": why}


def _answer(kb, text: str, on: dt.date | None) -> dict:
    res = kb.resolve(text, on)
    return res.contract() if res is not None else _unknown(text)


def _candidates(kb, text: str) -> str:
    hits = kb.search(text, limit=5)
    return f" (candidates: {', '.join(h[0] for h in hits)})" if hits else ""


def _table(header: list[str], rows: list[list]) -> None:
    from detente.render import print_table

    print_table(header, rows)


def _batch_line(kb, line: str, default: dt.date | None) -> dict:
    line = line.strip()
    if line.startswith("{"):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            return _unknown(line, f"bad JSON line: {exc.msg}")
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            return _unknown(line, "JSON line without a string `text`")
        text = obj["text"]
        on = default
        if obj.get("date"):
            try:
                on = dt.date.fromisoformat(str(obj["date"]))
            except ValueError:
                return _unknown(text, f"bad date {obj['date']!r}: expected YYYY-MM-DD")
        return _answer(kb, text, on)
    return _answer(kb, line, default)


def register(app: typer.Typer) -> None:
    actors_app = typer.Typer(help="Actors: resolve names, show and search the actor KB.", no_args_is_help=True)
    app.add_typer(actors_app, name="actors")

    @actors_app.command("resolve")
    def resolve_cmd(
        text: str = typer.Argument(..., help="A name (\"Russia's Supreme Court\"), or - to read stdin lines"),
        date: str | None = typer.Option(None, "--date", help="Resolve roles on this date (YYYY-MM-DD)"),
        actors: list[Path] | None = ActorsOption,
        fmt: Format = typer.Option(Format.table, "--format", help="table or json"),
    ) -> None:
        """Who a name is on a date: actor id, country and PLOVER sector, with the reason."""
        if fmt not in (Format.table, Format.json):
            fail(f"--format {fmt.value}: use table or json")
        on = parse_date(date, "--date")
        kb = _kb(actors)
        if text == "-":
            rows = []
            for line in sys.stdin:
                if not line.strip():
                    continue
                ans = _batch_line(kb, line, on)
                if fmt == Format.json:
                    typer.echo(json.dumps(ans, ensure_ascii=False))
                else:
                    rows.append(ans)
            if fmt == Format.table:
                _table(["text", "id", "country", "sector", "score", "why"],
                       [[r["text"], r["id"], r["country"], r["sector"], r["score"], r["why"]] for r in rows])
            return
        res = kb.resolve(text, on)
        if fmt == Format.json:
            typer.echo(json.dumps(res.contract() if res else _unknown(text), ensure_ascii=False))
            return
        if res is None:
            fail(f"unknown actor {text!r}{_candidates(kb, text)}")
        _table(["text", "id", "country", "sector", "score", "why"],
               [[res.text, res.id, res.country, res.sector, res.score, res.why]])

    @actors_app.command("show")
    def show_cmd(
        actor_id: str = typer.Argument(..., help="An actor id (RUS, TALIBAN, VLADIMIR_PUTIN) or a name"),
        actors: list[Path] | None = ActorsOption,
        fmt: Format = typer.Option(Format.table, "--format", help="table or json"),
    ) -> None:
        """An actor's names and its roles over time."""
        kb = _kb(actors)
        a = kb.get(actor_id)
        if a is None:  # a name given exactly ("Taliban", "Putin"); never a fuzzy guess
            hits = kb.hits(actor_id)
            a = kb.get(hits[0].actor) if hits else None
        if a is None:
            fail(f"unknown actor {actor_id!r}{_candidates(kb, actor_id)}")
        sources, qid = kb.provenance(a)
        roles = kb.roles_with_sources(a)
        if fmt == Format.json:
            out = a.model_dump(mode="json", exclude_defaults=True)
            if not kb.is_own(a.id):
                out["sources"] = sources.split(",")
                if qid:
                    out["wikidata"] = qid
            if roles:
                out["roles"] = [dict(r.model_dump(mode="json", exclude_defaults=True), source=s) for r, s in roles]
            typer.echo(json.dumps(out, ensure_ascii=False))
            return
        typer.echo(f"{a.id}  {a.name}  ({a.kind})")
        for label, values in (("aliases", a.aliases), ("demonyms", a.demonyms), ("capitals", a.capitals),
                              ("institutions", a.institutions), ("historic names", a.historic_names),
                              ("variants", a.variants)):
            if values:
                typer.echo(f"  {label}: {', '.join(values)}")
        if a.country or a.sector or a.parent:
            typer.echo(f"  country: {a.country or '-'}  sector: {a.sector or '-'}  parent: {a.parent or '-'}")
        if a.claimants:
            typer.echo(f"  claimed by: {', '.join(a.claimants)}")
        typer.echo(f"  source: {sources if not kb.is_own(a.id) else 'hand-written KB (detente/data/actors)'}"
                   + (f"  wikidata: {qid}" if qid else ""))
        if roles:
            _table(["from", "until", "actor", "country", "sector", "title", "source"],
                   [[r.start or "…", r.end or "…", r.actor or a.id, r.country, r.sector or "(actor's)", r.title, s]
                    for r, s in roles])
        if a.died:
            typer.echo(f"  died: {a.died}")

    @actors_app.command("stats")
    def stats_cmd(
        actors: list[Path] | None = ActorsOption,
        fmt: Format = typer.Option(Format.table, "--format", help="table or json"),
    ) -> None:
        """Counts of actors by kind and source: the hand-written KB and the compiled index."""
        from collections import Counter

        kb = _kb(actors)
        rows: Counter = Counter()
        for a in kb.actors.values():
            rows[(a.kind, "hand-written")] += 1
        if kb.big is not None:
            for kind, sources, n in kb.big.stats():
                for s in sources.split(","):
                    rows[(kind, s.split(":")[0])] += n
            kinds = kb.big.kinds()
        else:
            kinds = {}
        own = Counter(a.kind for a in kb.actors.values())
        totals = {k: own.get(k, 0) + kinds.get(k, 0) for k in sorted(set(own) | set(kinds))}
        if fmt == Format.json:
            typer.echo(json.dumps({"total": totals, "hand_written": dict(own), "compiled": kinds,
                                   "by_kind_and_source": [{"kind": k, "source": s, "actors": n}
                                                          for (k, s), n in sorted(rows.items())],
                                   "meta": kb.big.meta() if kb.big is not None else {}}, ensure_ascii=False))
            return
        _table(["kind", "total", "hand-written", "compiled"],
               [[k, totals[k], own.get(k, 0), kinds.get(k, 0)] for k in totals]
               + [["all", sum(totals.values()), sum(own.values()), sum(kinds.values())]])
        _table(["kind", "source", "actors"], [[k, s, n] for (k, s), n in sorted(rows.items())])
        typer.echo("(an actor merged from several sources counts once per source in the second table)")

    @actors_app.command("search")
    def search_cmd(
        query: str = typer.Argument(..., help="Part of a name, possibly misspelt"),
        limit: int = typer.Option(10, "--limit", min=1, max=100),
        actors: list[Path] | None = ActorsOption,
        fmt: Format = typer.Option(Format.table, "--format", help="table or json"),
    ) -> None:
        """Ranked candidate actors for a query."""
        kb = _kb(actors)
        hits = kb.search(query, limit=limit)
        if fmt == Format.json:
            typer.echo(json.dumps([{"id": i, "score": s, "name": n, "kind": kb.get(i).kind} for i, s, n in hits],
                                  ensure_ascii=False))
            return
        if not hits:
            fail(f"no actor like {query!r}")
        _table(["id", "score", "matched", "name", "kind"], [[i, s, n, kb.get(i).name, kb.get(i).kind] for i, s, n in hits])
