"""The web app and REST API (``detente serve``): ``create_app(db_url, token=None)``."""

from __future__ import annotations


def create_app(db_url: str, token: str | None = None):
    from detente.web.app import create_app as _create

    return _create(db_url, token)
