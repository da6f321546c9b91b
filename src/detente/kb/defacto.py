"""States beyond ISO 3166 that the KB names by its own ids: rigour territory code → (KB id, the
state whose territory it is, its own official names). Used by ``scripts/build_states.py`` (which
adds the claimants from rigour) and the Wikidata importer. Bare region names ("Abkhazia",
"Donetsk") stay places (``regions.yml``); only these official names name the authority."""

DEFACTO: dict[str, tuple[str, str, list[str]]] = {
    "ge-ab": ("ABKHAZIA_AUTH", "GEO", ["Republic of Abkhazia"]),
    "x-so": ("SOUTH_OSSETIA_AUTH", "GEO", ["Republic of South Ossetia", "Republic of South Ossetia – the State of Alania"]),
    "md-pmr": ("TRANSNISTRIA_AUTH", "MDA", ["Pridnestrovian Moldavian Republic"]),
    "az-nk": ("ARTSAKH", "AZE", ["Republic of Artsakh", "Nagorno-Karabakh Republic"]),
    "ua-dpr": ("DPR", "UKR", ["Donetsk People's Republic"]),
    "ua-lpr": ("LPR", "UKR", ["Luhansk People's Republic", "Lugansk People's Republic"]),
    "cy-trnc": ("TRNC", "CYP", ["Turkish Republic of Northern Cyprus", "TRNC"]),
    "so-som": ("SOMALILAND", "SOM", ["Republic of Somaliland"]),
}
