"""The big actor knowledge base: importers for public actor data, one folder per source
(``sources/<name>/metadata.yml`` + ``importer.py``), merged by ``build`` into one compiled SQLite
index (``detente/data/actors/kb.sqlite``) that the resolver reads at run time (``index``).

Build with ``detente kb build`` (or ``make kb``) from ``../shared/data/actors``; the installed
product only reads the compiled file.
"""
