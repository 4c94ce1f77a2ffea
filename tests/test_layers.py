"""Layers point one way: models <- selectors and services <- views, report, commands, tasks
(the report requests enqueue the build task, which records its progress in services/report_builds).

Read from the source (every import statement, local ones included), so a lower layer reaching up
fails here, not later as an import cycle or an HTTP error raised far from any request.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REVIEWS = ROOT / "reviews"


def _modules(*places: str) -> list[Path]:
    paths = []
    for place in places:
        path = REVIEWS / place
        paths += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return paths


def _imports(path: Path) -> set[str]:
    """Every module a file imports, and every `package.name` it imports from a package."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def _reaching(paths: list[Path], forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        bad = sorted(name for name in _imports(path)
                     if any(name == f or name.startswith(f"{f}.") for f in forbidden))
        if bad:
            found[str(path.relative_to(ROOT))] = bad
    return found


LOWER = ("models", "selectors", "services", "tables.py", "notifications.py")


def test_lower_layers_import_no_forms_or_views():
    assert _reaching(_modules(*LOWER), ("reviews.forms", "reviews.views")) == {}


# The report requests enqueue the build task; the task records its progress through report_builds.
ENQUEUERS = {REVIEWS / "services" / "reports.py"}


def test_tasks_are_enqueued_one_way():
    """Only the report requests import the tasks, and the tasks import no request service: no cycle."""
    assert _reaching([path for path in _modules(*LOWER) if path not in ENQUEUERS], ("reviews.tasks",)) == {}
    assert _reaching([REVIEWS / "tasks.py"], ("reviews.services.reports",)) == {}


def test_lower_layers_and_the_report_raise_no_http_errors():
    assert _reaching(_modules(*LOWER, "report"), ("django.http.Http404", "django.shortcuts")) == {}


def test_no_private_name_is_imported_from_another_module():
    found = set()
    for path in sorted(ROOT.glob("*/**/*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] not in ("reviews", "accounts", "gcm_portal", "tests", "bench") or ".venv" in parts:
            continue  # bench/.venv holds the load test's own tools (bench/README.md)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found |= {(str(path.relative_to(ROOT)), f"{node.module}.{alias.name}") for alias in node.names
                          if alias.name.startswith("_") and alias.name != "_"}  # "_" is gettext
    assert found == set()


def test_demo_content_is_data_apart_from_the_logic():
    """The demo's plans (plans.py), the reviews' texts and tables (content.py, tables.py) and the synthesis's
    (synthesis_text.py, synthesis_sections.py) are data; what writes them is in build.py (with objectives.py and
    rows.py) and synthesis.py. A data module may read another's data (the tables name the ministries content.py
    names), never the logic."""
    logic = ("reviews.services", "reviews.demo.build", "reviews.demo.objectives", "reviews.demo.rows",
             "reviews.demo.load", "reviews.demo.synthesis", "reviews.demo.words")
    for name in ("plans.py", "content.py", "tables.py", "synthesis_text.py", "synthesis_sections.py"):
        path = REVIEWS / "demo" / name
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = [node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
        assert (name, functions, _reaching([path], logic)) == (name, [], {})


def test_the_exports_know_other_apps_only_through_the_tables_they_add():
    """The stakeholders' inputs reach the exports from their own app (stakeholders/exports.py, added when the app
    is ready): the reviews' exports import no other app's models."""
    exports = _modules("exports.py", "selectors/exports.py", "selectors/export_columns.py")
    assert _reaching(exports, ("stakeholders",)) == {}
