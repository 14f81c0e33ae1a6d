"""Fetches the demo site from a running production server and fails on anything wrong.

Usage: python .ci/smoke_check.py http://127.0.0.1:8765
The server runs behind a pretend TLS proxy: requests carry X-Forwarded-Proto: https.
"""

import re
import sys
import urllib.error
import urllib.request

PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"not an http(s) URL: {url}")
    sent_headers = headers if headers is not None else PROXY_HEADERS
    request = urllib.request.Request(url, headers=sent_headers)  # noqa: S310 (scheme checked)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode(errors="replace")


def expect(condition: bool, message: str) -> None:
    if not condition:
        sys.exit(f"smoke check failed: {message}")
    print(f"ok  {message}")


def main(base: str) -> None:
    status, headers, index = fetch(f"{base}/")
    expect(status == 200, "the council index answers 200")
    expect("max-age=31536000" in headers.get("Strict-Transport-Security", ""), "HSTS is sent")
    notice_paths = sorted(
        set(re.findall(r'href="(/councils/[a-z0-9-]+/childrens-social-care/)"', index))
    )
    expect(len(notice_paths) >= 5, f"the index links {len(notice_paths)} notices (at least 5)")
    for path in notice_paths:
        status, _, page = fetch(f"{base}{path}")
        expect(status == 200 and "Department for Education" in page, f"{path} shows the notice")
        council_path = path.removesuffix("childrens-social-care/")
        status, _, _ = fetch(f"{base}{council_path}")
        expect(status == 200, f"{council_path} answers 200")
    status, _, page = fetch(f"{base}/councils/no-such-council/childrens-social-care/")
    expect(status == 404 and "Page not found" in page, "an unknown council is a styled 404")
    stylesheet = re.search(r'href="(/static/build/css/site\.[0-9a-f]{12}\.css)"', index)
    expect(stylesheet is not None, "the GOV.UK Frontend stylesheet is built and has a hashed name")
    status, headers, css = fetch(f"{base}{stylesheet.group(1)}")
    expect(
        status == 200 and "immutable" in headers.get("Cache-Control", ""),
        "hashed static files are immutable",
    )
    expect(".govuk-generic-header" in css, "the stylesheet holds GOV.UK Frontend's styles")
    expect("GDS Transport" not in css, "no GOV.UK font is loaded")
    script = re.search(r'src="(/static/js/site\.[0-9a-f]{12}\.js)"', index)
    expect(script is not None, "the site script has a hashed name")
    status, _, _ = fetch(f"{base}/static/build/js/govuk-frontend.min.js")
    expect(status == 200, "the GOV.UK Frontend script it imports is served")
    for path, marker in [
        ("/compare/recipients/", "Who councils share information with"),
        ("/search/?q=foster", "match"),
        ("/accessibility/", "Accessibility statement"),
        ("/sitemap.xml", "<urlset"),
        ("/robots.txt", "Sitemap:"),
        ("/data/notices.json", '"notices"'),
        (notice_paths[0].rstrip("/") + ".jsonld", "https://w3id.org/dpv#"),
    ]:
        status, _, body = fetch(f"{base}{path}")
        expect(status == 200 and marker in body, f"{path} answers 200 with {marker!r}")
    status, headers, _ = fetch(f"{base}/", headers={})
    expect(
        status == 301 and headers.get("Location", "").startswith("https://"),
        "plain HTTP redirects to HTTPS",
    )
    status, _, body = fetch(f"{base}/healthz", headers={})
    expect(status == 200 and body == '{"status": "ok"}', "/healthz answers 200 over plain HTTP")
    _, headers, _ = fetch(f"{base}/")
    expect("default-src 'self'" in headers.get("Content-Security-Policy", ""), "the CSP is sent")
    status, headers, _ = fetch(f"{base}{notice_paths[0]}")
    etag = headers.get("ETag", "")
    expect(
        bool(etag) and headers.get("Cache-Control") == "public, no-cache", "a notice has an ETag"
    )
    status, headers, _ = fetch(
        f"{base}{notice_paths[0]}", headers=PROXY_HEADERS | {"If-None-Match": etag}
    )
    expect(status == 304, "a notice the reader already has is a 304")
    expect(
        "default-src 'self'"
        in fetch(f"{base}{notice_paths[0]}")[1].get("Content-Security-Policy", ""),
        "a notice served from the cache still carries the CSP",
    )


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"))
