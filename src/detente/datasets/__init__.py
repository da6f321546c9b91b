"""Structured sources (sanctions and terrorist lists) as plugins.

One folder per source (``datasets/un_sc/``): a ``metadata.yml`` (validated by
:class:`DatasetMetadata`) and an ``importer.py`` with ``parse(path, metadata) -> Iterator[ListEntry]``.
The registry finds the folders itself, so OFAC or the EU list only add a folder::

    imp = detente.datasets.get("un-sc")
    for entry in imp.parse(path): ...
    n = import_file(store, "un-sc", path)      # one transaction, idempotent

Every entry becomes a ``list_entries`` row and one designation ``relation_changes`` row
(``metadata.source_actor`` → the resolved actor or ``<target_prefix><reference>``).
"""

from __future__ import annotations

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

    def parse(self, path: str | Path) -> Iterator[ListEntry]:
        """Entries of the file; raises :class:`DatasetError` (one line) on an unreadable file."""
        return self._parse(Path(path), self.metadata)


@lru_cache(maxsize=1)
def _registry() -> dict[str, Importer]:
    out: dict[str, Importer] = {}
    for folder in sorted(p for p in ROOT.iterdir() if (p / "metadata.yml").is_file()):
        meta = DatasetMetadata.model_validate(yaml.safe_load((folder / "metadata.yml").read_text(encoding="utf-8")))
        module = importlib.import_module(f"detente.datasets.{folder.name}.importer")
        out[meta.name] = Importer(metadata=meta, _parse=module.parse)
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
    return write_entries(store, imp.metadata, entries, resolve=resolve)
