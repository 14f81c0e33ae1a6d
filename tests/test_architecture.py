"""The shape of the code: which area of `notices` may import which, and how long a module may be.

`notices` is split into areas, sub-packages whose `__init__` says what each is and what it may
import (see notices/__init__.py). Dependencies run one way: public and authoring build on
publishing, which builds on models, which build on text; nothing in publishing imports from the
areas above it. `councils` reaches into `notices` only through councils/notices_seam.py.

Every import is checked, function-level ones included. Tests are not held to the rules (a test of
publishing may drive the public pages to see what it changed), nor migrations, nor the wiring
that Django looks for by name: apps.py, admin.py and the management commands.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What each area may import, besides itself. Anything in `notices` or `councils` not listed here
# is against the direction.
ALLOWED = {
    "notices.text": (),
    "notices.models": ("notices.text", "councils.models"),
    "notices.publishing": (
        "notices.models",
        "notices.text",
        "councils.models",
        "councils.permissions",
    ),
    "notices.importing": (
        "notices.publishing",
        "notices.models",
        "notices.text",
        "councils.models",
    ),
    "notices.authoring": (
        "notices.importing",
        "notices.publishing",
        "notices.models",
        "notices.text",
        "councils",
    ),
    "notices.public": ("notices.publishing", "notices.models", "notices.text", "councils"),
    "notices.demo": (
        "notices.publishing",
        "notices.importing",
        "notices.models",
        "notices.text",
        "councils.models",
    ),
    "notices.site_archive": ("notices.publishing", "notices.models", "councils"),
    "notices.printing": ("notices.publishing", "notices.models", "notices.text"),
    "notices.api": ("notices.publishing", "notices.models", "notices.text", "councils.models"),
    "notices.alerts": ("notices.publishing", "notices.models", "notices.text", "councils"),
    "notices.templatetags": ("notices.text",),
}
AREAS = [area for area in ALLOWED if area != "notices.templatetags"]

# Wiring that Django finds by name; it may import any area.
WIRING = ("notices.apps", "notices.admin", "notices.management")

COUNCILS_SEAM = "councils.notices_seam"

MAX_LINES = 500
# Longer on purpose, for now.
LONG_MODULES: set[str] = set()


def modules(package: str) -> Iterator[tuple[Path, str]]:
    """Each module of `package` (a path and a dotted name), tests and migrations left out."""
    for path in sorted((ROOT / package).rglob("*.py")):
        relative = path.relative_to(ROOT)
        if {"tests", "migrations"} & set(relative.parts):
            continue
        name = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
        yield relative, name


def imports(path: Path, module: str, root: Path = ROOT) -> Iterator[tuple[int, str]]:
    """Everything `path` imports, anywhere in it, as (line, dotted name). `from a import b` gives
    a.b, which is a module or a name in a; either way it is in a's area."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse((root / path).read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = module.split(".")
                parent = parts if is_package else parts[:-1]
                parent = parent[: len(parent) - (node.level - 1)]
                base = ".".join([*parent, base] if base else parent)
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(f"{prefix}.")


def area_of(module: str) -> str | None:
    return next((area for area in ALLOWED if within(module, area)), None)


def rule(area: str) -> str:
    allowed = ", ".join(ALLOWED[area]) or "nothing else from notices or councils"
    return f"{area} may import {allowed}"


def problems_in(path: Path, module: str, root: Path = ROOT) -> list[str]:
    """Each import of `path` against the direction, naming the file, the import and the rule."""
    area = area_of(module)
    found = []
    for line, target in imports(path, module, root):
        if not within(target, "notices") and not within(target, "councils"):
            continue
        if module.startswith("councils."):
            if within(target, "notices") and module != COUNCILS_SEAM:
                found.append(
                    f"{path}:{line} imports {target}: councils reaches notices only through "
                    f"{COUNCILS_SEAM.replace('.', '/')}.py"
                )
            continue
        if area is None or within(target, area):
            continue
        if not any(within(target, allowed) for allowed in ALLOWED[area]):
            found.append(f"{path}:{line} imports {target}: {rule(area)}")
    return found


def test_each_area_imports_only_the_areas_below_it():
    found = [
        problem
        for package in ("notices", "councils")
        for path, module in modules(package)
        for problem in problems_in(path, module)
    ]
    assert not found, "Imports against the direction:\n" + "\n".join(found)


def test_every_module_of_notices_belongs_to_an_area_or_is_wiring():
    outside = [
        str(path)
        for path, module in modules("notices")
        if module not in ("notices", "notices.testing")
        and not within(module, "notices.testing")
        and area_of(module) is None
        and not any(within(module, wiring) for wiring in WIRING)
    ]
    assert not outside, (
        "Modules in no area (put each in the area it belongs to, or name a new area in "
        "tests/test_architecture.py and say what it may import): " + ", ".join(outside)
    )


@pytest.mark.parametrize("area", AREAS)
def test_each_area_says_what_it_is_and_what_it_may_import(area):
    init = ROOT / area.replace(".", "/") / "__init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text()))
    assert docstring, f"{init.relative_to(ROOT)} needs a docstring: what the area is"
    assert "import" in docstring, (
        f"{init.relative_to(ROOT)}'s docstring should say what the area may import"
    )


def test_no_module_of_notices_is_too_long_to_read_in_one_sitting():
    too_long = []
    for path, _ in modules("notices"):
        lines = len((ROOT / path).read_text().splitlines())
        if lines > MAX_LINES and str(path) not in LONG_MODULES:
            too_long.append(f"{path} ({lines:,} lines)")
    assert not too_long, f"Over {MAX_LINES} lines, split them: " + ", ".join(too_long)


def test_the_modules_allowed_to_be_long_still_are():
    # Once one is split, it comes off the list, so the list never hides a new long module.
    for name in LONG_MODULES:
        assert len((ROOT / name).read_text().splitlines()) > MAX_LINES, f"{name} is short now"


def test_the_check_reports_an_import_against_the_direction(tmp_path):
    # A publishing module that reaches up into the public pages, inside a function.
    package = tmp_path / "notices" / "publishing"
    package.mkdir(parents=True)
    (package / "shortcut.py").write_text(
        "def publish():\n    from notices.public.page_cache import forget_remembered_stamps\n"
    )
    path = Path("notices/publishing/shortcut.py")
    assert problems_in(path, "notices.publishing.shortcut", root=tmp_path) == [
        "notices/publishing/shortcut.py:2 imports "
        "notices.public.page_cache.forget_remembered_stamps: notices.publishing may import "
        "notices.models, notices.text, councils.models, councils.permissions"
    ]


def test_the_check_reports_councils_reaching_past_its_seam(tmp_path):
    (tmp_path / "councils").mkdir()
    (tmp_path / "councils" / "views.py").write_text("from notices.models import Notice\n")
    assert problems_in(Path("councils/views.py"), "councils.views", root=tmp_path) == [
        "councils/views.py:1 imports notices.models.Notice: councils reaches notices only "
        "through councils/notices_seam.py"
    ]
