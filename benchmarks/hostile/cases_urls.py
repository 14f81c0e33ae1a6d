"""Hostile URLs and Host headers (issue 15, finding 2): padded and huge numbers, odd Host headers
and attempts to fill the page cache. Each case sends a few hundred requests through Django
against the demo site; each must stay within the budget of one request, and the cache must not
grow with them. A case raises (shown as "raised") if an answer or the cache is not as expected.
"""

import random

from benchmarks.hostile import Case
from benchmarks.hostile.site import configure_django, demo_site, signed_in_client

REQUESTS = 300
HOST = "127.0.0.1"


def _site() -> dict:
    """The demo site, a published notice's addresses, and every real public page cached."""
    configure_django()
    demo_site()
    from django.test import Client

    from notices.models import Notice

    notice = Notice.objects.published().select_related("council").order_by("pk").first()
    base = notice.get_absolute_url()
    client = Client(HTTP_HOST=HOST)
    real = [base, f"{base}history/", f"{base}versions/1/", f"{base}versions/1.jsonld"]
    for url in real:
        _expect(client.get(url), 200, url)
    return {"client": client, "base": base, "real": real, "notice": notice}


def _expect(response, status: int, url: str) -> None:
    if response.status_code != status:
        raise AssertionError(f"{url} answered {response.status_code}, not {status}")


def _page_keys() -> int:
    from django.core.cache import cache

    return len(cache._cache)


def _padded_versions(site: dict) -> None:
    rng = random.Random(2)  # noqa: S311 (a repeatable mix, not a secret)
    for _ in range(REQUESTS):
        url = f"{site['base']}versions/{'0' * rng.randint(1, 8)}1/"
        _expect(site["client"].get(url), 404, url)


def _huge_numbers(site: dict) -> None:
    rng = random.Random(3)  # noqa: S311
    for _ in range(REQUESTS):
        number = rng.randint(10**9, 10**60)
        for url in (f"{site['base']}versions/{number}/", f"{site['base']}compare/1...{number}/"):
            _expect(site["client"].get(url), 404, url)


def _padded_comparisons(site: dict) -> None:
    # Before the canonical converters each of these rendered (and cached) a whole comparison.
    for padding in range(1, REQUESTS + 1):
        url = f"{site['base']}compare/{'0' * (padding % 7 + 1)}1...{padding % 5 + 2}/"
        _expect(site["client"].get(url), 404, url)


def _host_ports(site: dict) -> None:
    before = _page_keys()
    rng = random.Random(4)  # noqa: S311
    for _ in range(REQUESTS):
        url = rng.choice(site["real"])
        host = f"{rng.choice(['127.0.0.1', 'localhost'])}:{rng.randint(1, 65535)}"
        response = site["client"].get(url, HTTP_HOST=host)
        _expect(response, 200, url)
        if host.encode() in response.content:
            raise AssertionError(f"{url} names the Host it was asked for by ({host})")
    if _page_keys() != before:
        raise AssertionError(f"Host ports added {_page_keys() - before} pages to the cache")


def _odd_hosts(site: dict) -> None:
    refused = ["evil.example", "127.0.0.1.evil.example", "a" * 4000, "127.0.0.1:80:80", ""]
    allowed = ["LOCALHOST", "localhost.", "127.0.0.1:0", "127.0.0.1:99999999", "[::1]:80"]
    for _ in range(REQUESTS // len(refused + allowed)):
        for host in refused:
            _expect(site["client"].get(site["base"], HTTP_HOST=host), 400, repr(host[:40]))
        for host in allowed:
            status = site["client"].get(site["base"], HTTP_HOST=host).status_code
            if status not in (200, 400):
                raise AssertionError(f"Host {host!r} answered {status}")


def _cache_fill(site: dict) -> None:
    """Every trick at once: the cache must end as it started."""
    before = _page_keys()
    rng = random.Random(5)  # noqa: S311
    shapes = [
        lambda: f"{site['base']}versions/{'0' * rng.randint(1, 6)}1/",
        lambda: f"{site['base']}versions/0{rng.randint(1, 9)}.jsonld",
        lambda: f"{site['base']}compare/0{rng.randint(1, 9)}...{rng.randint(1, 9)}/",
        lambda: site["base"] + "versions/\u0661/",
        lambda: rng.choice(site["real"]),
    ]
    for _ in range(REQUESTS):
        url = rng.choice(shapes)()
        site["client"].get(url, HTTP_HOST=f"{HOST}:{rng.randint(1, 65535)}")
    if _page_keys() - before > 0:
        raise AssertionError(f"{_page_keys() - before} pages were added to the cache")


def _admin_site() -> dict:
    site = _site()
    site["admin"] = signed_in_client()
    return site


def _padded_admin_ids(site: dict) -> None:
    from django.urls import reverse

    pk = site["notice"].pk
    change = reverse("admin:notices_notice_change", args=[pk])
    for padding in range(1, REQUESTS // 3 + 1):
        for odd in ("0" * padding + str(pk), "9" * (20 + padding), "\u0661"):
            url = change.replace(f"/{pk}/", f"/{odd}/")
            _expect(site["admin"].get(url, HTTP_HOST=HOST), 404, url[:80])


CASES = [
    Case("300 padded version numbers (versions/0001/)", "15.2", _padded_versions, _site),
    Case("600 huge version and comparison numbers", "15.2", _huge_numbers, _site),
    Case("300 padded comparisons (compare/01...7/)", "15.2", _padded_comparisons, _site),
    Case("300 cached pages under random Host ports", "15.2", _host_ports, _site),
    Case("odd Host headers: unknown, huge, bad port, empty", "15.2", _odd_hosts, _site),
    Case("300 mixed cache-fill requests: no page added", "15.2", _cache_fill, _site),
    Case("300 padded, huge and U+0661 ids in admin URLs", "15.2", _padded_admin_ids, _admin_site),
]
