"""What a server process does once, as it starts, rather than during the first requests it answers.

Django imports the views (the URLconf), reads a language's catalogues and compiles a template the first time a
request needs them: about 0.9 s of processor time for a process's first page. After a deploy or a restart,
that fell on the first people served, in turn in every gunicorn worker, and on everyone queued behind them
(bench/load_test.py: 50 people signing in within 5 s). gcm_portal/wsgi.py calls warm_up() before the worker
accepts its first request.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.template import engines
from django.urls import get_resolver
from django.utils import translation


def warm_up() -> None:
    get_resolver().url_patterns  # imports every view, form and library the pages use
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("")  # reads the language's catalogues, Django's and every app's
    engine = engines["django"]
    engine.engine.template_context_processors  # imported at the first render otherwise
    for name in project_template_names():
        engine.get_template(name)  # compiled once, then kept by the cached loader


def project_template_names() -> list[str]:
    """The names of the pages' templates: the project's own (templates/ and each of its apps' templates/), not
    those of the libraries it installs (the admin's, say), which are compiled when first needed; nor the PDF
    report's (in report/ folders), which the report's own engine renders in the background worker
    (reviews/report/build.py)."""
    folders = [Path(folder) for folder in engines["django"].engine.dirs]
    folders += [Path(app.path) / "templates" for app in apps.get_app_configs()
                if Path(app.path).parent == settings.BASE_DIR]
    names = {path.relative_to(folder) for folder in folders if folder.is_dir()
             for path in folder.rglob("*") if path.is_file()}
    return sorted(name.as_posix() for name in names if "report" not in name.parent.parts)
