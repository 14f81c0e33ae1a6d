"""In Chromium: a council's page on another origin shows the council's notice in a frame, sized to
the notice by the embed scripts, and the embed page passes an axe-core scan inside it; a page on an
origin the council has not listed is refused the frame by the browser."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from councils.models import Council

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KIND = "childrens-social-care"


def council_page(notice_site: str, slug: str) -> bytes:
    """A council's own page with the snippet from the developer page."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Our privacy notice</title></head>
<body><h1>A council's own website</h1>
<iframe src="{notice_site}/councils/{slug}/{KIND}/embed/" title="Privacy notice"
  width="100%" height="150" id="notice"></iframe>
<script src="{notice_site}/static/js/embed-host.js" async></script>
</body></html>""".encode()


class CouncilSite:
    """A web server on a loopback address of its own, serving one page."""

    def __init__(self, host: str, body: bytes) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.origin = f"http://{host}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def council_sites(demo_data, live_server) -> Iterator[tuple[Council, CouncilSite, CouncilSite]]:
    council = Council.objects.get(slug="harrowmere")
    listed = CouncilSite("127.0.0.2", council_page(live_server.url, council.slug))
    unlisted = CouncilSite("127.0.0.3", council_page(live_server.url, council.slug))
    council.embed_origins = listed.origin
    council.full_clean()
    council.save()
    yield council, listed, unlisted
    listed.close()
    unlisted.close()


def test_a_listed_site_shows_the_notice_sized_to_it(page: Page, council_sites):
    council, listed, _ = council_sites
    page.goto(f"{listed.origin}/")
    notice = page.frame_locator("#notice")
    expect(notice.locator("h1")).to_be_visible()
    expect(notice.locator(".app-notice-meta")).to_contain_text("Version")
    # embed-host.js sets the frame's height from the notice's own report.
    frame = page.locator("#notice")
    page.wait_for_function("document.getElementById('notice').style.height !== ''")
    content_height = notice.locator("html").evaluate("element => element.scrollHeight")
    frame_height = frame.evaluate("element => element.getBoundingClientRect().height")
    assert frame_height > 1000
    assert abs(frame_height - content_height) <= 2
    embedded = next(f for f in page.frames if f.url.endswith("/embed/"))
    assert Axe().run(embedded).violations_count == 0


def test_an_unlisted_site_is_refused_the_frame(page: Page, council_sites):
    _, _, unlisted = council_sites
    refusals = []
    page.on("console", lambda message: refusals.append(message.text))
    page.goto(f"{unlisted.origin}/")
    page.wait_for_timeout(1000)
    # Chromium puts its own error page in the frame instead of the notice.
    [frame] = [f for f in page.frames if f != page.main_frame]
    assert not frame.url.endswith("/embed/"), frame.url
    assert page.frame_locator("#notice").locator(".app-notice").count() == 0
    assert any("frame-ancestors" in text for text in refusals), refusals
