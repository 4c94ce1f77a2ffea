"""docs/production.md lists every environment variable the portal reads, and only those.

The variables are found in the source, not in a list kept by hand: every call of a
`gcm_portal.env` reader (`env_str("NAME", ...)`, `env_int`, `env_minutes`, ...) and every
`os.environ`/`os.getenv` read, in the portal's own packages.
"""

import ast
import re
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
GUIDE = BASE_DIR / "docs" / "production.md"
SOURCES = ["gcm_portal", "accounts", "reviews", "manage.py"]
# The readers themselves take the name as a parameter; their callers are what is scanned.
READERS_MODULE = BASE_DIR / "gcm_portal" / "env.py"
ENVIRON_METHODS = {"get", "setdefault", "pop"}


def _python_files():
    for source in SOURCES:
        path = BASE_DIR / source
        for file in [path] if path.is_file() else sorted(path.rglob("*.py")):
            if file != READERS_MODULE and "migrations" not in file.parts:
                yield file


def _is_os_environ(node) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "environ"
            and isinstance(node.value, ast.Name) and node.value.id == "os")


def _name_read(node) -> ast.expr | None:
    """The expression naming the variable if `node` reads one, else None."""
    if isinstance(node, ast.Call):
        func = node.func
        reader = (isinstance(func, ast.Name) and func.id.startswith("env_") and func.id != "env_file_load")
        environ = (isinstance(func, ast.Attribute) and func.attr in ENVIRON_METHODS and _is_os_environ(func.value))
        getenv = (isinstance(func, ast.Attribute) and func.attr == "getenv"
                  and isinstance(func.value, ast.Name) and func.value.id == "os")
        if (reader or environ or getenv) and node.args:
            return node.args[0]
    if isinstance(node, ast.Subscript) and _is_os_environ(node.value):
        return node.slice
    return None


def variables_read() -> dict[str, str]:
    """Each variable's name → where it is first read; a name that is not a literal fails here."""
    found: dict[str, str] = {}
    for file in _python_files():
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            name = _name_read(node)
            if name is None:
                continue
            where = f"{file.relative_to(BASE_DIR)}:{node.lineno}"
            assert isinstance(name, ast.Constant) and isinstance(name.value, str), (
                f"{where} reads an environment variable whose name is computed: the guide cannot be checked")
            found.setdefault(name.value, where)
    return found


def variables_documented() -> list[str]:
    section = GUIDE.read_text(encoding="utf-8").split("\n## Environment variables\n", 1)[1]
    return re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", section, flags=re.MULTILINE)


def test_variables_read_are_found_in_settings():
    """The scan sees the settings' reads (a scan finding nothing would make the next test pass idly)."""
    read = variables_read()

    assert {"SECRET_KEY", "DATABASE_URL", "DEBUG", "SESSION_COOKIE_AGE", "DJANGO_SETTINGS_MODULE"} <= set(read)
    assert read["SECRET_KEY"].startswith("gcm_portal/settings.py:")


def test_production_guide_documents_every_environment_variable_read():
    missing = {name: where for name, where in variables_read().items() if name not in variables_documented()}

    assert missing == {}, f"Add these to the table in docs/production.md: {missing}"


def test_production_guide_documents_no_variable_that_is_not_read():
    documented = variables_documented()

    assert sorted(set(documented) - set(variables_read())) == []
    assert len(documented) == len(set(documented))  # each once
