from tests.gcm_portal.test_settings import manage

# A fresh process as gunicorn starts one: it loads gcm_portal.wsgi, then answers its first request.
_FIRST_REQUEST = """
import sys
import gcm_portal.wsgi
from django.template import engines
from django.test import Client
from gcm_portal.warm_up import project_template_names

compiled = set(engines['django'].engine.template_loaders[0].get_template_cache)
print(len(project_template_names()), len(set(project_template_names()) - compiled))
modules = set(sys.modules)
response = Client().get('/ar/accounts/login/')
print(response.status_code, sorted(name for name in set(sys.modules) - modules if name.split('.')[0] in
                                   {'accounts', 'reviews', 'stakeholders', 'gcm_portal', 'crispy_forms'}))
"""


def test_a_server_process_is_warm_before_its_first_request(tmp_path):
    result = manage("shell", "--no-imports", "-c", _FIRST_REQUEST, env={
        "DEBUG": "1", "VAR_DIR": str(tmp_path), "ALLOWED_HOSTS": "testserver"})

    templates, not_compiled = result.stdout.splitlines()[0].split()
    assert (int(templates) > 100, not_compiled) == (True, "0"), result.stderr
    assert result.stdout.splitlines()[1] == "200 []", result.stderr  # the views, forms and context processors


def test_every_page_template_compiles_with_the_pages_engine():
    from django.template import engines

    from gcm_portal.warm_up import project_template_names

    names = project_template_names()

    assert "base.html" in names and "reviews/workspace/part.html" in names
    assert not [name for name in names if "/report/" in name]  # the report's engine compiles those
    for name in names:
        engines["django"].get_template(name)
