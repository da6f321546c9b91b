"""Publication dates outside 1800–2100 are refused where they come in; dates already stored (any
year) never make the date arithmetic of dedup, stance or charts overflow."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.dedup import Row, cluster_group
from detente.models import ActorRef, Article, ArticleResult, DateValue, Event, RelationChange
from detente.store import open_store


def test_cli_published_outside_1800_to_2100_is_one_line_and_exit_1(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Russia met the Taliban.\n")
    r = CliRunner().invoke(app, ["ingest", str(f), "--published", "9999-12-31", "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 1
    assert "--published" in r.output and "1800" in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("value, precision", [("9999-12", "month"), ("9999", "year"), ("9990", "decade"),
                                               ("9999-12-31", "day"), ("0001-01-01", "day")])
def test_the_last_day_of_any_date_value_is_a_date(value, precision):
    assert isinstance(DateValue(value=value, precision=precision).last_day(), dt.date)


def test_dedup_clusters_events_at_the_ends_of_the_calendar():
    rows = [Row(id=i, type="CONSULT", source_id="RUS", target_id="AFG", status="occurred", day_first=d, day_last=d,
                date_precision="day", sentence="Russia met the Taliban.")
            for i, d in enumerate([dt.date.max, dt.date.max, dt.date.min, dt.date(2025, 1, 1)])]
    out = cluster_group(rows)
    assert out[0] == out[1] and out[2] != out[0] and out[3] not in (out[0], out[2])


def _stored_far_future(tmp_path):
    """A store whose one article (written before the refusal existed) says year 9999."""
    store = open_store(f"sqlite:///{tmp_path / 'far.db'}")
    text = "Russia met the Taliban in 9999."
    art = Article.from_text(text, published=dt.date(2025, 1, 1))
    ev = lambda d, p: Event(type="CONSULT", source=ActorRef(id="RUS", country="RUS", text="Russia"),  # noqa: E731
                            target=ActorRef(id="TALIBAN", country="AFG", text="the Taliban"), date=d,
                            date_precision=p, sentence=text, start=0, end=len(text), confidence=0.9,
                            rule="t", cameo="040", goldstein=1.0)
    result = ArticleResult(id=art.id, published=art.published, events=[ev("9999-12-31", "day"), ev("9999-12", "month"),
                                                                        ev("2025-01-01", "day")],
                           relation_changes=[RelationChange(source="RUS", target="TALIBAN", dimension="representation",
                                                            value="liaison", date="9999-12", date_precision="month",
                                                            sentence=text, start=0, end=len(text), confidence=0.5)])
    assert store.save(result, art)
    return store


def test_stance_and_chart_work_on_a_store_holding_year_9999(tmp_path):
    from detente.relations.chart import draw
    from detente.relations.stance import stance_for_status, stance_series

    store = _stored_far_future(tmp_path)
    store.recluster()
    series = stance_series(store, "RUS", "TALIBAN")
    assert series and all(1800 <= int(p["month"][:4]) <= 2100 for p in series)
    assert stance_for_status(store, "RUS", "TALIBAN", dt.date.max)["window"]
    assert draw(store, "RUS", "TALIBAN", tmp_path / "c.png").exists()
