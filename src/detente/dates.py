"""Dates from the text: "in 2003", "since 2016", "by 2024", "last week", "days after" …

Interface used by the events stage (keep it):
- ``find_time_expressions(text, published) -> list[TimeExpr]`` — every temporal expression in a
  piece of text, resolved against the publication date, with its precision (never an invented day).
- ``date_for(sent, trigger_i, published) -> TimeExpr | None`` — the expression that dates the event
  whose trigger is token ``trigger_i`` (an index into ``sent.doc``) of sentence ``sent``.

How expressions are found (``find_time_expressions``)
-----------------------------------------------------
Regular expressions built from the word lists in ``detente/data/dates.yml`` (months, weekdays,
number words, units, words that make a number *not* a year, future cues) find candidate spans;
every candidate is resolved by hand so the precision is exactly what the text gives: "in 2003" is
the year ``2003``, "April 2025" the month ``2025-04``, "the 1990s" the decade ``1990``. Where the
text leaves the year out ("in March", "on April 17", "on Thursday") the most recent such date on or
before publication is taken — or the next one on or after it when a future cue ("will", "plans",
"scheduled", …) precedes it in the clause. Overlapping candidates are resolved longest first.
``dateparser`` is used only on numeric spans such as ``17/04/2025`` (its ``period`` must be
``day``); month/day orders that cannot be told apart (``05/04/2025``) keep only the year.

Kinds of :class:`TimeExpr`:

- ``point`` — a calendar date of some precision ("2003", "April 2025", "17 April 2025").
- ``relative`` — resolved against publication ("yesterday", "last week", "this year", "two years
  ago", "next month"). "last week"/"this week" give the Monday that starts the week with precision
  day and ``date_end`` the Sunday.
- ``since`` — "since 2016": ``date`` 2016, ``ongoing=True`` (still open at publication).
- ``until`` — "until 2013": ``date`` is the end point.
- ``by`` — "by 2024": ``date`` is the deadline; the event's status is not affected.
- ``span`` — "from 2016 to 2021", "between 2016 and 2021", "2016-2021": ``date`` and ``date_end``.
- ``anchor`` — "a week after", "two weeks before", "days later", "the following year": an offset
  (``offset_count`` × ``offset_unit``, ``offset_days`` its nominal length in days, signed) from
  another date. When that date follows in the same phrase ("a week after the 2021 takeover",
  "two weeks before 17 April 2025") it is resolved here; otherwise ``date`` is ``None`` and
  :func:`date_for` resolves it from another expression of the sentence, if there is one. The
  result is never finer than the anchor date, nor than the offset ("two months after" → month;
  vague "days after" → month).

``future`` is set when the date lies after publication or the words say so ("next month",
"tomorrow", "later this year"); the events stage may use it for status ``planned``.

Which expression dates an event (``date_for``) — besides the dependency attachment: a date that
opens a line and is set off by a dash or colon ("1982 - The US designates …", "2015: …") dates the
line's events; a fronted "When …, " clause lends its date to the main clause; an anchor ("hours
later", "the same day") counts from the main event of an earlier sentence, never from a date in
another clause of it, and from publication when the story so far is the day's news.
Undated events (also the present perfect, "has removed X from its list") get no expression here
and so the publication *day* from the caller: it is the state as of that day, which a gold month
contains ("date within"); no finer or coarser date is invented.

Not dates: "2,003 people", "1500 troops" (a count noun follows), "Resolution 1988", "No. 2003",
"page 2003" (a label precedes), "G20", "$2003", and years beyond publication + 5 unless a future
cue or "by/until/before" makes them clearly future ("by 2030", "will … in 2040").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, field_validator
from spacy.tokens import Span, Token

from detente.records import Record
from detente.models import DateValue
from detente.nlp import doc_text, sentences, span_text, span_tokens
from detente.wordlists import word_sets, words

_DW = words("dates")
_S = word_sets("dates")

DATA_FILE = Path(__file__).resolve().parent / "data" / "dates.yml"

Unit = Literal["hour", "day", "week", "fortnight", "month", "year", "decade"]


class TimeExpr(BaseModel):
    """A temporal expression: where it stands, what kind it is, and the date it resolves to."""

    model_config = ConfigDict(frozen=True)

    start: int  # offsets in the text given (date_for: offsets in ``sent.doc.text``)
    end: int
    text: str
    kind: Literal["point", "since", "until", "by", "span", "relative", "anchor"] = "point"
    date: DateValue | None = None
    date_end: DateValue | None = None
    ongoing: bool = False  # "since 2016": a span still open at publication
    future: bool = False  # after publication ("next month", "by 2030", "will meet in May")
    # kind "anchor" (and "two years ago"): the signed offset from the date it is relative to
    offset_days: int | None = None  # nominal length in days ("a week after" → 7, "days before" → -3)
    offset_count: int | None = None  # signed count of ``offset_unit``
    offset_unit: Unit | None = None
    offset_vague: bool = False  # "days after", "several weeks later"


# ---------------------------------------------------------------------------------------------
# Data


class DatesConfig(Record):
    """``detente/data/dates.yml``: the words behind the patterns."""

    months: dict[str, int]
    month_abbreviations: list[str]
    weekdays: dict[str, int]
    seasons: list[str]
    number_words: dict[str, int | None]
    units: dict[str, Unit]
    not_year_before: list[str]
    not_year_after: list[str]
    future_cues: list[str]
    month_cues: list[str]
    sequence_adverbs: list[str] = []
    cue_words: list[str]

    @field_validator("months")
    @classmethod
    def _months(cls, v: dict[str, int]) -> dict[str, int]:
        if sorted(set(v.values())) != list(range(1, 13)):
            raise ValueError("months must map names to every month 1..12")
        return {k.lower(): n for k, n in v.items()}

    @field_validator("weekdays")
    @classmethod
    def _weekdays(cls, v: dict[str, int]) -> dict[str, int]:
        if sorted(v.values()) != list(range(7)):
            raise ValueError("weekdays must map seven names to 0 (Monday) .. 6 (Sunday)")
        return {k.lower(): n for k, n in v.items()}


@lru_cache(maxsize=1)
def load_config() -> DatesConfig:
    with DATA_FILE.open(encoding="utf-8") as fh:
        cfg = DatesConfig.model_validate(yaml.safe_load(fh))
    unknown = set(cfg.month_abbreviations) - set(cfg.months)
    if unknown:
        raise ValueError(f"month abbreviations without a month: {sorted(unknown)}")
    return cfg


# ---------------------------------------------------------------------------------------------
# Small date helpers

_PREC = ("day", "month", "year", "decade")
_UNIT_PREC = {"hour": "day", "day": "day", "week": "day", "fortnight": "day",
              "month": "month", "year": "year", "decade": "decade"}
_UNIT_DAYS = {"hour": 0, "day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365, "decade": 3652}
_VAGUE_COUNT = 3  # "days after" ≈ three days, for the nominal offset


def _dv(y: int, m: int | None = None, d: int | None = None) -> DateValue:
    if not 1 <= y <= 9999:
        raise ValueError(f"year {y} is off the calendar")
    if d is not None and m is not None:
        return DateValue(value=f"{y:04d}-{m:02d}-{d:02d}", precision="day")
    if m is not None:
        return DateValue(value=f"{y:04d}-{m:02d}", precision="month")
    return DateValue(value=f"{y:04d}", precision="year")


def _truncate(d: dt.date, precision: str) -> DateValue:
    if precision == "day":
        return DateValue.from_date(d)
    if precision == "month":
        return _dv(d.year, d.month)
    if precision == "year":
        return _dv(d.year)
    return DateValue(value=f"{d.year - d.year % 10:04d}", precision="decade")


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    if not 1 <= y <= 9999:
        raise OverflowError
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _add(d: dt.date, n: int, unit: str) -> dt.date:
    if unit == "hour":
        return d + dt.timedelta(days=int(n / 24))
    if unit in ("day", "week", "fortnight"):
        return d + dt.timedelta(days=n * _UNIT_DAYS[unit])
    if unit == "month":
        return _add_months(d, n)
    if unit == "year":
        return _add_months(d, 12 * n)
    return _add_months(d, 120 * n)


def shift(anchor: DateValue, count: int, unit: str, vague: bool = False) -> DateValue | None:
    """``anchor`` moved by ``count`` ``unit``s, never finer than the anchor or the offset.

    The precision is the coarser of the anchor's and the unit's ("two months after 17 April" →
    month; "a week after the 2021 takeover" → year); a vague count ("days after") costs one more
    step (days → month, months → year). The middle of the anchor period is moved, so a short
    offset from a year stays in that year.
    """
    uprec = _UNIT_PREC[unit]
    if vague and unit != "hour":  # "hours after" stays within a day or so
        uprec = _PREC[min(_PREC.index(uprec) + 1, 3)]
    prec = _PREC[max(_PREC.index(anchor.precision), _PREC.index(uprec))]
    first, last = anchor.first_day(), anchor.last_day()
    mid = first + (last - first) // 2
    try:
        return _truncate(_add(mid, count, unit), prec)
    except (OverflowError, ValueError):
        return None


def _last_day_ok(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


# ---------------------------------------------------------------------------------------------
# Candidates


@dataclass
class _Hit:
    start: int
    end: int
    kind: str = "point"
    date: DateValue | None = None
    date_end: DateValue | None = None
    ongoing: bool = False
    future: bool = False
    prio: int = 0
    # for "from April to June 2025": a month/day whose year was guessed can take its partner's
    month: int | None = None
    day: int | None = None
    year_inferred: bool = False
    # anchors
    count: int | None = None
    unit: str | None = None
    vague: bool = False
    direction: str | None = None  # after | before | later | earlier | same


@dataclass
class _Ctx:
    text: str
    published: dt.date | None
    cfg: DatesConfig

    @property
    def ref_year(self) -> int:
        return (self.published or dt.date.today()).year


Handler = Callable[[re.Match, _Ctx], "_Hit | None"]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _cap(words) -> list[str]:
    return [w.capitalize() for w in words]


_WORD_AFTER = re.compile(r"^\s*([A-Za-z%]+)")
_CLAUSE_BREAK = re.compile(r"[.;!?:\n]\s|[;!?\n]")


_WORD_CHARS = frozenset("'’.#№$€£¥-")


def _word_before(ctx: _Ctx, i: int) -> str:
    """The word right before offset ``i``, lower-cased, without a trailing full stop."""
    text = ctx.text
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    k = j
    while k > 0 and j - k < 24 and (text[k - 1].isalpha() or text[k - 1] in _WORD_CHARS):
        k -= 1
    return text[k:j].lower().rstrip(".")


def _word_after(ctx: _Ctx, i: int) -> str:
    m = _WORD_AFTER.match(ctx.text[i:i + 24])
    return _word(m.group(1)) if m else ""


@lru_cache(maxsize=1)
def _future_re() -> re.Pattern:
    cfg = load_config()
    words = [c for c in cfg.future_cues if c[:1].isalpha()]
    clitics = [c.lstrip("'’") for c in cfg.future_cues if not c[:1].isalpha()]  # "'ll"
    alts = [r"(?<![\w'’])(?:" + _alt(words) + r")\b"]
    if clitics:
        alts.append(r"['’](?:" + _alt(clitics) + r")\b")
    return re.compile("|".join(alts), re.I)


def _future_cue(ctx: _Ctx, i: int) -> bool:
    """A future cue ("will", "plans", "scheduled" …) earlier in the clause that ends at ``i``."""
    window = ctx.text[max(0, i - 100):i]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end():]
    return bool(_future_re().search(window))


_DEADLINE = re.compile(
    r"\b(?:by|until|till|before|no\s+later\s+than)\s+"
    r"(?:(?:the|end|close|of|on|at|midnight|noon|[\d:.]+|[ap]\.?m\.?)\s+){0,5}$", re.I)


def _deadline_cue(ctx: _Ctx, i: int) -> bool:
    """"leave by midnight on Saturday", "until 19 October": a deadline, so the date is ahead."""
    return bool(_DEADLINE.search(ctx.text[max(0, i - 40):i]))


def _ahead(ctx: _Ctx, i: int) -> bool:
    """Does a date without its year (or week) standing at ``i`` point forward from publication?"""
    return _future_cue(ctx, i) or _deadline_cue(ctx, i)


def _word(text: str) -> str:
    """A matched word as the settings' tables spell it. The patterns match case-insensitively, and
    Python's re then also takes "ſ" for s, the Kelvin sign for k and dotless or dotted I for i:
    NFKC and lower-casing map them back."""
    return unicodedata.normalize("NFKC", text).lower().replace("i\u0307", "i").replace("\u0131", "i")


def _mon(ctx: _Ctx, name: str) -> int:
    return ctx.cfg.months[_word(name).rstrip(".")]


# --- resolution of dates whose year (or month) the text leaves out --------------------------


def _month_year(ctx: _Ctx, m: int, mode: str) -> int | None:
    """The year of month ``m``: mode past (on/before publication), last (strictly before the
    publication month), future (on/after), next (strictly after), this (publication year)."""
    p = ctx.published
    if p is None:
        return None
    if mode == "past":
        return p.year if m <= p.month else p.year - 1
    if mode == "last":
        return p.year if m < p.month else p.year - 1
    if mode == "future":
        return p.year if m >= p.month else p.year + 1
    if mode == "next":
        return p.year if m > p.month else p.year + 1
    return p.year


_SOON_DAYS = 31


def _day_month_year(ctx: _Ctx, m: int, d: int, future: bool) -> int | None:
    """The year of day ``d`` of month ``m``: the most recent on or before publication — or, with a
    future cue, the next on or after it. A date up to a month after publication is taken as
    coming ("the conference, June 30 and July 1" in a piece of 28 June), as a writer would not
    mean one almost a year back without giving the year."""
    p = ctx.published
    if p is None:
        return None
    if not future and _last_day_ok(p.year, m, d) and 0 < (dt.date(p.year, m, d) - p).days <= _SOON_DAYS:
        return p.year
    if not future and m == 1 and p.month == 12 and 0 < (dt.date(p.year + 1, m, d) - p).days <= _SOON_DAYS:
        return p.year + 1
    for y in ((p.year, p.year + 1) if future else (p.year, p.year - 1)):
        if not _last_day_ok(y, m, d):
            continue
        date = dt.date(y, m, d)
        if (date >= p) if future else (date <= p):
            return y
    return None


def _weekday_date(ctx: _Ctx, wd: int, mode: str) -> dt.date | None:
    p = ctx.published
    if p is None:
        return None
    if mode == "past":
        return p - dt.timedelta(days=(p.weekday() - wd) % 7)
    if mode == "last":
        return p - dt.timedelta(days=(p.weekday() - wd) % 7 or 7)
    if mode == "future":
        return p + dt.timedelta(days=(wd - p.weekday()) % 7)
    return p + dt.timedelta(days=(wd - p.weekday()) % 7 or 7)  # next


# --- handlers ---------------------------------------------------------------------------------


def _year_ok(ctx: _Ctx, y: int, start: int, end: int) -> bool:
    before = _word_before(ctx, start)
    if before in _NOT_YEAR_BEFORE():
        return False
    if _word_after(ctx, end) in _NOT_YEAR_AFTER():
        return False
    lo = 1000 if before in _YEAR_CUES else 1900
    hi = ctx.ref_year + 5
    if before in _S["deadline_preps"] or _future_cue(ctx, start):
        hi = 2100
    return lo <= y <= hi


_YEAR_CUES = frozenset(_DW["year_cues"])


@lru_cache(maxsize=1)
def _NOT_YEAR_BEFORE() -> frozenset[str]:  # noqa: N802
    return frozenset(w.lower().rstrip(".") for w in load_config().not_year_before)


@lru_cache(maxsize=1)
def _NOT_YEAR_AFTER() -> frozenset[str]:  # noqa: N802
    return frozenset(w.lower() for w in load_config().not_year_after)


def _h_iso(m: re.Match, ctx: _Ctx) -> _Hit | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not _last_day_ok(y, mo, d):
        return None
    return _Hit(m.start(), m.end(), date=_dv(y, mo, d), prio=9)


def _h_iso_month(m: re.Match, ctx: _Ctx) -> _Hit | None:
    y, mo = int(m["y"]), int(m["m"])
    if (y + 1) % 100 == mo:  # "2010-11": a season, not November 2010
        return None
    return _Hit(m.start(), m.end(), date=_dv(y, mo), prio=8)


@lru_cache(maxsize=1)
def _dateparser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})


def _h_numeric(m: re.Match, ctx: _Ctx) -> _Hit | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if not (1 <= a <= 31 and 1 <= b <= 31) or not 1900 <= y <= ctx.ref_year + 5:
        return None
    if a <= 12 and b <= 12 and a != b:  # 05/04/2025: day-month or month-day? keep the year only
        return _Hit(m.start(), m.end(), date=_dv(y), prio=7)
    data = _dateparser().get_date_data(m.group(0).replace(".", "/"))
    if data.date_obj is None or data.period != "day":
        return None
    d = data.date_obj.date()
    return _Hit(m.start(), m.end(), date=DateValue.from_date(d), prio=7)


def _h_dmy(m: re.Match, ctx: _Ctx) -> _Hit | None:
    y, mo, d = int(m["y"]), _mon(ctx, m["mon"]), int(m["d"])
    if not _last_day_ok(y, mo, d) or not 1000 <= y <= 2100:
        return None
    return _Hit(m.start(), m.end(), date=_dv(y, mo, d), prio=9, month=mo, day=d)


def _h_day_range(m: re.Match, ctx: _Ctx) -> _Hit | None:
    mo, d1, d2 = _mon(ctx, m["mon"]), int(m["d"]), int(m["d2"])
    if m["y"]:
        y, inferred = int(m["y"]), False
    else:
        y, inferred = _day_month_year(ctx, mo, d1, _ahead(ctx, m.start())), True
    if y is None or not (_last_day_ok(y, mo, d1) and _last_day_ok(y, mo, d2)) or d2 <= d1:
        return None
    return _Hit(m.start(), m.end(), kind="span", date=_dv(y, mo, d1), date_end=_dv(y, mo, d2),
                prio=9, month=mo, year_inferred=inferred)


def _h_dm(m: re.Match, ctx: _Ctx) -> _Hit | None:
    mo, d = _mon(ctx, m["mon"]), int(m["d"])
    if not _last_day_ok(2000, mo, d):  # 2000 is a leap year: 29 February is a day
        return None
    y = _day_month_year(ctx, mo, d, _ahead(ctx, m.start()))
    hit = _Hit(m.start(), m.end(), prio=6, month=mo, day=d, year_inferred=True)
    if y is not None:
        hit.date = _dv(y, mo, d)
    return hit


def _h_my(m: re.Match, ctx: _Ctx) -> _Hit | None:
    y, mo = int(m["y"]), _mon(ctx, m["mon"])
    if not _year_ok(ctx, y, m.start("y"), m.end()):
        return None
    return _Hit(m.start(), m.end(), date=_dv(y, mo), prio=8, month=mo)


def _h_season_year(m: re.Match, ctx: _Ctx) -> _Hit | None:
    y = int(m["y"])
    if not _year_ok(ctx, y, m.start("y"), m.end()):
        return None
    return _Hit(m.start(), m.end(), date=_dv(y), prio=8)


def _h_decade(m: re.Match, ctx: _Ctx) -> _Hit | None:
    if m["dec"]:
        y = int(m["dec"])
    else:
        short = int(m["dec2"])
        y = 2000 + short if 2000 + short <= ctx.ref_year else 1900 + short
    if not 1000 <= y <= ctx.ref_year + 5:
        return None
    return _Hit(m.start(), m.end(), date=DateValue(value=f"{y:04d}", precision="decade"), prio=8)


def _h_year_range(m: re.Match, ctx: _Ctx) -> _Hit | None:
    y1, raw2 = int(m["y"]), m["y2"]
    y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
    if y2 <= y1 or y2 - y1 > 100 or not _year_ok(ctx, y1, m.start(), m.start()):
        return None
    if _word_after(ctx, m.end()) in _NOT_YEAR_AFTER() or y2 > ctx.ref_year + 5 and not _future_cue(ctx, m.start()):
        return None
    return _Hit(m.start(), m.end(), kind="span", date=_dv(y1), date_end=_dv(y2), prio=8)


def _h_year(m: re.Match, ctx: _Ctx) -> _Hit | None:
    y = int(m["y"])
    if not _year_ok(ctx, y, m.start(), m.end()):
        return None
    return _Hit(m.start(), m.end(), date=_dv(y), prio=5)


def _h_weekday(m: re.Match, ctx: _Ctx) -> _Hit | None:
    wd = ctx.cfg.weekdays[_word(m["wd"])]
    rel = _word_before(ctx, m.start())
    mode = {"last": "last", "past": "last", "next": "next", "this": "future"}.get(rel)
    start, kind = m.start(), "point"
    if mode is None:
        mode = "future" if _ahead(ctx, m.start()) else "past"
    else:
        start, kind = _cue_start(ctx.text, m.start()), "relative"
    d = _weekday_date(ctx, wd, mode)
    return _Hit(start, m.end(), kind=kind, date=DateValue.from_date(d) if d else None, prio=4)


def _h_month_alone(m: re.Match, ctx: _Ctx) -> _Hit | None:
    mo = _mon(ctx, m["mon"])
    cue = _word_before(ctx, m.start())
    if cue not in _MONTH_CUES():
        return None
    start = m.start()
    mode = "past"
    kind = "point"
    if cue in ("last", "next", "this"):
        mode, kind = cue, "relative"
        start = _cue_start(ctx.text, m.start())
    elif _future_cue(ctx, m.start()):
        mode = "future"
    y = _month_year(ctx, mo, mode)
    hit = _Hit(start, m.end(), kind=kind, prio=3, month=mo, year_inferred=True)
    if y is not None:
        hit.date = _dv(y, mo)
    return hit


def _cue_start(text: str, i: int) -> int:
    """Start of the word right before offset ``i`` (for "last April", "next Thursday")."""
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    while j > 0 and (text[j - 1].isalpha()):
        j -= 1
    return j


@lru_cache(maxsize=1)
def _MONTH_CUES() -> frozenset[str]:  # noqa: N802
    return frozenset(w.lower().rstrip("-") for w in load_config().month_cues) | {"mid-"}


def _h_rel_day(m: re.Match, ctx: _Ctx) -> _Hit | None:
    w = _word(m["w"])
    off = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}.get(w, 0)
    p = ctx.published
    date = DateValue.from_date(p + dt.timedelta(days=off)) if p else None
    return _Hit(m.start(), m.end(), kind="relative", date=date, future=off > 0, prio=6)


def _h_rel_period(m: re.Match, ctx: _Ctx) -> _Hit | None:
    """last/this/next week|weekend|month|year, earlier/later this month|year."""
    rel, unit, pre = _word(m["rel"]), _word(m["unit"]), _word(m["pre"] or "")
    p = ctx.published
    hit = _Hit(m.start(), m.end(), kind="relative", prio=6,
               future=rel == "next" or pre == "later")
    if p is None:
        return hit
    step = {"last": -1, "this": 0, "next": 1}[rel]
    if unit == "week":
        monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(days=7 * step)
        hit.date, hit.date_end = DateValue.from_date(monday), DateValue.from_date(monday + dt.timedelta(days=6))
    elif unit == "weekend":
        sat = p - dt.timedelta(days=p.weekday()) + dt.timedelta(days=5 + 7 * step)
        if rel == "last" and sat + dt.timedelta(days=1) >= p:
            sat -= dt.timedelta(days=7)
        hit.date, hit.date_end = DateValue.from_date(sat), DateValue.from_date(sat + dt.timedelta(days=1))
        hit.future = hit.future or sat > p
    elif unit == "month":
        d = _add_months(p.replace(day=1), step)
        hit.date = _dv(d.year, d.month)
    else:
        hit.date = _dv(p.year + step)
    return hit


def _h_the_weekend(m: re.Match, ctx: _Ctx) -> _Hit | None:
    """"met over the weekend": the latest weekend up to publication (the next one after a future
    cue: "will meet at the weekend")."""
    p = ctx.published
    future = _future_cue(ctx, m.start())
    hit = _Hit(m.start(), m.end(), kind="relative", prio=6, future=future)
    if p is None:
        return hit
    if future:
        sat = p + dt.timedelta(days=(5 - p.weekday()) % 7)
    else:
        sat = p - dt.timedelta(days=(p.weekday() - 5) % 7)
    hit.date, hit.date_end = DateValue.from_date(sat), DateValue.from_date(sat + dt.timedelta(days=1))
    return hit


def _count(ctx: _Ctx, raw: str | None, unit_word: str) -> tuple[int, bool]:
    """(count, vague) for "two", "3", "a few", None ("days after" → vague)."""
    if raw is None:
        return (1, False) if not unit_word.endswith("s") else (_VAGUE_COUNT, True)
    raw = " ".join(_word(raw).split())
    if raw.isdigit():
        return int(raw), False
    if raw == "the":
        return (1, False) if not unit_word.endswith("s") else (_VAGUE_COUNT, True)
    n = ctx.cfg.number_words.get(raw)
    return (n, False) if n is not None else (_VAGUE_COUNT, True)


@lru_cache(maxsize=1)
def _count_before_re() -> re.Pattern:
    words = _alt(list(load_config().number_words) + ["the"])
    return re.compile(r"(?:^|(?<=\W))(?P<n>\d+|" + words + r")\s+$", re.I)


def _count_before(ctx: _Ctx, i: int) -> tuple[int, str | None]:
    """The count right before a unit word ("two weeks", "a few days"): (its start, its text)."""
    lo = max(0, i - 20)
    m = _count_before_re().search(ctx.text[lo:i])
    return (lo + m.start("n"), m["n"]) if m else (i, None)


def _h_ago(m: re.Match, ctx: _Ctx) -> _Hit | None:
    unit_word = _word(m["unit"])
    unit = ctx.cfg.units[unit_word]
    start, raw = _count_before(ctx, m.start())
    n, vague = _count(ctx, raw, unit_word)
    hit = _Hit(start, m.end(), kind="relative", prio=6, count=-n, unit=unit, vague=vague,
               direction="before")
    if ctx.published:
        hit.date = shift(DateValue.from_date(ctx.published), -n, unit, vague)
    return hit


def _h_anchor(m: re.Match, ctx: _Ctx) -> _Hit | None:
    unit_word = _word(m["unit"])
    unit = ctx.cfg.units[unit_word]
    start, raw = _count_before(ctx, m.start())
    if raw is None and not unit_word.endswith("s"):
        return None  # "this year after the ceasefire": "year after" alone is no offset
    n, vague = _count(ctx, raw, unit_word)
    direction = " ".join(_word(m["dir"]).split()).replace("prior to", "before")
    sign = -1 if direction in ("before", "earlier") else 1
    return _Hit(start, m.end(), kind="anchor", prio=5, count=sign * n, unit=unit, vague=vague,
                direction=direction)


def _h_anchor_the(m: re.Match, ctx: _Ctx) -> _Hit | None:
    """"the following year", "the previous day", "the same day", "later that year"."""
    unit = ctx.cfg.units[_word(m["unit"])]
    which = _word(m["which"] or "same")
    sign = {"previous": -1, "preceding": -1, "following": 1, "next": 1}.get(which, 0)
    direction = {-1: "earlier", 1: "later", 0: "same"}[sign]
    return _Hit(m.start(), m.end(), kind="anchor", prio=5, count=sign, unit=unit, direction=direction)


# --- the pattern table ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern, Handler, bool, Sequence[str]]]:
    cfg = load_config()
    full = [k for k in cfg.months if k not in cfg.month_abbreviations]
    abbr = cfg.month_abbreviations
    mon_any = "(?P<mon>(?:" + _alt(_cap(full)) + r")\b|(?:" + "|".join(
        re.escape(a.capitalize()) for a in sorted(abbr, key=len, reverse=True)) + r")(?:\.|\b))"
    mon_full = "(?P<mon>" + _alt(_cap(full)) + r")\b"
    wd_names = _alt(_cap(cfg.weekdays))
    wd_opt = r"(?:(?:" + wd_names + r"),?\s+(?:the\s+)?)?"
    day = r"(?P<d>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?"
    day2 = r"(?P<d2>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?"
    year = r"(?P<y>\d{4})(?!\d)"
    no_left = r"(?<![\w$€£¥#№.,/\-–])"
    unit_initials = "".join(sorted({c for u in cfg.units for c in (u[0].lower(), u[0].upper())}))
    units = _alt(list(cfg.units))
    seasons = _alt(cfg.seasons)
    I = re.I  # noqa: E741
    # each pattern starts with a look-ahead on its first character: cheap skipping of positions
    # the last two columns say what every match holds, so that a pattern is not run on a text that
    # lacks it (``_find``): a digit (a day, a year, a decade); one of some words (lower case)
    months, weekdays = tuple(cfg.months), tuple(cfg.weekdays)
    table: list[tuple[str, Handler, int, bool, Sequence[str]]] = [
        (r"(?=\d)" + no_left + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)", _h_iso, 0, True, ()),
        (r"(?=\d)" + no_left + r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])(?![\d\-–])", _h_iso_month, 0, True, ()),
        (r"(?=\d)(?<![\d/.])(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<y>\d{4})(?![\d/]|\.\d)", _h_numeric, 0, True, ()),
        (r"(?=[\dMTWFS])" + wd_opt + day + r"(?:\s+of)?\s+" + mon_any + r",?\s+" + year, _h_dmy, 0, True, months),
        (r"(?=[A-Z])" + wd_opt + mon_any + r"\s+" + day + r",?\s+" + year, _h_dmy, 0, True, months),
        (r"(?=\d)" + day + r"\s*(?:-|–|—|to|and)\s*" + day2 + r"\s+(?:of\s+)?" + mon_any + r"(?:,?\s+" + year + ")?", _h_day_range, 0, True, months),
        (r"(?=[A-Z])" + mon_any + r"\s+" + day + r"\s*(?:-|–|—|to|and)\s*" + day2 + r"(?:,?\s+" + year + ")?", _h_day_range, 0, True, months),
        (r"(?=[\dMTWFS])" + wd_opt + day + r"(?:\s+of)?\s+" + mon_any, _h_dm, 0, True, months),
        (r"(?=[A-Z])" + wd_opt + mon_any + r"\s+" + day + r"(?!\s*[:.]\d)", _h_dm, 0, True, months),
        (r"(?=[A-Z])" + mon_any + r",?\s+(?:of\s+)?" + year, _h_my, 0, True, months),
        (r"(?=[sSaAwWfF])\b(?:" + seasons + r")(?:\s+of)?\s+" + year, _h_season_year, I, True, ()),
        (r"(?=[\demlEML'‘’])" + no_left + r"(?:(?:early|mid-?|late)\s*)?(?:(?P<dec>1\d{2}0|20\d0)|['‘’](?P<dec2>\d0))s\b", _h_decade, 0, True, ()),
        (r"(?=\d)" + no_left + r"(?P<y>\d{4})\s*[-–—/]\s*(?P<y2>\d{4}|\d{2})(?![\w%]|[.,/]\d)", _h_year_range, 0, True, ()),
        (r"(?=\d{4})(?:(?<=[a-z]-)|" + no_left + r")(?P<y>\d{4})(?![\d%]|[.,/\-–]\d)(?:['’]s\b)?", _h_year, 0, True, ()),
        (r"(?=[MTWFS])\b(?P<wd>" + wd_names + r")\b(?!['’]s)", _h_weekday, 0, False, weekdays),
        (r"(?=[A-Z])" + mon_full + r"(?!\s*\d)", _h_month_alone, 0, False, full),
        (r"(?=[yYtT])\b(?P<w>yesterday|today|tonight|tomorrow)\b", _h_rel_day, I, False, ("yesterday", "today", "tonight", "tomorrow")),
        (r"(?=[eElLtTnN])\b(?:(?P<pre>earlier|later)\s+)?(?P<rel>last|this|next)\s+(?P<unit>week|weekend|month|year)\b", _h_rel_period, I, False, ("week", "month", "year")),
        (r"(?=[oOaAdD])\b(?:over|at|during)\s+the\s+weekend\b", _h_the_weekend, I, False, ("weekend",)),
        (r"(?=[" + unit_initials + r"])\b(?P<unit>" + units + r")\s+ago\b", _h_ago, I, False, ("ago",)),
        (r"(?=[" + unit_initials + r"])\b(?P<unit>" + units + r")\s+(?P<dir>after|before|later|earlier|prior\s+to)\b", _h_anchor, I, False, ("after", "before", "later", "earlier", "prior")),
        (r"(?=[tT])\bthe\s+(?P<which>previous|preceding|following|next|same)\s+(?P<unit>day|week|month|year)\b", _h_anchor_the, I, False, ("previous", "preceding", "following", "next", "same")),
        (r"(?=[lLeEtT])\b(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?(?P<which>)(?P<unit>day|week|month|year)\b", _h_anchor_the, I, False, ("that",)),
    ]
    # "yesterday" etc. are fine anywhere; month and weekday names must be capitalised
    return [(re.compile(p, flags), h, digit, cues) for p, h, flags, digit, cues in table]


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _prefilter() -> re.Pattern:
    """A digit or one of the ``cue_words`` (any case): what a text with a temporal expression holds."""
    return re.compile(r"\d|" + "|".join(map(re.escape, load_config().cue_words)), re.I)


def _scan(text: str) -> tuple[bool, bool, str]:
    """(may ``text`` hold a date by ``_prefilter``, does it hold a digit, its lower-cased form). The
    cue words are looked for in the lower-cased text when it is ASCII (a regex alternation under
    ``re.I`` tries every word at every character, ~5x slower); on other text ``re.I`` also folds
    letters like "ſ" and "K", so the regex decides."""
    digit = _DIGIT.search(text) is not None
    low = text.lower()
    if not text.isascii():
        return _prefilter().search(text) is not None, digit, low
    return digit or any(w in low for w in load_config().cue_words), digit, low


def _may_hold_date(text: str) -> bool:
    return _scan(text)[0]


_WRAP = re.compile(
    r"\b(?P<w>ever\s+since|since|up\s+until|until|till|up\s+to|through|by|from|between)\s+"
    r"(?:(?:the\s+)?(?:early|late|mid-?|end\s+of|beginning\s+of|start\s+of|middle\s+of|"
    r"first\s+half\s+of|second\s+half\s+of|turn\s+of)\s*)?(?:the\s+)?$", re.I)
_CONNECT = re.compile(
    r"^\s*(?P<c>to|until|till|through|and|-|–|—)\s*(?:the\s+)?(?:(?:early|late|mid-?|end\s+of)\s*)?$", re.I)


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Non-overlapping hits, longest (then highest priority) first; returned in text order."""
    chosen: list[_Hit] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), -h.prio, h.start)):
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    return sorted(chosen, key=lambda h: h.start)


_YEAR_WORD = re.compile(r"^(?:,\s*|\s+)(?:of\s+)?$")


def _merge_this_year(hits: list[_Hit], ctx: _Ctx) -> list[_Hit]:
    """"April 17 this year", "January last year": the month/day takes that year."""
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        h = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if (nxt is not None and h.year_inferred and h.month and h.kind in ("point", "relative")
                and nxt.kind == "relative" and nxt.date is not None and nxt.date.precision == "year"
                and ctx.text[nxt.end - 4:nxt.end].lower() == "year"
                and _YEAR_WORD.match(ctx.text[h.end:nxt.start])):
            y = int(nxt.date.value)
            if h.day is None:
                h.date = _dv(y, h.month)
            elif _last_day_ok(y, h.month, h.day):
                h.date = _dv(y, h.month, h.day)
            h.end, h.kind, h.year_inferred = nxt.end, "point", False
            h.future = nxt.future
            out.append(h)
            i += 2
            continue
        out.append(h)
        i += 1
    return out


def _reyear(h: _Hit, partner: _Hit) -> None:
    """Give a month/day with a guessed year the year of its span partner ("from April to June 2025")."""
    if not (h.year_inferred and partner.date and h.month):
        return
    py = partner.date.first_day().year
    pm = partner.date.first_day().month if partner.date.precision in ("day", "month") else 12
    y = py if h.month <= pm else py - 1
    if y < 1:
        return
    if h.day is not None:
        if _last_day_ok(y, h.month, h.day):
            h.date = _dv(y, h.month, h.day)
    else:
        h.date = _dv(y, h.month)


def _wrap(hits: list[_Hit], ctx: _Ctx) -> list[_Hit]:
    """since / until / by / from … to / between … and: kinds, spans, and the words in the text."""
    out: list[_Hit] = []
    i = 0
    text = ctx.text
    while i < len(hits):
        h = hits[i]
        prev_end = out[-1].end if out else 0
        wm = _WRAP.search(text[max(prev_end, h.start - 60):h.start])
        w = " ".join(_word(wm["w"]).split()) if wm else ""
        wstart = h.start - (len(text[max(prev_end, h.start - 60):h.start]) - wm.start()) if wm else h.start
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt is not None and h.kind in ("point", "relative") and nxt.kind in ("point", "relative"):
            cm = _CONNECT.match(text[h.end:nxt.start])
            if cm:
                c = _word(cm["c"])
                ok = (w == "between" and c == "and") or (w == "from" and c != "and") or (
                    not w and c in ("-", "–", "—") and h.kind == nxt.kind == "point")
                if ok and h.date is not None and nxt.date is not None:
                    _reyear(h, nxt)
                    if h.date.first_day() <= nxt.date.last_day():
                        start = wstart if w else h.start
                        out.append(_Hit(start, nxt.end, kind="span", date=h.date,
                                        date_end=nxt.date_end or nxt.date, prio=h.prio,
                                        future=nxt.future))
                        i += 2
                        continue
        if w in ("since", "ever since") and h.kind in ("point", "relative"):
            h.kind, h.ongoing, h.start = "since", True, wstart
        elif w in ("until", "up until", "till", "up to", "through") and h.kind in ("point", "relative"):
            h.kind, h.start = "until", wstart
            if h.date_end is not None:  # "until last week": the end of that week
                h.date, h.date_end = h.date_end, None
        elif w == "by" and h.kind in ("point", "relative"):
            h.kind, h.start = "by", wstart
            if h.date_end is not None:
                h.date, h.date_end = h.date_end, None
        out.append(h)
        i += 1
    return out


_STOP_BETWEEN = re.compile(r"[,;:!?()]|\.\s")


def _resolve_anchors(hits: list[_Hit], ctx: _Ctx) -> None:
    """"a week after the 2021 takeover": resolve an anchor from the date that follows it."""
    for i, h in enumerate(hits):
        if h.kind != "anchor" or h.direction not in ("after", "before") or h.date is not None:
            continue
        for nxt in hits[i + 1:]:
            between = ctx.text[h.end:nxt.start]
            if len(between) > 60 or _STOP_BETWEEN.search(between):
                break
            if nxt.date is not None and nxt.kind != "anchor":
                h.date = shift(nxt.date, h.count or 0, h.unit or "day", h.vague)
                break


@lru_cache(maxsize=8192)
def _find(text: str, published: dt.date | None) -> tuple[TimeExpr, ...]:
    if not text:
        return ()
    may, digit, low = _scan(text)
    if not may:
        return ()
    ctx = _Ctx(text=text, published=published, cfg=load_config())
    # (a pattern under ``re.I`` also matches "ſ" for "s", "K" for "k": its words decide on ASCII only)
    folds = not text.isascii()
    hits: list[_Hit] = []
    for rx, handler, needs_digit, cues in _patterns():
        if (needs_digit and not digit) or (cues and not (folds and rx.flags & re.I) and not any(w in low for w in cues)):
            continue  # (no match possible)
        for m in rx.finditer(text):
            try:
                hit = handler(m, ctx)
            except (OverflowError, ValueError):  # dates off the calendar (year 0, 10000)
                continue
            if hit is not None and hit.end > hit.start:
                hits.append(hit)
    hits = _wrap(_merge_this_year(_select(hits), ctx), ctx)
    _resolve_anchors(hits, ctx)
    out = []
    for h in hits:
        future = h.future
        if published is not None and h.date is not None and h.kind not in ("since",):
            future = future or h.date.first_day() > published
        nominal = None
        if h.count is not None and h.unit is not None:
            nominal = h.count * _UNIT_DAYS[h.unit] if h.unit != "hour" else int(h.count / 24)
        out.append(TimeExpr(
            start=h.start, end=h.end, text=text[h.start:h.end], kind=h.kind, date=h.date,
            date_end=h.date_end, ongoing=h.ongoing, future=future, offset_days=nominal,
            offset_count=h.count if h.unit else None, offset_unit=h.unit, offset_vague=h.vague,
        ))
    return tuple(out)


def find_time_expressions(text: str, published: dt.date | None) -> list[TimeExpr]:
    """Every temporal expression in ``text`` (offsets into ``text``), resolved against ``published``.

    See the module docstring for the kinds and the rules. Results are cached per (text, date).
    """
    return list(_find(text, published))


# ---------------------------------------------------------------------------------------------
# Which expression dates an event


_CLAUSE_DEPS = {"relcl", "acl", "appos"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "poss"}
_OBJECT_DEPS = {"dobj", "attr", "oprd", "dative", "obj", "iobj"}


def _is_verb(t: Token) -> bool:
    return t.pos_ == "VERB" or (t.pos_ == "AUX" and t.head.pos_ != "VERB") or (t.dep_ == "ROOT")


def _clause_head(t: Token) -> Token:
    while not _is_verb(t) and t.head.i != t.i:
        t = t.head
    return t


def _span_head(toks: list[Token]) -> Token:
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]


def _reduced_relative(c: Token) -> bool:
    """A past-participle clause on a noun ("a ship linked to X"): a reduced relative clause."""
    return c.dep_ == "acl" and c.tag_ == "VBN"


def _attach_score(h: Token, target: Token, target_is_verb: bool, short: bool = False) -> float | None:
    """How directly the expression headed by ``h`` modifies ``target`` (an ancestor of ``h``).

    0 — attached to it (possibly through prepositions and nouns: "on 17 April", "in the 2003
    vote"); 0.5 — inside a prepositional phrase on its object; ``None`` — not its date: inside its
    subject ("The designation, in force since 2003, was suspended on Thursday": 2003 is not the
    suspension's date), inside a relative or other subordinate clause (that clause's own event),
    except that a noun target takes the dates of its own relative clauses. An expression under an
    ``xcomp`` of the target ("decided to open an embassy in May") scores 4: a last resort.
    """
    chain = []  # tokens from h up to (excluding) target
    t = h
    while t.i != target.i:
        chain.append(t)
        if t.head.i == t.i:
            return None
        t = t.head
    # "seized a ship linked to X on Sunday": a weekday or "yesterday" that the parser hangs on a
    # reduced relative clause of the object belongs to the main verb (such clauses carry no news day)
    extra = 0.0
    if short and target_is_verb and any(_reduced_relative(c) for c in chain[1:]) and not any(
            c.dep_ in _CLAUSE_DEPS and not _reduced_relative(c) for c in chain[1:]):
        chain = [c for c in chain if not _reduced_relative(c)]
        extra = 1.0
    verbs = [c for c in chain[1:] if _is_verb(c) and c.pos_ in ("VERB", "AUX")]
    link = chain[-1].dep_ if chain else ""
    if not target_is_verb:
        return 0.5 if verbs else 0.0
    if any(c.dep_ in _CLAUSE_DEPS for c in chain[1:]):
        return None
    if verbs:
        if all(v.dep_ == "xcomp" for v in verbs):
            return 4.0
        if len(verbs) == 1 and _when_clause(verbs[0]) and verbs[0].head.i == target.i:
            return 2.0  # "When the movement took Kabul in 1996, Moscow backed …": the same time
        return None
    if link in _SUBJECT_DEPS:
        return None
    if link in _OBJECT_DEPS:
        return 0.5 + extra
    return extra


def _when_clause(v: Token) -> bool:
    """A fronted temporal clause ("When the movement swept into Kabul in 1996, …")."""
    return (v.dep_ == "advcl" and v.i < v.head.i
            and any(c.dep_ in ("advmod", "mark") and c.lower_ == "when" and c.i < v.i for c in v.children))


def _score(h: Token, trig: Token, short: bool = False) -> float | None:
    """Lower is better; ``None``: the expression does not date this event. See :func:`date_for`."""
    trig_is_verb = trig.pos_ in ("VERB", "AUX") and _is_verb(trig)
    ancestors = {a.i for a in h.ancestors}
    if trig.i in ancestors:
        return _attach_score(h, trig, trig_is_verb, short)
    penalty = 0.0
    level = trig
    if not trig_is_verb:  # a noun trigger takes the dates of its clause's verb
        level = _clause_head(trig)
        if level.i == trig.i:
            return None
        penalty = 1.0
    while True:
        if level.i != trig.i and level.i in ancestors:
            s = _attach_score(h, level, True)
            return None if s is None else penalty + s
        if level.head.i == level.i or level.dep_ in _CLAUSE_DEPS:
            return None  # the root, or a relative clause: main-clause dates are about something else
        parent = _clause_head(level.head)
        if level.dep_ == "conj":
            # coordinated clauses share a date only when it stands before the first conjunct
            # ("In 2003, Russia designated X and banned Y") or after the trigger's conjunct
            if not (h.i < parent.i or h.i > max(t.i for t in level.subtree)):
                if not _same_time_conjuncts(level, parent, h):
                    return None
                penalty += 1.0  # "held talks in January and agreed to …": one subject, one time
            penalty += 1.0
        elif level.dep_ == "xcomp":
            penalty += 1.0
        else:  # ccomp, advcl, parataxis …: the reporting or framing clause
            penalty += 3.0
        level = parent


def date_for(sent: Span, trigger_i: int, published: dt.date | None, _depth: int = 0) -> TimeExpr | None:
    """The expression that dates the event triggered by token ``trigger_i`` of ``sent``.

    Offsets of the returned expression index ``sent.doc.text``. Heuristics, in order:

    1. An expression attached to the trigger through the dependency tree ("suspended … on April
       17"; for a noun trigger also through its relative clauses: "the designation, in force
       since 2003"). Expressions inside the trigger's subject or inside a relative clause of one of
       its arguments date that argument, not the event, and are skipped.
    2. For a noun trigger, an expression attached to the verb of its clause ("announced the
       suspension on Thursday").
    3. Expressions of the clauses the trigger is embedded in: an ``xcomp`` governor ("decided on
       Thursday to suspend"), a coordinated first clause when the date is fronted ("In 2003,
       Russia designated X and banned Y"), and last the reporting clause ("said on Thursday that
       it had suspended …"). A relative clause does not inherit the dates of the main clause.
    4. Ties go to the expression nearest the trigger.

    Never chosen: an expression whose own phrase contains the trigger ("two weeks after the court
    suspended the ban" does not date "suspended" — the suspension is what it counts from), and
    the date inside an anchor's phrase ("a week after the 2021 takeover" dates "sent" through the
    anchor, not as plain 2021).

    An ``anchor`` ("two years later") is resolved from the nearest other dated expression of the
    sentence (a following one for "after/before X", a preceding one for "later/earlier"); when
    there is none its ``date`` stays ``None``. Returns ``None`` when nothing dates the event: the
    caller then uses the publication date.
    """
    exprs = _find(span_text(sent), published)
    if not exprs:
        return (_line_prefix_date(sent, published) or _host_date(sent, trigger_i, exprs, published, _depth)
                or _since_clause(sent, trigger_i)
                or _from_paragraph(sent, trigger_i, published, _depth))
    doc = sent.doc
    trig = doc[trigger_i]
    base = sent.start_char
    heads: list[Token | None] = []
    anchor_clauses: dict[int, int] = {}  # clause head → the anchor ("a week after") it hangs from
    for k, e in enumerate(exprs):
        a, b = base + e.start, base + e.end
        toks = [t for t in span_tokens(sent) if t.idx < b and t.idx + len(t) > a]
        h = _span_head(toks) if toks else None
        if h is not None and e.kind == "anchor" and toks[-1].dep_ == "mark":
            # "two weeks after [the court suspended the ban]": the anchor phrase is that clause
            h = toks[-1].head
            anchor_clauses.setdefault(h.i, k)
        # the trigger inside the expression's own phrase ("two weeks after the court suspended
        # the ban": "suspended" is what the anchor counts from, not what it dates)
        if h is not None and h.left_edge.i <= trig.i <= h.right_edge.i:
            h = None
        heads.append(h)
    # the X of "a week after X" is dated through the anchor, not on its own
    inside_anchor = {
        k for k, h in enumerate(heads) if h is not None and any(
            x.kind == "anchor" and hh is not None and j != k and hh.left_edge.i <= h.i <= hh.right_edge.i
            for j, (x, hh) in enumerate(zip(exprs, heads)))
    }
    best: tuple[float, int, int] | None = None
    for k, h in enumerate(heads):
        if h is None or k in inside_anchor:
            continue
        s = _score(h, trig, _is_short(exprs[k]))
        if s is None:
            continue
        key = (s, abs(h.i - trig.i), k)
        if best is None or key < best:
            best = key
    lead = _line_lead(span_text(sent), exprs)
    if lead is not None and (best is None or best[0] > 0 or best[2] == lead):
        e = exprs[lead]
        return e.model_copy(update={"start": base + e.start, "end": base + e.end})
    if best is None or best[0] > 0:
        prefix = _line_prefix_date(sent, published)
        if prefix is not None:
            return prefix
    if best is None or best[0] > 0:
        inner = _anchor_clause_date(sent, trig, exprs, anchor_clauses, published, _depth)
        if inner is not None:
            return inner
    if best is None:
        fronted = _fronted(sent, trig, exprs)
        if fronted is not None:
            return fronted
        return (_host_date(sent, trigger_i, exprs, published, _depth) or _since_clause(sent, trigger_i)
                or _from_paragraph(sent, trigger_i, published, _depth))
    k = best[2]
    e = exprs[k]
    h = heads[k]
    direct = h is not None and (h.head.i == trig.i or (h.head.dep_ == "prep" and h.head.head.i == trig.i))
    if not (best[0] == 0 and direct) and _present_news(trig) and _long_past(e, published):
        return None  # "Ukraine launches its largest attack since … 2022": today's news, background date
    if e.kind == "anchor" and e.date is None:
        e = _anchor_from(exprs, k)
        if e.date is None:
            e = _anchor_from_before(sent, e, published, _depth)
        if e.date is None and _depth <= 1:
            # "Relations collapsed in November 2011. Days after London imposed sanctions, protesters
            # stormed …": counted from an undated event, the event lies in the paragraph's setting
            setting = _from_paragraph(sent, trigger_i, published, 0)
            if setting is not None:
                return setting
    return e.model_copy(update={"start": base + e.start, "end": base + e.end})


_FRONTED = re.compile(r"\s*(?:(?:in|on|by|during)\s+)?$", re.I)


def _same_time_conjuncts(level: Token, parent: Token, h: Token) -> bool:
    """"Diplomats held talks in Shanghai in January and agreed to …": a second verb phrase that
    shares the first one's subject (it has none of its own), both in the simple past, with no
    sequence adverb ("later", "then", "since") of its own, happened at the time written inside the
    first one. The date must lie between the first verb and the trigger's conjunct."""
    if not (parent.i < h.i < level.i) or parent.i >= level.i:
        return False
    words = frozenset(load_config().sequence_adverbs)
    for v in (level, parent):
        if v.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in v.children):
            return False
    if any(c.dep_ in _SUBJECT_DEPS for c in level.children):
        return False
    return not any(c.dep_ in ("advmod", "npadvmod", "prep") and c.lower_ in words for c in level.children)


def _fronted(sent: Span, trig: Token, exprs: tuple[TimeExpr, ...]) -> TimeExpr | None:
    """"In September 2019, drones hit two oil plants; the Houthis claimed the strike, but Riyadh
    blamed Iran": a calendar date that opens the sentence, set off by a comma, is the setting of
    every simple-past clause of the sentence that has no date of its own (the parser often hangs
    the phrase on the first clause only)."""
    e = exprs[0]
    if e.kind not in ("point", "span") or e.date is None or e.future or not _FRONTED.match(sent.text[:e.start]):
        return None
    if not sent.text[e.end:].lstrip().startswith(",") or not _past_told(trig):
        return None
    base = sent.start_char
    return e.model_copy(update={"start": base + e.start, "end": base + e.end})


def _since_clause(sent: Span, trigger_i: int) -> TimeExpr | None:
    """"has struck hundreds of sites since Assad fell": counted from an event the text does not
    date — an ongoing span whose start is unknown (``date`` ``None``, ``ongoing``)."""
    trig = sent.doc[trigger_i]
    verb = trig if trig.pos_ in ("VERB", "AUX") else _clause_head(trig)
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > verb.i and any(
                m.dep_ == "mark" and m.lower_ == "since" and m.i < c.i for m in c.children):
            a, b = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
            return TimeExpr(start=a, end=b, text=doc_text(sent.doc)[a:b], kind="since", ongoing=True)
    return None


def _host_date(sent: Span, trigger_i: int, exprs: tuple[TimeExpr, ...], published: dt.date | None,
               depth: int) -> TimeExpr | None:
    """The date of the clause a subordinate clause hangs on, when the words say it is the same time:

    - a clause on a date ("in January 2000, when the Taliban recognised …") takes that date;
    - a relative clause with "then" ("the separatist government, which Russian troops were then
      fighting") takes the date of the nearest enclosing date or dated clause.
    """
    if depth > 2:
        return None
    trig = sent.doc[trigger_i]
    verb = trig if trig.pos_ in ("VERB", "AUX") else _clause_head(trig)
    if verb.dep_ not in _CLAUSE_DEPS | {"advcl"}:
        return None
    base = sent.start_char

    def expr_at(t: Token) -> TimeExpr | None:
        for e in exprs:
            if base + e.start <= t.idx < base + e.end and e.date is not None and e.kind != "anchor":
                return e.model_copy(update={"start": base + e.start, "end": base + e.end})
        return None

    if verb.dep_ in ("relcl", "advcl") and (on := expr_at(verb.head)) is not None:
        return on
    if not any(c.dep_ == "advmod" and c.lower_ == "then" for c in verb.children):
        return None
    for a in verb.ancestors:
        if (on := expr_at(a)) is not None:
            return on
        if a.pos_ in ("VERB", "AUX") and _is_verb(a):
            te = date_for(sent, a.i, published, _depth=depth + 1)
            if te is not None and te.date is not None:
                return te
    return None


_LINE_LEAD = re.compile(r"\s*(?:[-:\u2013\u2014]\s|:)")


def _line_lead(text: str, exprs: tuple[TimeExpr, ...]) -> int | None:
    """"1982 - The United States designates Cuba …", "2015: Obama removes …": a calendar date that
    opens a line (a timeline entry) and is set off by a dash or colon dates everything on it.
    Returns the index of that expression, or ``None``."""
    if not exprs:
        return None
    e = exprs[0]
    if e.kind not in ("point", "span") or e.date is None or text[:e.start].strip():
        return None
    return 0 if _LINE_LEAD.match(text, e.end) else None


def _line_prefix_date(sent: Span, published: dt.date | None) -> TimeExpr | None:
    """The timeline date of a line the parser split after its date ("1982 - | The United States
    first designates …"): the line up to the sentence is only a date and a dash or colon."""
    text = doc_text(sent.doc)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    prefix = text[line_start:sent.start_char]
    if not prefix.strip():
        return None
    exprs = _find(prefix, published)
    if _line_lead(prefix, exprs) != 0:
        return None
    e = exprs[0]
    m = _LINE_LEAD.match(prefix, e.end)
    if m is None or prefix[m.end():].strip():
        return None
    return e.model_copy(update={"start": line_start + e.start, "end": line_start + e.end})


_PARAGRAPH_BACK = 2
_PEG_DAYS = 7  # a news peg ("on Monday") lies at most a week before publication
_LEDE_SENTENCES = 3  # where the article's news peg is looked for


def _past_told(trig: Token) -> bool:
    """Is the event told in the simple past, itself ("expelled") or reported by a simple-past verb
    ("said it was withdrawing", "said Washington would work")? Perfect and future forms are not."""
    verb = trig if trig.pos_ in ("VERB", "AUX") else _clause_head(trig)

    def simple_past(v: Token) -> bool:
        return v.tag_ == "VBD" and not any(
            c.dep_ in ("aux", "auxpass") and (c.lower_ in _S["perfect_auxes"] or c.lower_ in _S["will_auxes"])
            for c in v.children)

    if simple_past(verb):
        return True
    if verb.dep_ not in ("ccomp", "xcomp", "pcomp", "conj") or any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in _S["perfect_auxes"] for c in verb.children):
        return False
    return simple_past(_clause_head(verb.head))


def _peg_day(te: TimeExpr, published: dt.date) -> bool:
    """A news day: an explicit day (not future) at most a week before publication."""
    if te.date is None or te.date.precision != "day" or te.future or te.kind not in ("point", "relative", "anchor"):
        return False
    return 0 <= (published - te.date.first_day()).days <= _PEG_DAYS


def _lede_peg(sent: Span, trig: Token, published: dt.date) -> TimeExpr | None:
    """The article's news peg: the first news day ("on Monday", "yesterday") written in its first
    sentences before the event's trigger."""
    doc = sent.doc
    fallback: TimeExpr | None = None  # the wire dateline's day ("KINGSTOWN, Dec 15 (Wire) -")
    for s in sentences(doc).spans[:_LEDE_SENTENCES]:
        if s.start > sent.start:
            return fallback
        dateline = _is_dateline(s)
        for e in _find(span_text(s), published):
            if s.start_char + e.end > trig.idx:
                return fallback
            if _is_short(e) and _peg_day(e, published):
                found = e.model_copy(update={"start": s.start_char + e.start, "end": s.start_char + e.end})
                if not dateline:
                    return found
                fallback = fallback or found
    return fallback


_DATELINE_SENT = re.compile(
    r"^\s*[A-Z][A-Z'.\- ]*[A-Z]{2}[A-Z'.\- /]*(?:,[^,.\n]{1,40})*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"\s*(?:\([^)\n]{1,60}\))?\s*\.?\s*$")


def _is_dateline(s: Span) -> bool:
    """A wire dateline the cleaner made a sentence ("KINGSTOWN, Saint Vincent, Dec 15 (Wire)."): its
    day is when the story was filed, and a weekday in the lede ("agreed on Thursday") dates the news
    more exactly."""
    return bool(_DATELINE_SENT.match(span_text(s)))


def _from_paragraph(sent: Span, trigger_i: int, published: dt.date | None, depth: int) -> TimeExpr | None:
    """The setting of an undated simple-past event, from the sentences before it.

    - "In 2019, tankers were attacked in the Gulf. Washington blamed Iran.": in a paragraph whose
      earlier sentence (up to two back, no blank line between) is set in a year or month that
      ended before publication, the event takes that year or month — at that
      precision, never finer.
    - "On Monday, Canada expelled six diplomats. India answered by expelling six.": the news peg —
      the nearest earlier sentence of the paragraph is dated to a day at most a week before
      publication — dates the event to that day; a day long past ("On September 18, 2023, …")
      lends only its month.
    - no earlier sentence of the paragraph is dated: the article's news peg (a weekday or
      "yesterday" in its first sentences), if it has one.

    Otherwise ``None`` (the caller uses the publication date)."""
    if depth > 0 or published is None:
        return None
    doc = sent.doc
    trig = doc[trigger_i]
    if not _past_told(trig):
        return None
    first = next((t for t in sent if not t.is_space), sent[0])
    for n, s in enumerate(sentences(doc).before(sent.start)):
        last = next((t for t in reversed(s) if not t.is_space), s[-1])
        if "\n\n" in doc_text(doc)[last.idx + len(last):first.idx]:
            break  # another paragraph
        first = next((t for t in s if not t.is_space), s[0])
        if _is_dateline(s):
            continue  # the filing day: the lede's own news day comes first (_lede_peg)
        te = _through_setting(date_for(s, s.root.i, published, _depth=depth + 1))
        if te is None or te.date is None or te.kind not in ("point", "span", "relative", "anchor") or te.future:
            continue
        if te.date.precision == "day":
            if _peg_day(te, published):
                return te.model_copy(update={"date_end": None})
            if _long_past(te, published) and te.kind == "point":
                return te.model_copy(update={"date": _truncate(te.date.first_day(), "month"), "date_end": None})
            return None
        if n >= _PARAGRAPH_BACK or te.kind not in ("point", "span") or (te.date_end or te.date).last_day() >= published:
            return None  # the nearest setting is recent: no inheritance
        return te.model_copy(update={"date_end": None})
    return _lede_peg(sent, trig, published)


def _through_setting(te: TimeExpr | None) -> TimeExpr | None:
    """"The attacks continued through 2024. The Houthis sank two ships …": a year or month the
    earlier sentence runs through (inclusive) sets the scene like "in 2024" — at that precision.
    "until"/"by" do not: they name an end, not a period lived through."""
    if te is None or te.kind != "until" or te.date is None or te.date.precision not in ("year", "month"):
        return te
    if not te.text.lower().startswith(("through ", "throughout ")):
        return te
    return te.model_copy(update={"kind": "point"})


_PRESENT_TAGS = ("VBZ", "VBP")


def _present_news(trig: Token) -> bool:
    """Is the event told in the simple present ("imposes", "launch"), as one-line summaries and
    headlines tell the day's news? Perfect and progressive forms do not count."""
    verb = trig if trig.pos_ in ("VERB", "AUX") else _clause_head(trig)
    if verb.tag_ not in _PRESENT_TAGS:
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _news_verb(verb: Token) -> bool:
    """A clause told as the day's news: simple past ("ordered"), simple present ("imposes"), or
    present progressive/perfect ("are talking", "has said") — not future, conditional or past
    perfect, whose time is not the news day."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in _S["unreal_auxes"] for a in auxes):
        return False
    if verb.tag_ == "VBD" or _present_news(verb):
        return True
    return verb.tag_ in ("VBG", "VBN") and any(a in _S["present_auxes"]
                                               for a in auxes)


def _long_past(e: TimeExpr, published: dt.date | None) -> bool:
    """A calendar date that ended more than a month before publication (not an anchor, not future)."""
    if published is None or e.date is None or e.kind in ("anchor", "relative", "by") or e.future:
        return False
    last = (e.date_end or e.date).last_day()
    return (published - last).days > 31


def _is_short(e: TimeExpr) -> bool:
    """A news-day expression ("on Sunday", "yesterday"): day precision, no year written."""
    return (e.kind in ("point", "relative") and e.date is not None and e.date.precision == "day"
            and not re.search(r"\d{4}", e.text))


def _anchor_clause_date(sent: Span, trig: Token, exprs: tuple[TimeExpr, ...],
                        anchor_clauses: dict[int, int], published: dt.date | None, depth: int) -> TimeExpr | None:
    """"received the envoy on April 24, a week after the court suspended the ban": the event of
    the anchored clause ("suspended") lies the offset BEFORE (for "after") or AFTER (for "before")
    the date of the clause the anchor hangs on ("received", else the publication date)."""
    if depth > 2:
        return None
    clause = trig if trig.pos_ in ("VERB", "AUX") else _clause_head(trig)
    k = anchor_clauses.get(clause.i)
    if k is None:
        return None
    e = exprs[k]
    words = e.text.lower().split()
    if not words or words[-1] not in ("after", "before") or e.offset_unit is None:
        return None
    governor = clause.head
    if governor.i == clause.i:
        return None
    ref_te = _referent_date(sent, governor, published, depth) or date_for(sent, governor.i, published,
                                                                          _depth=depth + 1)
    if ref_te is not None and ref_te.date is not None:
        ref = ref_te.date
    elif published is not None and _news_verb(governor):
        ref = DateValue.from_date(published)  # "X did Y (today), a day after Z": Z the day before
    else:
        return None
    # offset_count is signed: +n for "n days after" (the clause is n days before), -n for "before"
    date = shift(ref, -(e.offset_count or 0), e.offset_unit, e.offset_vague)
    if date is None:
        return None
    base = sent.start_char
    return e.model_copy(update={"date": date, "start": base + e.start, "end": base + e.end,
                                "future": bool(published and date.first_day() > published)})


_BACK_SENTENCES = 3
_LIGHT_VERBS = frozenset(_DW["light_verbs"])
_REFERENT_BACK = 8


def _referent_date(sent: Span, governor: Token, published: dt.date | None, depth: int) -> TimeExpr | None:
    """"The air strikes on December 24 hit villages. … The strikes came three days after …": a light
    verb ("came", "happened") whose subject is a definite noun names an event told earlier; the
    nearest earlier mention of that noun (up to eight sentences back) with a date written in its
    own sentence gives the reference date."""
    if governor.lemma_ not in _LIGHT_VERBS:
        return None
    subj = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    if subj is None or not any(c.dep_ == "det" and c.lower_ in _S["specific_determiners"]
                               for c in subj.children):
        return None
    doc = sent.doc
    for s in islice(sentences(doc).before(sent.start), _REFERENT_BACK):
        for t in reversed(list(s)):
            if t.lemma_ != subj.lemma_ or t.pos_ != "NOUN":
                continue
            te = date_for(s, t.i, published, _depth=depth + 1)
            if (te is not None and te.date is not None and te.kind == "point"
                    and s.start_char <= te.start < s.end_char):
                return te
    return None


def _anchor_from_before(sent: Span, e: TimeExpr, published: dt.date | None, depth: int) -> TimeExpr:
    """"… on Saturday. The following day, …": an anchor that counts from an earlier time takes the
    date of the main event of the nearest earlier sentence that has one (up to three back); when
    none has, and the sentence before tells the day's news, the publication date."""
    if e.offset_unit is None or depth > 2 or e.text.lower().endswith(("after", "before", "to")):
        return e
    doc = sent.doc
    prev = list(islice(sentences(doc).before(sent.start), _BACK_SENTENCES))  # nearest first
    for s in prev:
        te = date_for(s, s.root.i, published, _depth=depth + 1)
        ref = te.date if te is not None and te.date is not None and te.kind != "since" else None
        # only the date of the sentence's own event counts: in "Ottawa ordered … over the murder
        # of X in June 2023. Hours later, India …" June 2023 is the murder's, not the order's
        if ref is not None:
            date = shift(ref, e.offset_count or 0, e.offset_unit, e.offset_vague)
            if date is not None:
                return e.model_copy(update={"date": date})
    if prev and published is not None and _news_verb(prev[0].root):
        # no earlier sentence is dated: the story is the day's news
        date = shift(DateValue.from_date(published), e.offset_count or 0, e.offset_unit, e.offset_vague)
        if date is not None:
            return e.model_copy(update={"date": date})
    return e


def _anchor_from(exprs: tuple[TimeExpr, ...], k: int) -> TimeExpr:
    e = exprs[k]
    dated = [(j, x) for j, x in enumerate(exprs) if j != k and x.date is not None and x.kind != "anchor"]
    if not dated or e.offset_unit is None:
        return e
    before = [(j, x) for j, x in dated if j < k]
    after = [(j, x) for j, x in dated if j > k]
    looks_ahead = e.text.lower().endswith(("after", "before", "to"))  # "a week after X"
    order = (after + before[::-1]) if looks_ahead else (before[::-1] + after)
    _, ref = order[0]
    date = shift(ref.date, e.offset_count or 0, e.offset_unit, e.offset_vague)  # type: ignore[arg-type]
    return e.model_copy(update={"date": date})
