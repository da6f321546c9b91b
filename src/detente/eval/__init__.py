"""Evaluation against gold: readers (detente YAML, PETRARCH-style CAMEO XML), matching, scoring.

``detente.eval.runner.evaluate(gold_paths, actor_files) -> dict`` is the whole thing; the
``detente eval`` command prints it as tables. Rules: ``docs/evaluation.md``.
"""
