"""Structured sources (sanctions and terrorist lists) as plugins.

One folder per source (``datasets/un_sc/``): a ``metadata.yml`` (validated by
:class:`DatasetMetadata`) and an ``importer.py`` with ``parse(path, metadata) -> Iterator[ListEntry]``.
The registry finds the folders itself, so OFAC or the EU list only add a folder::

    imp = detente.datasets.get("un-sc")
    for entry in imp.parse(path): ...
    n = import_file(store, "un-sc", path)      # one transaction, idempotent

An importer of complete lists also has ``list_date(path) -> date | None``: entries of an earlier
import that the file lacks are then recorded as ``delisted`` on that date.

Every entry becomes a ``list_entries`` row and one designation ``relation_changes`` row
(``metadata.source_actor`` → the resolved actor or ``<target_prefix><reference>``).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

import yaml

from detente.datasets.base import DatasetError, DatasetMetadata, ListEntry, write_entries

__all__ = ["DatasetError", "DatasetMetadata", "ListEntry", "Importer", "get", "names", "import_file"]

ROOT = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Importer:
    metadata: DatasetMetadata
    _parse: Callable[[Path, DatasetMetadata], Iterator[ListEntry]]

    @property
    def name(self) -> str:
        return self.metadata.name

    _list_date: Callable[[Path], dt.date | None] | None = None

    def parse(self, path: str | Path) -> Iterator[ListEntry]:
        """Entries of the file; raises :class:`DatasetError` (one line) on an unreadable file."""
        return self._parse(Path(path), self.metadata)

    def list_date(self, path: str | Path) -> dt.date | None:
        """The date of a complete list (its entries absent from it are delisted), or None for an
        importer of partial files. A complete list that states no date is taken as of today."""
        if self._list_date is None:
            return None
        return self._list_date(Path(path)) or dt.date.today()


@lru_cache(maxsize=1)
def _registry() -> dict[str, Importer]:
    out: dict[str, Importer] = {}
    for folder in sorted(p for p in ROOT.iterdir() if (p / "metadata.yml").is_file()):
        meta = DatasetMetadata.model_validate(yaml.safe_load((folder / "metadata.yml").read_text(encoding="utf-8")))
        module = importlib.import_module(f"detente.datasets.{folder.name}.importer")
        out[meta.name] = Importer(metadata=meta, _parse=module.parse, _list_date=getattr(module, "list_date", None))
    return out


def names() -> list[str]:
    return sorted(_registry())


def get(name: str) -> Importer:
    try:
        return _registry()[name]
    except KeyError:
        raise DatasetError(f"unknown dataset {name!r} (known: {', '.join(names())})") from None


def import_file(store, name: str, path: str | Path, resolve: Callable[[ListEntry], str | None] | None = None) -> dict:
    """Parse ``path`` completely, then write it in one transaction. Returns counts.

    A parse error raises :class:`DatasetError` before anything is written.
    """
    imp = get(name)
    entries = list(imp.parse(path))
    return write_entries(store, imp.metadata, entries, resolve=resolve, list_date=imp.list_date(path))
