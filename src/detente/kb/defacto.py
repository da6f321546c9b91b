"""States beyond ISO 3166 that the KB names by its own ids: rigour territory code → (KB id, the
state whose territory it is). Used by ``scripts/build_states.py`` and the Wikidata importer."""

DEFACTO: dict[str, tuple[str, str]] = {
    "ge-ab": ("ABKHAZIA_AUTH", "GEO"),
    "x-so": ("SOUTH_OSSETIA_AUTH", "GEO"),
    "md-pmr": ("TRANSNISTRIA_AUTH", "MDA"),
    "az-nk": ("ARTSAKH", "AZE"),
    "ua-dpr": ("DPR", "UKR"),
    "ua-lpr": ("LPR", "UKR"),
    "cy-trnc": ("TRNC", "CYP"),
    "so-som": ("SOMALILAND", "SOM"),
}
