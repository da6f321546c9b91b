"""Hand-made store rows for tests and demos: moved to ``detente.store.sample`` (all SQL lives in
``detente.store``); these names stay for the callers that import them from here."""

from detente.store.sample import add_article, add_change, add_event

__all__ = ["add_article", "add_change", "add_event"]
