"""Dates from the text: "in 2003", "since 2016", "by 2024", "last week", "days after" …

Interface used by the events stage (keep it):
- ``find_time_expressions(text, published) -> list[TimeExpr]`` — every temporal expression in a
  piece of text, resolved against the publication date, with its precision (never an invented day).
- ``date_for(sent, trigger_i, published) -> TimeExpr | None`` — the expression that dates the event
  whose trigger is token ``trigger_i`` (an index into ``sent.doc``) of sentence ``sent``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel
from spacy.tokens import Span

from detente.models import DateValue


class TimeExpr(BaseModel):
    start: int  # offsets in the text given
    end: int
    text: str
    kind: Literal["point", "since", "until", "by", "span", "relative", "anchor"] = "point"
    date: DateValue | None = None
    date_end: DateValue | None = None
    ongoing: bool = False  # "since 2016": a span still open at publication


def find_time_expressions(text: str, published: dt.date | None) -> list[TimeExpr]:
    return []


def date_for(sent: Span, trigger_i: int, published: dt.date | None) -> TimeExpr | None:
    return None
