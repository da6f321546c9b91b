"""Relation state over time: designation, representation, recognition, agreements, stance.

- ``derive.changes_from_events(events)`` — events → ``RelationChange`` (pure);
- ``state`` — the state on a date from ``relation_changes`` rows: ``status``, ``timeline``, ``who``,
  ``dyads``, and the pure core ``compute_status`` / ``state_as_of``;
- ``stance`` — monthly Goldstein-weighted score; ``brief`` — "At a Glance" bullets; ``chart`` — PNG;
- ``dimensions`` — ``data/relations/dimensions.yml`` (pydantic-validated).
"""
