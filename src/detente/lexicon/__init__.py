"""The event lexicon: CAMEO verb patterns and PropBank event nouns as detente patterns.

``detente lexicon build`` (``make lexicon``) runs :func:`detente.lexicon.build.write`, which turns
PETRARCH's ``CAMEO.2.0.txt`` and PropBank's ``propbank-aliases.tsv`` into
``data/patterns/lexicon_verbs.yml`` and ``lexicon_nouns.yml``; ``detente.events.patterns`` loads
them after the hand-written ``events.yml``. Conventions: docs/architecture.md, "Lexicon".
"""
