"""Property tests of the REST API from its own OpenAPI schema (schemathesis, in-process ASGI).

Every operation gets generated valid and invalid requests; none may answer 5xx.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis not installed (pip install -e '.[dev]')")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

from detente.models import ArticleResult  # noqa: E402
from detente.web import backend  # noqa: E402
from detente.web.app import create_app  # noqa: E402

from .conftest import TOKEN  # noqa: E402

OPERATIONS = [
    ("GET", "/api/actors"), ("GET", "/api/actors/{actor}"), ("GET", "/api/events"),
    ("GET", "/api/status/{a}/{b}"), ("GET", "/api/timeline/{a}/{b}"), ("GET", "/api/brief/{a}/{b}"),
    ("GET", "/api/stance/{a}/{b}"), ("GET", "/api/who"), ("GET", "/api/articles/{article_id}"),
    ("POST", "/api/ingest"), ("GET", "/api/watches"), ("POST", "/api/watches"),
    ("DELETE", "/api/watches/{watch_id}"), ("GET", "/api/alerts"), ("GET", "/api/changes"),
]
EXAMPLES = 20


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    from .conftest import build_store

    url = f"sqlite:///{tmp_path_factory.mktemp('schemathesis') / 'api.db'}"
    build_store(url)
    mp = pytest.MonkeyPatch()
    # extraction has its own tests; here only the HTTP layer is exercised
    mp.setattr(backend, "extract", lambda a: ArticleResult(id=a.id, title=a.title, published=a.published))
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(url, token=TOKEN))
    mp.undo()


def test_the_operation_list_is_complete(api_schema):
    found = sorted((op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations())
    assert found == sorted(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
@pytest.mark.parametrize("method, path", OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_no_server_errors(api_schema, method, path, mode):
    operation = api_schema[path][method]
    headers = {"Authorization": f"Bearer {TOKEN}"} if method == "POST" else None

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        response = case.call(headers=headers)
        assert response.status_code < 500, f"{case.method} {case.formatted_path} → {response.status_code}: {response.text[:300]}"

    check()
