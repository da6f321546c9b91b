"""detente: dated, sourced records of what states and organisations do to each other.

The public Python API (``docs/python-api.md``)::

    import detente
    coder = detente.load()                     # code articles, no store
    result = coder("Russia will accept a Taliban ambassador.", published="2025-04-25")
    store = detente.Store("sqlite:///detente.db")
    store.ingest(["…article text…"])
    store.status("RUS", "TALIBAN", as_of="2025-04-25").designation.value

Importing ``detente`` is cheap: the names below load their modules (and spaCy) on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name → the module that defines it
_PUBLIC = {
    "load": "detente.api",
    "Coder": "detente.api",
    "Store": "detente.api",
    "Article": "detente.models",
    "ArticleResult": "detente.models",
    "Event": "detente.models",
    "RelationChange": "detente.models",
    "Quote": "detente.models",
    "IngestSummary": "detente.services.ingest",
    "UnknownActor": "detente.services.names",
    "Status": "detente.results",
    "TimelineItem": "detente.results",
    "WhoRow": "detente.results",
    "Brief": "detente.results",
    "StoredEvent": "detente.results",
    "StoredArticle": "detente.results",
}

__all__ = ["__version__", *_PUBLIC]

if TYPE_CHECKING:
    from detente.api import Coder, Store, load
    from detente.models import Article, ArticleResult, Event, Quote, RelationChange
    from detente.results import Brief, Status, StoredArticle, StoredEvent, TimelineItem, WhoRow
    from detente.services.ingest import IngestSummary
    from detente.services.names import UnknownActor


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'detente' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
