"""Issue 15.B and 15.C: small files that cost the import minutes and gigabytes, and a body over
the field limit, each through the admin's import preview and through `import_notice --dry-run`.

What is measured is the web process (or the command's): the file is read in a child process
(notices.importing.isolation), whose own time and memory are bounded by its limits, not counted
here. Every case should end in a refusal with a clear message, well inside the budget.
"""

import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.hostile import Case
from benchmarks.hostile.site import configure_django, demo_site, signed_in_client

# (case name, finding, file name, builder in notices.testing.hostile_imports)
_FILES = (
    ("16 KB DOCX of 5 MB of tiny paragraphs", "15.B", "notice.docx", "docx_of_tiny_paragraphs"),
    ("DOCX that unpacks to 49 MB", "15.B", "notice.docx", "docx_unpacking_to"),
    ("4.9 MB HTML of empty paragraphs", "15.B", "notice.html", "html_of_empty_paragraphs"),
    ("50,000 nested divs", "15.B", "notice.html", "html_of_nested_divs"),
    ("126 KB section body", "15.C", "notice.md", "text_with_long_section"),
)


def _built(builder: str) -> bytes:
    from notices.testing import hostile_imports

    return getattr(hostile_imports, builder)()


def _preview_setup(filename: str, builder: str) -> Callable[[], tuple]:
    def setup() -> tuple:
        configure_django()
        demo_site()
        from django.conf import settings
        from django.urls import reverse

        from notices.models import Notice

        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]  # the test client's

        notice = Notice.objects.order_by("pk").first()
        url = reverse("admin:notices_notice_import", args=[notice.pk])
        client = signed_in_client()
        client.get(url)  # the page's first render (templates, imports) is not the file's cost
        return client, url, filename, _built(builder)

    return setup


def _preview(state: tuple) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client, url, filename, data = state
    response = client.post(url, {"file": SimpleUploadedFile(filename, data), "_preview": "1"})
    if response.status_code != 200 or b"errorlist" not in response.content:
        raise AssertionError(f"expected a form error, got {response.status_code}")
    # Say which refusal it was, as the command's cases do.
    message = response.content.split(b'class="errorlist', 1)[1].split(b"</li>", 1)[0]
    raise RuntimeError("form error: " + message.split(b"<li>", 1)[-1].decode()[:100])


def _command_setup(filename: str, builder: str) -> Callable[[], tuple]:
    def setup() -> tuple:
        configure_django()
        demo_site()
        from councils.models import Council

        path = Path(tempfile.mkdtemp(prefix="hostile-import-")) / filename
        path.write_bytes(_built(builder))
        return Council.objects.order_by("pk").first().slug, path

    return setup


def _command(state: tuple) -> None:
    from django.core.management import call_command

    council, path = state
    call_command("import_notice", str(path), "--council", council, "--dry-run", "--replace")


CASES = [
    case
    for name, finding, filename, builder in _FILES
    for case in (
        Case(
            f"import preview: {name}",
            finding,
            run=_preview,
            setup=_preview_setup(filename, builder),
        ),
        Case(
            f"import_notice --dry-run: {name}",
            finding,
            run=_command,
            setup=_command_setup(filename, builder),
        ),
    )
]
