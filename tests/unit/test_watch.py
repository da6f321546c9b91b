"""Watches and alerts on hand-coded articles: when an alert is raised, what it holds, webhooks."""

from __future__ import annotations

import http.server
import json
import threading

import pytest
from typer.testing import CliRunner

from detente import watch
from detente.cli import app
from detente.store import open_store
from watch_helpers import RUS_FORMAL, event_report, report


@pytest.fixture
def store(tmp_path):
    return open_store(f"sqlite:///{tmp_path / 'w.db'}")


def save(store, *pairs):
    return store.save_many(list(pairs))


# --------------------------------------------------------------------------- watches


@pytest.mark.parametrize("kw, message", [
    ({"dimension": "friendship", "target": "X"}, "unknown dimension 'friendship'"),
    ({"dimension": "stance", "target": "X", "values": ["angry"]}, "unknown value 'angry' for stance"),
    ({"dimension": "recognition"}, "give a source or a target"),
    ({"dimension": "recognition", "target": "X", "values": ["full"]}, "unknown value 'full' for recognition"),
    ({"dimension": "recognition", "target": "X", "min_confidence": 1.5}, "between 0 and 1"),
    ({"dimension": "recognition", "target": "X", "min_reports": 0}, "at least 1"),
    ({"dimension": "recognition", "target": "X", "webhook": "javascript:alert(1)"}, "not an http:// or https:// URL"),
])
def test_a_bad_watch_is_refused_with_one_line(store, kw, message):
    with pytest.raises(watch.WatchError, match=message):
        watch.add_watch(store, **kw)
    assert watch.list_watches(store) == []


def test_removing_a_watch_removes_its_alerts(store):
    w = watch.add_watch(store, "recognition", target="TALIBAN")
    save(store, report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL))
    assert len(watch.alerts(store)) == 1
    assert watch.remove_watch(store, w["id"]) is True
    assert watch.alerts(store) == [] and watch.list_watches(store) == []
    assert watch.remove_watch(store, w["id"]) is False


# --------------------------------------------------------------------------- alerts


def test_only_changes_of_state_the_watch_wants_raise_alerts(store):
    formal = watch.add_watch(store, "recognition", target="TALIBAN", values=["formal"])
    anyone = watch.add_watch(store, "recognition", source="*", target="TALIBAN")
    save(store, report("China began dealing with the Taliban as the de facto government in 2023.",
                       ("CHN", "TALIBAN", "recognition", "de_facto", "2023")))
    assert watch.alerts(store, watch=formal["id"]) == []
    save(store, report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL),
         report("Iran and Russia signed a treaty.", ("IRN", "RUS", "agreements", "signed", "2025")))
    assert [(a["source"], a["value_after"]) for a in watch.alerts(store, watch=formal["id"])] == [("RUS", "formal")]
    assert [(a["source"], a["value_before"], a["value_after"]) for a in watch.alerts(store, watch=anyone["id"])] == [
        ("RUS", "none", "formal"), ("CHN", "none", "de_facto")]


def test_two_reports_in_one_batch_make_one_alert_with_both(store):
    watch.add_watch(store, "recognition", target="TALIBAN")
    save(store, report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL),
         report("Moscow recognised the Taliban on 3 July 2025, officials said.", RUS_FORMAL))
    (alert,) = watch.alerts(store)
    assert len(alert["evidence"]) == 2


def test_a_report_of_an_older_state_already_superseded_raises_no_alert_for_today(store):
    watch.add_watch(store, "recognition", target="TALIBAN")
    save(store, report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL))
    # a report that Russia had not recognised them in 2024 changes nothing as of its date
    save(store, report("Russia did not recognise the Taliban in 2024.",
                       ("RUS", "TALIBAN", "recognition", "none", "2024")))
    assert len(watch.alerts(store)) == 1


def test_min_reports_waits_for_enough_independent_reports(store):
    w = watch.add_watch(store, "recognition", target="TALIBAN", min_reports=2)
    save(store, report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL))
    assert watch.alerts(store) == []
    save(store, report("Moscow recognised the Taliban on 3 July 2025, officials said.", RUS_FORMAL))
    (alert,) = watch.alerts(store, watch=w["id"])
    assert (alert["value_before"], alert["value_after"], alert["after"]["reports"]) == ("none", "formal", 2)
    assert len(alert["evidence"]) == 2
    save(store, report("Russia's recognition of the Taliban on 3 July 2025 was criticised.", RUS_FORMAL))
    (alert,) = watch.alerts(store, watch=w["id"])
    assert len(alert["evidence"]) == 3


def test_reports_below_min_confidence_do_not_count(store):
    watch.add_watch(store, "recognition", target="TALIBAN", min_confidence=0.8)
    save(store, report("Russia may have recognised the Taliban on 3 July 2025.", (*RUS_FORMAL, 0.5)))
    assert watch.alerts(store) == []
    save(store, report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL))
    (alert,) = watch.alerts(store)
    assert [e["confidence"] for e in alert["evidence"]] == [0.9]


def test_the_alerts_command_prints_json_and_filters_by_date(store, tmp_path):
    watch.add_watch(store, "recognition", target="TALIBAN")
    save(store, report("China began dealing with the Taliban as the de facto government in 2023.",
                       ("CHN", "TALIBAN", "recognition", "de_facto", "2023")),
         report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL))
    runner = CliRunner()
    out = runner.invoke(app, ["alerts", "--since", "2025-01-01", "--format", "json", "--db", store.url])
    assert out.exit_code == 0, out.output
    assert [a["source"] for a in json.loads(out.stdout)] == ["RUS"]
    out = runner.invoke(app, ["alerts", "--since", "2025-13-01", "--db", store.url])
    assert out.exit_code == 1 and "bad --since '2025-13-01'" in out.output


def test_watch_commands_take_names_and_print_tables(store):
    runner = CliRunner()
    out = runner.invoke(app, ["watch", "add", "--dimension", "designation", "--target", "the Taliban",
                              "--db", store.url])
    assert out.exit_code == 0, out.output
    assert "designation * → TALIBAN" in out.stdout
    out = runner.invoke(app, ["watch", "list", "--db", store.url])
    assert out.exit_code == 0 and "TALIBAN" in out.stdout and "designation" in out.stdout
    out = runner.invoke(app, ["watch", "add", "--dimension", "designation", "--target", "Tallybahn", "--db", store.url])
    assert out.exit_code == 1 and "unknown or ambiguous actor 'Tallybahn'" in out.output


def test_a_stance_watch_fires_when_the_label_of_the_dyad_changes(store):
    hostile = watch.add_watch(store, "stance", source="RUS", target="UKR")
    friendly = watch.add_watch(store, "stance", source="RUS", target="UKR", values=["cooperative"])
    save(store, event_report("Russia shelled Ukrainian towns on 1 March 2025.", "RUS", "UKR", "ASSAULT", -10.0,
                             "2025-03-01"))
    (alert,) = watch.alerts(store, watch=hostile["id"])
    assert (alert["dimension"], alert["value_before"], alert["value_after"]) == ("stance", "no events", "hostile")
    assert alert["after"]["score"] == -10.0 and alert["date"] == "2025-03-01"
    assert alert["evidence"][0]["sentence"] == "Russia shelled Ukrainian towns on 1 March 2025."
    save(store, event_report("Russia struck Kyiv on 9 March 2025.", "RUS", "UKR", "ASSAULT", -9.0, "2025-03-09"))
    assert len(watch.alerts(store, watch=hostile["id"])) == 1  # still hostile: no new alert
    assert watch.alerts(store, watch=friendly["id"]) == []


# --------------------------------------------------------------------------- changes


def test_changes_since_a_date_are_paged_in_a_stable_order(store):
    save(store, report("China began dealing with the Taliban as the de facto government in 2023.",
                       ("CHN", "TALIBAN", "recognition", "de_facto", "2023")),
         report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL),
         report("Moscow recognised the Taliban on 3 July 2025, officials said.", RUS_FORMAL))
    page = watch.changes(store, since="2024-01-01", limit=1)
    (first,) = page["items"]
    assert (first["before"], first["after"], first["changes_state"]) == ("none", "formal", True)
    (second,) = watch.changes(store, since="2024-01-01", cursor=page["next_cursor"])["items"]
    assert (second["date"], second["changes_state"]) == ("2025-07-03", False)  # a second report: no change
    everything = watch.changes(store, recorded_since="2000-01-01")
    assert len(everything["items"]) == 3 and everything["next_cursor"] is None
    assert watch.changes(store, recorded_since="2999-01-01")["items"] == []
    with pytest.raises(watch.WatchError, match="bad cursor"):
        watch.changes(store, cursor="x")


# --------------------------------------------------------------------------- webhooks


class _Hook(http.server.BaseHTTPRequestHandler):
    fail_first = 0
    received: list = []

    def do_POST(self):  # noqa: N802 - the http.server name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append(json.loads(body))
        status = 500 if len(type(self).received) <= type(self).fail_first else 204
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def hook(request):
    """A webhook receiver on 127.0.0.1 that fails its first two requests (or as many as the indirect parameter)."""
    handler = type("Hook", (_Hook,), {"fail_first": getattr(request, "param", 2), "received": []})
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook", handler
    server.shutdown()
    server.server_close()


def test_a_webhook_is_retried_with_backoff_and_every_attempt_logged(store, hook):
    url, handler = hook
    watch.add_watch(store, "recognition", target="TALIBAN", webhook=url)
    save(store, report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL))
    (alert,) = watch.alerts(store)
    assert len(handler.received) == 3
    assert handler.received[-1]["alert"]["id"] == alert["id"]
    assert handler.received[-1]["alert"]["value_after"] == "formal"
    attempts = watch.deliveries(store, alert["id"])
    assert [(a["attempt"], a["status_code"], a["ok"]) for a in attempts] == [(1, 500, 0), (2, 500, 0), (3, 204, 1)]
    assert watch.deliver(store) == []  # delivered: nothing left to send


def test_an_unreachable_webhook_is_logged_and_retried_later(store, hook):
    url, handler = hook
    dead = url.rsplit(":", 1)[0] + ":9/hook"  # the discard port on loopback: nothing listens
    w = watch.add_watch(store, "recognition", target="TALIBAN", webhook=dead)
    save(store, report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL))
    (alert,) = watch.alerts(store)
    attempts = watch.deliveries(store, alert["id"])
    assert len(attempts) == 3 and not any(a["ok"] for a in attempts) and attempts[0]["error"]
    watch.remove_watch(store, w["id"])
    assert watch.deliveries(store) == []


def test_a_late_report_joins_the_alert_of_its_own_run(store):
    watch.add_watch(store, "recognition", target="TALIBAN")
    save(store, report("Russia formally recognised the Taliban in 1997.", ("RUS", "TALIBAN", "recognition", "formal", "1997")))
    save(store, report("Russia withdrew its recognition of the Taliban in 2001.",
                       ("RUS", "TALIBAN", "recognition", "withdrawn", "2001")))
    save(store, report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL))
    save(store, report("Back in 1997 Russia had recognised the Taliban.", ("RUS", "TALIBAN", "recognition", "formal", "1997")))
    alerts = watch.alerts(store)
    assert [(a["date"], a["value_after"], len(a["evidence"])) for a in alerts] == [
        ("2025-07-03", "formal", 1), ("2001", "withdrawn", 1), ("1997", "formal", 2)]


@pytest.mark.parametrize("hook", [4], indirect=True)
def test_watch_deliver_sends_what_the_ingest_could_not(store, hook):
    url, handler = hook
    watch.add_watch(store, "recognition", target="TALIBAN", webhook=url)
    save(store, report("Russia formally recognised the Taliban government on 3 July 2025.", RUS_FORMAL))
    (alert,) = watch.alerts(store)
    assert [a["ok"] for a in watch.deliveries(store, alert["id"])] == [0, 0, 0]
    out = CliRunner().invoke(app, ["watch", "deliver", "--db", store.url])
    assert out.exit_code == 0 and out.stdout.strip() == "1 delivered, 0 failed"
    attempts = watch.deliveries(store, alert["id"])
    assert [(a["attempt"], a["ok"]) for a in attempts] == [(1, 0), (2, 0), (3, 0), (4, 0), (5, 1)]
    assert len(handler.received) == 5
