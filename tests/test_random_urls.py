"""Requests for made-up councils, kinds, version numbers, dates and query strings get a clear
answer (200, a redirect, 400 or 404), never a 500, and change nothing stored."""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.database import database_state

ANSWERS = {200, 301, 302, 304, 400, 404, 405}

# Slugs as people mistype them or scripts invent them: letters and digits, and anything else
# a URL can carry once percent-encoded.
slugs = st.one_of(
    st.from_regex(r"[a-z0-9][a-z0-9-]{0,60}", fullmatch=True),
    st.text(min_size=1, max_size=80).map(lambda text: quote(text, safe="")),
)
numbers = st.one_of(
    st.integers(min_value=-5, max_value=30),
    st.integers(min_value=2**31 - 2, max_value=2**64),
    st.sampled_from(["0", "00", "1e3", "-1", "1.5", "%00", "9" * 40]),
).map(str)
free_text = st.text(max_size=300).map(lambda text: quote(text, safe=""))


@st.composite
def public_urls(draw, real_slug: str) -> str:
    slug = draw(st.one_of(st.just(real_slug), slugs))
    kind = draw(st.sampled_from(["childrens-social-care", "adult-social-care", "feed", "x"]))
    shapes = [
        f"/councils/{slug}/",
        f"/councils/{slug}/{kind}/",
        f"/councils/{slug}/{kind}/history/",
        f"/councils/{slug}/{kind}/versions/{draw(numbers)}/",
        f"/councils/{slug}/{kind}/versions/{draw(numbers)}.jsonld",
        f"/councils/{slug}/{kind}.jsonld",
        f"/councils/{slug}/{kind}/compare/{draw(numbers)}...{draw(numbers)}/",
        f"/councils/{slug}/{kind}/compare/?old={draw(numbers)}&new={draw(numbers)}",
        f"/councils/{slug}/{kind}/?at={draw(free_text)}",
        f"/councils/{slug}/feed/",
        f"/?q={draw(free_text)}&kind={draw(free_text)}",
        f"/search/?q={draw(free_text)}",
        f"/compare/{draw(st.sampled_from(['recipients', 'data-categories', 'retention']))}/"
        f"?item={draw(free_text)}",
    ]
    return draw(st.sampled_from(shapes))


@pytest.fixture
def site(demo):
    from councils.models import Council

    return Council.objects.filter(notices__versions__isnull=False).distinct().first()


@settings(
    max_examples=400,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_addresses_never_cause_a_server_error(site, data):
    client = Client(raise_request_exception=False)
    before = database_state()
    url = data.draw(public_urls(site.slug), label="url")
    response = client.get(url)
    assert response.status_code in ANSWERS, f"{url} answered {response.status_code}"
    assert database_state() == before
