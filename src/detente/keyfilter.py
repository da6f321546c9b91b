"""Which strings can be among a set of keys, in one bit per hash bucket: the look-up indexes
(actor names, place names) answer most keys they lack without a query."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable

import numpy as np


def stable_hash(key: str) -> int:
    """A hash of a string that is the same in every process (CRC-32 of its UTF-8), for a filter
    stored with an index; Python's ``hash`` of a string changes with ``PYTHONHASHSEED``."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass"))


class KeyFilter:
    """One bit per hash bucket (``hash_of(key)`` modulo ``2**bits``), set for every bucket a key
    falls in. A string whose bit is clear is surely not a key, so a look-up of it needs no query;
    one whose bit is set may be (a query decides). With Python's ``hash`` (the default) a filter is
    built in the process that reads it (a forked child keeps its parent's hashes), never stored;
    one to be stored uses :func:`stable_hash`."""

    def __init__(self, keys: Iterable[str], bits: int = 23, hash_of: Callable[[str], int] = hash) -> None:
        h = np.fromiter(map(hash_of, keys), dtype=np.int64)
        h &= (1 << bits) - 1
        bit = (h & 7).astype(np.uint8)
        np.left_shift(np.uint8(1), bit, out=bit)
        h >>= 3
        table = np.zeros(1 << (bits - 3), dtype=np.uint8)
        np.bitwise_or.at(table, h, bit)
        self._set(table.tobytes(), hash_of)  # (bytes: indexed without numpy's per-call cost)

    @classmethod
    def from_bytes(cls, table: bytes, hash_of: Callable[[str], int] = stable_hash) -> KeyFilter:
        """The filter whose bits are ``table`` (:attr:`table` of one built with the same hash)."""
        if not table or len(table) & (len(table) - 1):
            raise ValueError("a key filter's table is a power of two bytes long")
        f = cls.__new__(cls)
        f._set(bytes(table), hash_of)
        return f

    def _set(self, table: bytes, hash_of: Callable[[str], int]) -> None:
        self.table = table
        self._mask = len(table) * 8 - 1
        self._hash = hash_of

    def __contains__(self, key: str) -> bool:
        h = self._hash(key) & self._mask
        return bool(self.table[h >> 3] >> (h & 7) & 1)
