"""Relation state over time: designation, representation, recognition, agreements, stance.

- ``derive.changes_from_events(events)`` — events → ``RelationChange`` (pure);
- ``state`` — the state on a date from ``relation_changes`` rows: ``status``, ``timeline``, ``who``,
  ``dyads``, and the pure core ``compute_status`` / ``state_as_of``;
- ``stance`` — monthly Goldstein-weighted score; ``brief`` — "At a Glance" bullets (pure:
  ``compose``; reading the store is ``detente.services.briefs``); ``chart`` — PNG;
- ``wording`` — the English of states, changes and briefs, apart from the calculus;
- ``dimensions`` — ``data/relations/dimensions.yml`` (pydantic-validated).

No SQL here: the rows come from ``detente.store.query``.
"""
