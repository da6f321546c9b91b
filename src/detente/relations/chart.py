"""``detente chart``: the monthly stance between two actors, with state changes marked (PNG)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from detente.models import MAX_YEAR, MIN_YEAR
from detente.relations.stance import stance_series
from detente.relations.state import timeline


class ChartError(Exception):
    """Nothing to draw, or the file cannot be written: one line."""


def draw(store, a: str, b: str, output: str | Path, since: dt.date | None = None,
         until: dt.date | None = None) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series = stance_series(store, a, b, since, until)
    changes = [it for it in timeline(store, a, b, since, until)
               if it["kind"] == "change" and it["date"] and MIN_YEAR <= int(it["date"][:4]) <= MAX_YEAR]
    if not series and not changes:
        raise ChartError(f"nothing to chart: no dated events or changes between {a} and {b}")
    fig, ax = plt.subplots(figsize=(10, 4.5), dpi=100)
    if series:
        xs = [dt.date.fromisoformat(p["month"] + "-01") for p in series]
        ys = [p["value"] for p in series]
        ax.plot(xs, [float("nan") if y is None else y for y in ys], marker="o", lw=1.5, color="#1f5f8b",
                label=f"stance {a} ↔ {b} (monthly)")
    lo_x = min([dt.date.fromisoformat(p["month"] + "-01") for p in series] + [_day(it["date"]) for it in changes])
    hi_x = max([dt.date.fromisoformat(p["month"] + "-01") for p in series] + [_day(it["date"]) for it in changes])
    middle = lo_x + (hi_x - lo_x) / 2
    for i, it in enumerate(changes):
        when = _day(it["date"])
        ax.axvline(when, color="#b5482a", ls="--", lw=0.8, alpha=0.8)
        ax.annotate(f"{it['source']}→{it['target']} {it['dimension']}: {it['value']}", xy=(when, 9.5 - (i % 4) * 1.6),
                    fontsize=7, rotation=0, ha="left" if when <= middle else "right", va="top", color="#b5482a")
    ax.axhline(0, color="grey", lw=0.5)
    ax.set_ylim(-10.5, 10.5)
    ax.set_ylabel("Goldstein-weighted stance")
    ax.set_title(f"{a} ↔ {b}")
    if series:
        ax.legend(loc="lower left", fontsize=8)
    fig.autofmt_xdate()
    fig.tight_layout()
    out = Path(output)
    try:
        fig.savefig(out)
    except OSError as exc:
        raise ChartError(f"{out}: cannot write: {exc.strerror or exc}") from None
    finally:
        plt.close(fig)
    return out


def _day(date: str) -> dt.date:
    return dt.date.fromisoformat({4: date + "-01-01", 7: date + "-01"}.get(len(date), date))
