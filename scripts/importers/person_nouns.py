"""Import WordNet's nouns for people into ``src/detente/data/actors/person_nouns.yml``: noun → PLOVER
sector, the fallback of the agent dictionaries (``agents.yml``) for nouns they lack ("critics",
"miners", "researchers", "his wife").

Usage: python scripts/importers/person_nouns.py [--wordnet /usr/share/wordnet] [--out ...]

Source: Princeton WordNet 3.0 (the WordNet 3.0 licence, a BSD-style permissive licence; Debian
package ``wordnet-base`` installs the database under /usr/share/wordnet). A word is taken when its
first, most frequent noun sense (``index.noun`` lists senses by frequency) lies in the lexicographer
file ``noun.person``: "miner", "wife", "critic" are people first; "fan" (a device first) and "cell"
are not. Its sector is that of the nearest hypernym listed in ``ANCHORS`` ("geologist" → scientist →
EDU), else CVL (a private person, PLOVER's default). Multi-word lemmas and proper names are left out:
the agent dictionaries and the knowledge base cover phrases and names.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

PERSON_LEXFILE = "18"  # noun.person

#: hypernym synsets (lemma, sense number in index.noun) that decide a sector for every person below
#: them; the nearest one wins
ANCHORS: dict[tuple[str, int], str] = {
    ("scientist", 1): "EDU", ("scholar", 1): "EDU", ("educator", 1): "EDU", ("student", 1): "EDU",
    ("research_worker", 1): "EDU",
    ("worker", 1): "LAB", ("skilled_worker", 1): "LAB", ("laborer", 1): "LAB",
    ("lawyer", 1): "JUD", ("judge", 1): "JUD", ("jurist", 1): "JUD",
    ("journalist", 1): "JRN", ("newsman", 1): "JRN", ("broadcaster", 1): "JRN",
    ("wrongdoer", 1): "CRM", ("criminal", 1): "CRM",
    ("religious_person", 1): "REL", ("clergyman", 1): "REL", ("spiritual_leader", 1): "REL",
    ("serviceman", 1): "MIL", ("soldier", 1): "MIL", ("military_officer", 1): "MIL",
    ("policeman", 1): "COP", ("lawman", 1): "COP",
    ("medical_practitioner", 1): "MED", ("health_professional", 1): "MED", ("nurse", 1): "MED",
    ("businessman", 1): "BUS", ("capitalist", 1): "BUS", ("merchant", 1): "BUS", ("executive", 1): "BUS",
    ("politician", 1): "GOV", ("official", 1): "GOV", ("diplomat", 1): "GOV", ("legislator", 1): "LEG",
    ("dissenter", 1): "OPP", ("critic", 1): "OPP", ("protester", 1): "OPP",
    ("refugee", 1): "REF", ("migrant", 1): "REF",
    # peacekeepers serve an intergovernmental mission (the agent dictionaries' "peacekeeping troops")
    ("peacekeeper", 1): "IGO",
}


def _synsets(path: Path) -> dict[str, tuple[str, list[str], list[str]]]:
    """offset → (lexfile, words, hypernym offsets) of every noun synset."""
    out = {}
    with open(path / "data.noun", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith(" "):
                continue  # the licence header
            f = line.split(" | ")[0].split()
            offset, lexfile, n = f[0], f[1], int(f[3], 16)
            words = [f[4 + 2 * i] for i in range(n)]
            k = 4 + 2 * n
            hyps = []
            for i in range(int(f[k])):
                sym, target = f[k + 1 + 4 * i], f[k + 2 + 4 * i]
                if sym in ("@", "@i"):
                    hyps.append(target)
            out[offset] = (lexfile, words, hyps)
    return out


def _senses(path: Path) -> dict[str, list[str]]:
    """lemma → its noun synset offsets, most frequent first."""
    out = {}
    with open(path / "index.noun", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split()
            lemma, count, ptrs = f[0], int(f[2]), int(f[3])
            out[lemma] = f[6 + ptrs:6 + ptrs + count]
    return out


def build(path: Path) -> dict[str, str]:
    synsets, senses = _synsets(path), _senses(path)
    anchors = {senses[w][n - 1]: s for (w, n), s in ANCHORS.items() if w in senses and len(senses[w]) >= n}

    def sector(offset: str) -> str:
        seen, level = set(), [offset]
        while level:
            for o in level:
                if o in anchors:
                    return anchors[o]
            seen.update(level)
            level = [h for o in level for h in synsets[o][2] if h not in seen]
        return "CVL"

    out = {}
    for lemma, offs in senses.items():
        if "_" in lemma or "-" in lemma or not lemma.isalpha() or len(lemma) < 3 or not offs:
            continue
        lexfile, words, _ = synsets[offs[0]]
        if lexfile != PERSON_LEXFILE:
            continue
        if not any(w.lower() == lemma for w in words if w[:1].islower()):
            continue  # a proper name's sense ("Newton") is the knowledge base's business
        out[lemma] = sector(offs[0])
    return dict(sorted(out.items()))


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[2]
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--out", type=Path, default=root / "src/detente/data/actors/person_nouns.yml")
    a = ap.parse_args(argv)
    if not (a.wordnet / "data.noun").exists():
        raise SystemExit(f"{a.wordnet}: no WordNet database (install the Debian package wordnet-base)")
    nouns = build(a.wordnet)
    header = ("# Nouns for people → PLOVER sectors. GENERATED by scripts/importers/person_nouns.py from\n"
              "# Princeton WordNet 3.0 (WordNet 3.0 licence, permissive); do not edit by hand. The fallback\n"
              "# of agents.yml and the hand-written sector nouns, which win.\n")
    body = {"version": 1, "source": {"name": "Princeton WordNet 3.0 (noun.person, first senses)",
                                     "licence": "WordNet 3.0 licence (BSD-style), Princeton University"},
            "count": len(nouns), "nouns": nouns}
    a.out.write_text(header + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    print(f"{a.out}: {len(nouns)} nouns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
