"""The rooms import each other one way only (README "Architecture"); read from the code."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONCERNS = ("cms.api", "cms.search", "cms.editorial", "cms.syndication")


def imported_modules(room: str, skip: tuple[str, ...] = ("migrations",)) -> dict[str, set[str]]:
    """{"media_library/storage.py": {"cms.vietnamese", "django.conf", …}, …}"""
    found = {}
    for path in sorted((ROOT / room).rglob("*.py")):
        relative = path.relative_to(ROOT)
        if any(part in skip for part in relative.parts):
            continue
        names = set()
        for node in ast.walk(ast.parse(path.read_text(), str(relative))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
        found[str(relative)] = names
    return found


def offending(room: str, forbidden: tuple[str, ...], **kwargs) -> dict[str, list[str]]:
    """The modules of room that import a forbidden package or module (or anything inside)."""

    def is_forbidden(name: str) -> bool:
        return any(name == f or name.startswith(f + ".") for f in forbidden)

    return {
        path: sorted(filter(is_forbidden, names))
        for path, names in imported_modules(room, **kwargs).items()
        if any(map(is_forbidden, names))
    }


def test_layout_reads_the_rooms_it_checks():
    # The checks below would pass on an empty folder: make sure they read real modules.
    modules = imported_modules("media_library")
    assert "media_library/storage.py" in modules
    assert "cms.vietnamese" in modules["media_library/storage.py"]
    assert "home.models" in imported_modules("cms/api")["cms/api/serializers.py"]
    assert offending("cms/api", ("home",))  # the API does use the content model


def test_layout_media_library_knows_no_pages():
    assert offending("media_library", ("home", *CONCERNS)) == {}


def test_layout_content_model_does_not_import_the_concerns():
    # The demo loader makes the demo logins in the editorial groups; migrations fold search
    # documents with the search's text rules.
    assert offending("home", CONCERNS, skip=("migrations", "demo")) == {}


@pytest.mark.parametrize(
    ("room", "forbidden"),
    [
        ("cms/search", ("cms.api", "cms.editorial", "cms.syndication")),
        ("cms/api", ("cms.editorial",)),
        ("cms/editorial", ("cms.api", "cms.search")),
    ],
)
def test_layout_concerns_import_one_way(room, forbidden):
    assert offending(room, forbidden) == {}


def test_layout_old_module_paths_are_gone():
    old = ("syndication", "home.api", "home.search", "home.serializers", "home.retraction")
    for room in ("cms", "home", "media_library", "tests", "bench", "scripts", "frontend"):
        assert offending(room, old, skip=()) == {}, room
