"""The events a sentence keeps after the complements of demands and threats are dropped: what the
rules read off the kept ones (a threat's demand, a demand's ultimatum) is read at each kept event's
own trigger, however many kept or dropped events are alike."""

from __future__ import annotations

import pytest
from events_helpers import coded

from detente.events import engine

pytestmark = pytest.mark.slow

TEXT = "Germany urged Hungary to lift its veto or risk losing EU funds."


def test_kept_trigger_indices_stay_in_step_with_equal_events(nlp, monkeypatch):
    request = next(e for e in coded(nlp, TEXT, full=True) if e.type == "REQUEST")
    doc = nlp(TEXT)
    urged, lift = (next(t.i for t in doc if t.text == w) for w in ("urged", "lift"))
    # the same event twice: once at the asked act (dropped, what is asked is not done), once at the asking verb
    events = [request.model_copy(update={"detail": {**request.detail, "_trigger_i": i}}) for i in (lift, urged)]
    seen = []
    real = engine._threat_demands

    def spy(out, idx, d):
        seen.append((len(out), list(idx)))
        return real(out, idx, d)

    monkeypatch.setattr(engine, "_threat_demands", spy)
    engine._drop_complements(events, doc)
    assert seen == [(1, [urged])]
