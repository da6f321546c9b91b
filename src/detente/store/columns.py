"""Plain columns written compactly, for the schema and the migrations alike.

``columns("source:str64! value_in:json min_reports:int")`` is three ``sa.Column``: a name, a type
(``int``, ``float``, ``text``, ``date``, ``json`` or ``strN`` for ``String(N)``) and ``!`` for NOT
NULL (otherwise nullable). Keys, foreign keys and defaults stay explicit ``Column`` calls.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

_TYPES = {"int": sa.Integer, "float": sa.Float, "text": sa.Text, "date": sa.Date, "json": sa.JSON}
_SPEC = re.compile(r"^(?P<name>\w+):(?P<type>int|float|text|date|json|str(?P<n>\d+))(?P<required>!?)$")


def columns(spec: str) -> list[sa.Column]:
    """The columns a whitespace-separated spec names, in its order (a bad spec raises ValueError)."""
    out = []
    for word in spec.split():
        m = _SPEC.match(word)
        if m is None:
            raise ValueError(f"bad column spec {word!r}: want name:type[!], type int|float|text|date|json|strN")
        type_ = sa.String(int(m["n"])) if m["n"] else _TYPES[m["type"]]()
        out.append(sa.Column(m["name"], type_, nullable=not m["required"]))
    return out
