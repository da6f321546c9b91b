"""The base of the project's closed records: data-file rows, pattern specs, request bodies."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """A pydantic model that rejects keys it does not declare, so that a misspelt field in a data
    file or a request is an error naming it rather than a value silently dropped."""

    model_config = ConfigDict(extra="forbid")
