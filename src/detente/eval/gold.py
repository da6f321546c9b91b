"""Every gold unit in a set of files and folders, whatever their format: the article YAML and
CAMEO XML of ``detente.eval.readers`` and the sentence lists of ``detente.eval.sentences``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from detente.eval.readers import GoldError, gold_files, read_xml_gold, read_yaml_gold
from detente.eval.sentences import is_sentence_path, read_sentence_gold
from detente.eval.types import GoldItem


def read_gold(paths: Iterable[str | Path], actor_files: Sequence[str | Path] = ()) -> list[GoldItem]:
    """Every gold unit in the given files and folders, in order."""
    extra = [str(a) for a in actor_files]
    items: list[GoldItem] = []
    for f in gold_files(paths):
        if f.suffix.lower() == ".xml":
            items.extend(read_xml_gold(f, extra))
        elif is_sentence_path(f):  # sentence-list gold (detente.eval.sentences)
            items.extend(read_sentence_gold(f))
        else:
            items.append(read_yaml_gold(f))
    return items


__all__ = ["GoldError", "read_gold"]
