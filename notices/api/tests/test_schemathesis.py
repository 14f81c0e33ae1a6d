"""schemathesis generates requests from the API's own OpenAPI schema, valid and not, and checks
every answer: no server errors, each status and body as the schema documents them, malformed
input refused with a 4xx."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """The WSGI app closes stale connections as each request starts and ends, and inside a
    test's transaction on PostgreSQL that means the test's own connection; Django's test client
    disconnects the same handler while it runs a request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def some_history(make_notice, published_block, publish):
    # The generated slugs and numbers almost never exist, so the generator is also given these.
    notice = make_notice(council=None)
    publish(notice)
    notice.sections.filter(anchor="your-rights").update(body="You can ask us to correct it.")
    publish(notice, "Rights reworded", major=False)
    return notice


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_meets_its_schema(case, some_history):
    case.call_and_validate()
