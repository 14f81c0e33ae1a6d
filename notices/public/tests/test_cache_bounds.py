"""The page cache cannot be filled from outside: a number has one spelling, and the request's
Host (any allowed name, any port) neither makes another copy nor appears in a cached page."""

import os
import random
import uuid

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.test import override_settings
from django.urls import reverse

from notices.public.tests.test_page_cache import notice_url, redis_is_up

ODD_HOSTS = ["127.0.0.1:1", "127.0.0.1:54321", "localhost:8443", "LOCALHOST", "localhost."]


@pytest.fixture
def published(make_notice, published_block, publish):
    notice = make_notice()
    publish(notice, "First")
    return notice


@pytest.fixture
def redis_cache():
    if not redis_is_up():
        if os.environ.get("CI"):
            pytest.fail("Redis must be running at 127.0.0.1:6379 in CI")
        pytest.skip("Redis is not running at 127.0.0.1:6379")
    prefix = f"test-{uuid.uuid4().hex}"
    backend = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/15",
        "KEY_PREFIX": prefix,
    }
    with override_settings(CACHES={"default": backend}):
        yield caches["default"]
        client = caches["default"]._cache.get_client(write=True)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


def page_keys(backend) -> set[str]:
    """The keys the backend holds now: its own dict for the memory cache, a scan for Redis."""
    if hasattr(backend, "_cache") and isinstance(backend._cache, dict):
        return set(backend._cache)
    client = backend._cache.get_client()
    return {key.decode() for key in client.scan_iter(f"{backend.key_prefix}:*")}


def every_public_page(notice) -> list[str]:
    slug = notice.council.slug
    return [
        reverse("councils:index"),
        reverse("councils:detail", args=[slug]),
        notice_url(notice),
        notice_url(notice, "history"),
        notice_url(notice, "version", number=1),
        notice_url(notice, "version-jsonld", number=1),
        reverse("notices:detail-jsonld", kwargs={"council_slug": slug, "kind": notice.kind}),
        reverse("notices:council-feed", args=[slug]),
        reverse("notices:all-feed"),
        reverse("notices:bulk-json"),
        reverse("sitemap"),
        reverse("robots"),
    ]


def test_the_host_port_never_makes_another_copy(client, published):
    url = notice_url(published)
    client.get(url)
    stored = page_keys(cache)
    for host in ODD_HOSTS:
        assert client.get(url, HTTP_HOST=host).status_code == 200
    assert page_keys(cache) == stored


@pytest.mark.parametrize("host", ODD_HOSTS)
def test_no_page_links_to_the_host_it_was_asked_for_by(client, published, host):
    """Served first to an odd Host, so that it is what the cache keeps for everybody."""
    for url in every_public_page(published):
        response = client.get(url, HTTP_HOST=host)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert host not in body, (url, host)
        if "://" in body and url != reverse("councils:index"):
            assert settings.SITE_URL in body, url


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "a" * 4000, ""])
def test_a_host_outside_allowed_hosts_is_refused_even_for_a_cached_page(client, published, host):
    url = notice_url(published)
    assert client.get(url).status_code == 200
    assert client.get(url, HTTP_HOST=host).status_code == 400


def test_the_canonical_link_is_on_the_site_address(client, published):
    body = client.get(notice_url(published), HTTP_HOST="127.0.0.1:54321").content.decode()
    assert f'<link rel="canonical" href="{settings.SITE_URL}{notice_url(published)}">' in body


def padded(number: int, rng: random.Random) -> str:
    return "0" * rng.randint(1, 6) + str(number)


def hostile_requests(notice, count: int, seed: int = 15) -> list[tuple[str, str]]:
    """`count` requests as someone filling the cache would send them: real pages under random
    Host ports, and padded or huge numbers in every numbered path."""
    rng = random.Random(seed)  # noqa: S311 (a repeatable mix, not a secret)
    base = notice_url(notice)
    real_pages = every_public_page(notice)
    shapes = [
        lambda: f"{base}versions/{padded(1, rng)}/",
        lambda: f"{base}versions/{padded(1, rng)}.jsonld",
        lambda: f"{base}compare/{padded(1, rng)}...1/",
        lambda: f"{base}versions/{rng.randint(10**12, 10**30)}/",
        lambda: rng.choice(real_pages),
    ]
    hosts = ["127.0.0.1", "localhost"]
    return [
        (rng.choice(shapes)(), f"{rng.choice(hosts)}:{rng.randint(1, 65535)}") for _ in range(count)
    ]


def fill_attempt(client, notice, backend) -> tuple[int, int]:
    for url in every_public_page(notice):
        client.get(url)
    before = len(page_keys(backend))
    statuses = set()
    for url, host in hostile_requests(notice, 10_000):
        statuses.add(client.get(url, HTTP_HOST=host).status_code)
    assert statuses <= {200, 404}
    return before, len(page_keys(backend))


def test_ten_thousand_padded_numbers_and_host_ports_add_no_page(client, published):
    before, after = fill_attempt(client, published, cache)
    assert before <= len(every_public_page(published))
    assert after - before <= 3, (before, after)


def test_ten_thousand_padded_numbers_and_host_ports_add_no_page_to_redis(
    client, published, redis_cache
):
    before, after = fill_attempt(client, published, redis_cache)
    assert before >= 1, "the real pages should be in Redis"
    assert after - before <= 3, (before, after)
