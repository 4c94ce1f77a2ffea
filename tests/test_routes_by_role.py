"""Access proven on every URL: each named route of the URL configuration, requested by seven kinds of
user, against the table below.

The routes are found by walking the URL resolver (the language-prefixed patterns included), so a route
added anywhere fails `test_every_route_has_an_expected_row` until someone decides, row by row, who may
reach it; a row whose route disappeared fails too. The admin site is covered by `admin:index` and one
model page in the table, and every other admin route by the rule of `test_admin_routes_follow_the_rule`.

The world is Egypt's review after a revision request: it was submitted (so the regional staff see it)
and is open to the country again (so the focal point and the assigned contributor may change it, and
the unassigned contributor may not). Every request runs inside a savepoint that is rolled back, so a
POST that changes something (a submission, a transition) cannot change the outcome of the next one.

Two sweeps over the same routes follow the table: another country's draft is 404 on every route that
names a review, and tampered parameters never end in a server error.
"""

import re
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from accounts.services import ORGANISER_EDITABLE_MODELS, user_sync_staff_access
from reviews.models.reports import GeneratedReport
from reviews.services.assignments import assignments_set
from reviews.services.attachments import attachment_add
from reviews.services.submission import review_submit
from reviews.services.key_messages import key_message_create
from reviews.services.synthesis import chapter_cite, synthesis_chapters_ensure
from reviews.services.workflow import review_take, revision_request
from reviews.word.import_writes import word_import_start
from stakeholders.services.quotes import input_quote_choose
from tests import factories
from tests.reviews.conftest import open_cycle, prompts, review_complete  # noqa: F401 (fixtures)
from tests.reviews.word.filling import blank_template

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

ROLES = ("anonymous", "focal_point", "assigned", "unassigned", "other_focal_point", "reviewer", "organiser")

# Outcomes: a status code, or one of these redirects (the target matters, not just the 302).
LOGIN = "login"  # 302 to the portal's login page, with ?next= the requested URL
ADMIN_LOGIN = "admin-login"  # 302 to the admin site's login page
REDIRECT = "redirect"  # 302 anywhere else (back to a page, after a POST)

GET, POST = "GET", "POST"

# route name -> (method, outcome for each role in ROLES order).
# POST rows are routes that accept only POST: they are posted with an empty body, which must be refused
# by access rules first (403/404) and by validation second (400, or the page again with its errors).
EXPECTED: dict[str, tuple] = {
    # route                                method anonymous        fp  assigned unassigned  other fp  reviewer organiser
    "healthz":                               (GET,       200,      200,      200,      200,      200,      200,      200),
    "readyz":                                (GET,       200,      200,      200,      200,      200,      200,      200),
    "set_language":                          (GET,  REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "home":                                  (GET,     LOGIN,      200,      200,      200,      200,      200,      200),
    "cycle_overview":                        (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "two_factor:setup":                      (GET,     LOGIN,      200,      200,      200,      200,      200,      200),
    "two_factor:verify":                     (GET,     LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "two_factor:recovery_codes":             (GET,     LOGIN,      200,      200,      200,      200,      200,      200),
    "two_factor:recovery_codes_regenerate":  (POST,    LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "login":                                 (GET,       200,      200,      200,      200,      200,      200,      200),
    "logout":                                (POST, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "password_change":                       (GET,     LOGIN,      200,      200,      200,      200,      200,      200),
    "password_change_done":                  (GET,     LOGIN,      200,      200,      200,      200,      200,      200),
    "password_reset":                        (GET,       200,      200,      200,      200,      200,      200,      200),
    "password_reset_done":                   (GET,       200,      200,      200,      200,      200,      200,      200),
    "password_reset_confirm":                (GET,       200,      200,      200,      200,      200,      200,      200),
    "password_reset_complete":               (GET,       200,      200,      200,      200,      200,      200,      200),
    "accounts:user_list":                    (GET,     LOGIN,      403,      403,      403,      403,      403,      200),
    "accounts:user_create":                  (GET,     LOGIN,      403,      403,      403,      403,      403,      200),
    "accounts:user_edit":                    (GET,     LOGIN,      403,      403,      403,      403,      403,      200),
    "accounts:user_toggle_active":           (POST,    LOGIN,      403,      403,      403,      403,      403, REDIRECT),
    "accounts:two_factor_reset":             (POST,    LOGIN,      403,      403,      403,      403,      403, REDIRECT),
    "accounts:lockout_reset":                (POST,    LOGIN,      403,      403,      403,      403,      403, REDIRECT),
    "accounts:security_settings":            (GET,     LOGIN,      403,      403,      403,      403,      403,      200),
    "reviews:open":                          (POST,    LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT,      403,      403),
    "reviews:overview":                      (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:part":                          (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:objectives":                    (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:objective":                     (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:objective_details":             (POST,    LOGIN,      200,      200,      403,      404,      403,      403),
    "reviews:answer_save":                   (POST,    LOGIN,      400,      400,      403,      404,      403,      403),
    "reviews:row_create":                    (POST,    LOGIN,      200,      200,      403,      404,      403,      403),
    "reviews:row_save":                      (POST,    LOGIN,      200,      200,      403,      404,      403,      403),
    "reviews:row_delete":                    (POST,    LOGIN, REDIRECT, REDIRECT,      403,      404,      403,      403),
    "reviews:plan_save":                     (POST,    LOGIN, REDIRECT,      403,      403,      404,      403,      403),
    "reviews:team":                          (GET,     LOGIN,      200,      200,      200,      404,      403,      403),
    "reviews:attachments":                   (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:attachment":                    (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:submit":                        (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:preview":                       (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:comparison":                    (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:objective_comparison":          (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:carried_over_confirm":          (POST,    LOGIN, REDIRECT, REDIRECT,      403,      404,      403,      403),
    "reviews:transition":                    (POST,    LOGIN,      403,      403,      403,      404, REDIRECT, REDIRECT),
    "reviews:comment_add":                   (POST,    LOGIN, REDIRECT, REDIRECT, REDIRECT,      404, REDIRECT, REDIRECT),
    "reviews:comment_resolve":               (POST,    LOGIN, REDIRECT,      403,      403,      404, REDIRECT, REDIRECT),
    "reviews:versions":                      (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:history":                       (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:dashboard":                     (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:translations":                  (GET,     LOGIN,      200,      200,      200,      200,      200,      200),
    "reviews:translation_save":              (POST,    LOGIN, REDIRECT, REDIRECT,      403,      404, REDIRECT, REDIRECT),
    "reviews:notifications":                 (GET,     LOGIN,      200,      200,      200,      200,      200,      200),
    "reviews:search":                        (GET,     LOGIN,      200,      200,      200,      200,      200,      200),
    "reviews:exports":                       (GET,     LOGIN,      200,      200,      200,      200,      200,      200),
    "reviews:export_download":               (GET,     LOGIN,      200,      200,      200,      200,      200,      200),
    "reviews:matrix":                        (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:compilations":                  (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:practices":                     (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:practice":                      (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:figures":                       (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:synthesis":                     (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:synthesis_chapter":             (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:synthesis_text_save":           (POST,    LOGIN,      403,      403,      403,      403,      400,      400),
    "reviews:synthesis_verify":              (POST,    LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "reviews:synthesis_cite":                (POST,    LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "reviews:synthesis_citation_remove":     (POST,    LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "reviews:synthesis_feature":             (POST,    LOGIN,      403,      403,      403,      403,      404,      404),
    "reviews:synthesis_practices":           (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:synthesis_preview":             (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:synthesis_key_message_add":     (POST,    LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "reviews:synthesis_key_message_save":    (POST,    LOGIN,      403,      403,      403,      403,      400,      400),
    "reviews:synthesis_key_message_move":    (POST,    LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "reviews:synthesis_key_message_delete":  (POST,    LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "reviews:synthesis_highlights":          (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:synthesis_highlight":           (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:synthesis_highlight_choose":    (POST,    LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "reviews:synthesis_highlight_reset":     (POST,    LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "reviews:reports_current":               (GET,     LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "reviews:reports":                       (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:downloads":                     (GET,     LOGIN,      403,      403,      403,      403,      403,      200),
    "reviews:review_pdf":                    (POST,    LOGIN, REDIRECT, REDIRECT, REDIRECT,      404, REDIRECT, REDIRECT),
    "reviews:report":                        (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:report_status":                 (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:report_download":               (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:template_docx":                 (GET,     LOGIN,      200,      200,      200,      200,      200,      200),
    "reviews:report_docx":                   (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "reviews:review_docx":                   (GET,     LOGIN,      200,      200,      200,      404,      200,      200),
    "reviews:word_import":                   (GET,     LOGIN,      200,      200,      200,      404,      403,      403),
    "reviews:word_import_preview":           (GET,     LOGIN,      200,      404,      404,      404,      403,      403),
    "reviews:word_import_apply":             (POST,    LOGIN,      200,      404,      404,      404,      403,      403),
    "stakeholders:join":                     (GET,       200,      200,      200,      200,      200,      200,      200),
    "stakeholders:join_done":                (GET,       200,      200,      200,      200,      200,      200,      200),
    "stakeholders:inputs":                   (GET,     LOGIN,      403,      403,      403,      403,      403,      403),
    "stakeholders:input_new":                (POST,    LOGIN,      403,      403,      403,      403,      403,      403),
    "stakeholders:input":                    (GET,     LOGIN,      404,      404,      404,      404,      200,      200),
    "stakeholders:input_save":               (POST,    LOGIN,      404,      404,      404,      404,      403,      403),
    "stakeholders:input_submit":             (POST,    LOGIN,      404,      404,      404,      404,      403,      403),
    "stakeholders:input_document_add":       (POST,    LOGIN,      404,      404,      404,      404,      403,      403),
    "stakeholders:input_document":           (GET,     LOGIN,      404,      404,      404,      404,      200,      200),
    "stakeholders:input_message":            (POST,    LOGIN,      404,      404,      404,      404, REDIRECT, REDIRECT),
    "stakeholders:input_accept":             (POST,    LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "stakeholders:input_decline":            (POST,    LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "stakeholders:input_translation":        (POST,    LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "stakeholders:moderation":               (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "stakeholders:compilation":              (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "stakeholders:organisations":            (GET,     LOGIN,      403,      403,      403,      403,      403,      200),
    "stakeholders:organisation_decide":      (POST,    LOGIN,      403,      403,      403,      403,      403, REDIRECT),
    "stakeholders:quotes":                   (GET,     LOGIN,      403,      403,      403,      403,      200,      200),
    "stakeholders:quote_choose":             (POST,    LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "stakeholders:quote_remove":             (POST,    LOGIN,      403,      403,      403,      403, REDIRECT, REDIRECT),
    "admin:index": (GET, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200),
    "admin:reviews_country_changelist": (GET, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,
                                         ADMIN_LOGIN, 200),
}

# The rest of the admin site follows one rule, checked by test_admin_routes_follow_the_rule on every
# named admin route (GET):
# - everyone but the organiser is sent to the admin's login page, from every page but the login page
#   itself (ADMIN_OPEN);
# - the organiser reaches the admin pages of the models in accounts.services.ORGANISER_EDITABLE_MODELS
#   (reference data and templates) and gets 403 from every page of every other model (users, groups,
#   two-factor devices, lockout records, background tasks: they have their own pages, with their rules);
# - the site's own pages answer the organiser as in ADMIN_SITE_PAGES.
# Object pages are requested with an existing object of their model, when the model has one; the history
# page of a missing row redirects to the index ("does not exist") before checking the permission, so a
# forbidden model's history page may answer either (FORBIDDEN_HISTORY).
ADMIN_IN_TABLE = {"admin:index", "admin:reviews_country_changelist"}
FORBIDDEN_HISTORY = "403, or a redirect when the row does not exist"
ADMIN_OPEN = {"admin:login": 200, "admin:logout": REDIRECT}  # outcome for everyone but the organiser
ADMIN_SITE_PAGES = {
    "admin:index": 200, "admin:login": REDIRECT, "admin:logout": 405, "admin:password_change": 200,
    "admin:password_change_done": 200, "admin:autocomplete": 403, "admin:jsi18n": 200, "admin:view_on_site": 404,
    "admin:app_list": 200,
}


def named_routes(resolver=None, namespace: str = "") -> dict[str, URLPattern]:
    """Every named route, "namespace:name", found recursively (i18n_patterns is a resolver too)."""
    resolver = resolver or get_resolver()
    routes = {}
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            routes.update(named_routes(pattern, inner))
        elif pattern.name:
            routes[f"{namespace}{pattern.name}"] = pattern
    return routes


def _converters(pattern: URLPattern) -> list[str]:
    """The keyword arguments a route takes: path converters, or a regex's named groups."""
    return list(pattern.pattern.converters) or list(pattern.pattern.regex.groupindex)


@pytest.fixture
def world(open_cycle, egypt, morocco, prompts):
    """Egypt's review under revision, with a value for every URL converter of every route."""
    focal_point = factories.FocalPointFactory(username="fp-eg", country=egypt)
    assigned = factories.ContributorFactory(username="contrib-eg", country=egypt)
    unassigned = factories.ContributorFactory(username="contrib2-eg", country=egypt)
    other_focal_point = factories.FocalPointFactory(username="fp-ma", country=morocco)
    reviewer = factories.ReviewerFactory(username="reviewer-escwa")
    organiser = factories.OrganiserFactory(username="organiser")
    user_sync_staff_access(user=organiser)

    review = factories.ReviewFactory(cycle=open_cycle, country=egypt)
    rows = review_complete(review, focal_point, objective_numbers=(1,))
    assignments_set(review=review, contributor=assigned, part_numbers={1}, objective_ids={rows[0].objective_id},
                    actor=focal_point)
    entity = factories.GovernmentEntityFactory(review=review, updated_by=focal_point)
    practice = factories.GoodPracticeFactory(review_objective=rows[0])
    attachment = attachment_add(review=review, user=focal_point,
                                file=SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf"))
    review_submit(review=review, user=focal_point)
    review_take(review=review, reviewer=reviewer)
    comment = factories.CommentFactory(review=review, author=reviewer)
    revision_request(review=review, reviewer=reviewer, reason="Please add the figures.")
    chapters = synthesis_chapters_ensure(cycle=open_cycle)
    chapter = chapters[0]  # the key messages
    round_table = next(row for row in chapters if row.objective_syntheses.filter(objective__number=1).exists())
    message = key_message_create(chapter=chapter, user=reviewer, text_ar="رسالة", text_en="", original_language=None,
                                 objectives=[])
    citation = chapter_cite(chapter=chapter, review=review, prompt_code="1.1", objective_number=None, note="",
                            user=reviewer)
    answer = review.answers.get(prompt=prompts["1.1"], objective=None)
    report = GeneratedReport.objects.create(kind=GeneratedReport.Kind.COUNTRY, cycle=open_cycle, review=review,
                                            requested_by=focal_point, data_version="test",
                                            status=GeneratedReport.Status.DONE)
    report.file.save("egypt.pdf", ContentFile(PDF))
    word_upload = word_import_start(review=review, user=focal_point, file_name="filled.docx",
                                    content=blank_template(open_cycle, "en"))

    stakeholder_input = factories.StakeholderInputFactory(cycle=open_cycle, status="accepted")
    stakeholder_input.round_tables.add(round_table.round_table)
    stakeholder = stakeholder_input.organisation.account
    document = stakeholder_input.documents.create(file=ContentFile(PDF, name="evidence.pdf"),
                                                  original_name="evidence.pdf", content_type="application/pdf",
                                                  size=len(PDF), uploaded_by=stakeholder)
    input_quote_choose(chapter=round_table, stakeholder_input=stakeholder_input, first_sentence=0, last_sentence=0,
                       base_version=0, user=reviewer)
    request = factories.StakeholderOrganisationFactory(status="pending", account=None)

    users = {"anonymous": None, "focal_point": focal_point, "assigned": assigned, "unassigned": unassigned,
             "other_focal_point": other_focal_point, "reviewer": reviewer, "organiser": organiser,
             "stakeholder": stakeholder}
    # Converter values by name, overridden per route where one name means different things.
    values = {
        "slug": open_cycle.slug, "uid": review.uid, "number": 1, "prompt_uid": prompts["1.1"].uid,
        "kind": "entities", "row_uid": entity.uid, "attachment_uid": attachment.uid, "action": "accept",
        "comment_uid": comment.uid, "answer_uid": answer.uid, "citation_uid": citation.uid,
        "uidb64": "MQ", "token": "set-password", "object_id": egypt.pk, "app_label": "reviews",
        "content_type_id": 1, "id": unassigned.pk, "pk": 1,
        "report_uid": report.uid, "message_uid": message.uid, "review_uid": review.uid, "import_uid": word_upload.uid,
        "input_uid": stakeholder_input.uid, "document_uid": document.uid,
    }
    per_route = {
        "accounts:user_edit": {"uid": unassigned.uid},
        "accounts:user_toggle_active": {"uid": unassigned.uid},
        "accounts:two_factor_reset": {"uid": unassigned.uid},
        "accounts:lockout_reset": {"uid": unassigned.uid},
        "reviews:practice": {"uid": practice.uid},
        **{name: {"uid": chapter.uid} for name in named_routes() if name.startswith("reviews:synthesis_")},
        **{name: {"uid": round_table.uid} for name in named_routes() if name.startswith("reviews:synthesis_highlight")},
        "reviews:synthesis_practices": {"uid": round_table.uid},  # the key messages feature no practice
        **{name: {"uid": stakeholder_input.uid} for name in named_routes() if name.startswith("stakeholders:input")},
        **{name: {"uid": round_table.uid} for name in named_routes() if name.startswith("stakeholders:quote")},
        "stakeholders:organisation_decide": {"uid": request.uid, "action": "decline"},
    }
    return {"users": users, "values": values, "per_route": per_route, "review": review}


def route_url(world, name: str, pattern: URLPattern) -> str:
    values = {**world["values"], **world["per_route"].get(name, {})}
    unknown = [key for key in _converters(pattern) if key not in values]
    assert not unknown, f"Route {name} takes {', '.join(unknown)}: give the world a value for it"
    with translation.override("en"):
        return reverse(name, kwargs={key: values[key] for key in _converters(pattern)})


def _outcome(response, url: str):
    if response.status_code == 302:
        location = response["Location"]
        if location == f"/en/accounts/login/?next={url}":
            return LOGIN
        if location == f"/en/admin/login/?next={url}":
            return ADMIN_LOGIN
        return REDIRECT
    return response.status_code


class _RolledBack(Exception):
    pass


def _request(client, user, method: str, url: str):
    """One request as `user`, its database writes undone, the client's cookies as they were before."""
    cookies = SimpleCookie(client.cookies.output(header="", sep="\n")) if client.cookies else SimpleCookie()
    response = None
    try:
        with transaction.atomic():
            if user is not None:
                client.force_login(user)
            response = client.generic(method, url)
            raise _RolledBack
    except _RolledBack:
        pass
    client.cookies = cookies
    return response


def _outcomes(client, world, role: str, names) -> dict[str, object]:
    routes = named_routes()
    user = world["users"][role]
    outcomes = {}
    for name in names:
        url = route_url(world, name, routes[name])
        outcomes[name] = _outcome(_request(client, user, EXPECTED[name][0], url), url)
    return outcomes


def test_every_route_has_an_expected_row():
    routes = {name for name in named_routes() if not name.startswith("admin:") or name in ADMIN_IN_TABLE}
    missing = sorted(routes - set(EXPECTED))
    stale = sorted(set(EXPECTED) - routes)
    assert not missing, f"Routes with no row in EXPECTED (decide who may reach them): {', '.join(missing)}"
    assert not stale, f"Rows in EXPECTED for routes that no longer exist: {', '.join(stale)}"


@pytest.mark.parametrize("role", ROLES)
def test_route_outcomes_by_role(client, world, role):
    names = sorted(name for name in EXPECTED if name in named_routes())
    column = ROLES.index(role) + 1

    outcomes = _outcomes(client, world, role, names)

    assert outcomes == {name: EXPECTED[name][column] for name in names}


def test_post_rows_are_routes_that_refuse_get(client, world):
    """A POST row must be a route that only accepts POST: a GET from a signed-in user gets 405."""
    routes = named_routes()
    names = sorted(name for name, row in EXPECTED.items() if row[0] == POST and name in routes)
    user = world["users"]["focal_point"]
    urls = {name: route_url(world, name, routes[name]) for name in names}

    outcomes = {name: _outcome(_request(client, user, GET, url), url) for name, url in urls.items()}

    assert outcomes == {name: 405 for name in names}


def _admin_models() -> dict[str, type]:
    """Admin route name prefix ("admin:reviews_country_") -> model, for every model the admin site registers."""
    prefixes = {f"admin:{model._meta.app_label}_{model._meta.model_name}_": model for model in admin.site._registry}
    prefixes["admin:auth_user_"] = get_user_model()  # UserAdmin names its password page after auth.User
    return prefixes


def _admin_model(name: str):
    return next((model for prefix, model in _admin_models().items() if name.startswith(prefix)), None)


def _admin_expected(name: str, model, role: str):
    if role != "organiser":
        return ADMIN_OPEN.get(name, ADMIN_LOGIN)
    if model is None:
        return ADMIN_SITE_PAGES[name]
    editable = model._meta.app_label == "reviews" and model._meta.model_name in ORGANISER_EDITABLE_MODELS
    if editable:
        return 200
    if name.endswith("_history"):
        return FORBIDDEN_HISTORY
    return 403


@pytest.mark.parametrize("role", ROLES)
def test_admin_routes_follow_the_rule(client, world, role):
    routes = {name: pattern for name, pattern in named_routes().items()
              if name.startswith("admin:") and name not in ADMIN_IN_TABLE}
    unknown = sorted(name for name in routes if _admin_model(name) is None and name not in ADMIN_SITE_PAGES)
    assert not unknown, f"Admin routes of no registered model and not in ADMIN_SITE_PAGES: {', '.join(unknown)}"
    user = world["users"][role]

    outcomes, expected = {}, {}
    for name, pattern in sorted(routes.items()):
        model = _admin_model(name)
        first = model._default_manager.order_by("pk").first() if model else None
        world["per_route"][name] = {"object_id": first.pk if first else 1, "pk": first.pk if first else 1,
                                    "id": first.pk if first else 1}
        url = route_url(world, name, pattern)
        outcome = _outcome(_request(client, user, GET, url), url)
        expected[name] = _admin_expected(name, model, role)
        outcomes[name] = FORBIDDEN_HISTORY if expected[name] == FORBIDDEN_HISTORY and outcome in (403, REDIRECT) \
            else outcome

    assert outcomes == expected


@pytest.mark.parametrize("role", ["reviewer", "organiser", "focal_point"])
def test_a_draft_is_hidden_on_every_route_of_a_review(client, world, other_focal_point_draft, role):
    """Morocco's review was never submitted: it is Morocco's private draft. Every route that names a
    review, given its id, answers 404 to the regional staff and to Egypt's focal point alike."""
    routes = named_routes()
    names = sorted(name for name, pattern in routes.items() if name in EXPECTED and "uid" in _converters(pattern)
                   and name not in world["per_route"])
    world["values"]["uid"] = other_focal_point_draft.uid
    user = world["users"][role]

    outcomes = {}
    for name in names:
        url = route_url(world, name, routes[name])
        outcomes[name] = _outcome(_request(client, user, EXPECTED[name][0], url), url)

    assert outcomes == {name: 404 for name in names}


@pytest.fixture
def other_focal_point_draft(world, morocco):
    """Morocco's draft in the same cycle, with the same rows an Egyptian URL would name."""
    review = factories.ReviewFactory(cycle=world["review"].cycle, country=morocco)
    review_complete(review, world["users"]["other_focal_point"], objective_numbers=(1,))
    return review


TAMPERED_GET = ["page", "from", "to", "objective", "round_table", "part", "country", "prompt", "status", "sort",
                "late", "accepted", "kind", "criterion", "role", "lang", "anchor", "next", "language", "format", "new",
                "edit", "add", "submitted", "comment", "q", "cycle", "group", "change"]
TAMPERED_POST = ["objective", "prompt", "to", "part", "version", "parent", "practice", "featured", "verified", "contributor", "parts",
                 "objectives", "reported", "priorities", "review", "prompt_code", "objective_number", "visibility",
                 "next", "languages", "format", "language", "status", "kind", "country", "organisation", "code",
                 "held_on", "year", "baseline_value", "reason", "text", "resolved", "force", "anchor", "note", "new", "body",
                 "back", "start"]
# Values a number parser must survive: a word, SQL, a superscript and a full-width digit (str.isdigit() says
# yes to both), a negative number, a float's notation, numbers beyond any database integer, nothing.
TAMPERED_VALUES = ["x", "' OR 1=1 --", "\u00b2", "\uff10", "-1", "1e3", "99999999999999999999", "9" * 25, ""]
VIEW_SOURCES = [*(ROOT / "reviews" / "views").rglob("*.py"), *(ROOT / "accounts").glob("*views*.py")]


def test_the_tampered_parameters_are_every_parameter_the_views_read():
    """Each name a view reads from the query string or the posted form by hand is in the sweep below."""
    read = {"GET": set(), "POST": set()}
    for path in VIEW_SOURCES:
        source = path.read_text(encoding="utf-8")
        for method, name in re.findall(r"request\.(GET|POST)(?:\.get\(|\[|, )\"(\w+)\"", source):
            read[method].add(name)

    assert (read["GET"] - set(TAMPERED_GET), read["POST"] - set(TAMPERED_POST)) == (set(), set())


@pytest.mark.parametrize("role", ["focal_point", "reviewer"])
def test_tampered_parameters_never_fail_a_route(client, world, role, monkeypatch):
    """Every parameter a view reads, set to each tampered value, on every route: each ends in a page, a
    redirect or a refusal, never a server error.

    Every route gets the first value; the other values go only where the first request read a tampered
    parameter (or the whole query string or form): a request that read none of them is the same request
    whatever their values, so sending it again would only repeat the first answer."""
    routes = {name: pattern for name, pattern in named_routes().items() if not name.startswith("admin:")}
    user = world["users"][role]
    client.raise_request_exception = False  # a server error is counted as a 500, not raised, so all are listed
    read = _recording_reads(monkeypatch)

    def send(method: str, url: str, value: str) -> tuple[int, set]:
        client.force_login(user)
        read.clear()
        if method == GET:
            status = client.get(f"{url}?{urlencode({name: value for name in TAMPERED_GET})}").status_code
        else:
            status = client.post(url, {name: value for name in TAMPERED_POST}).status_code
        return status, set(read)

    failures, reading = [], []
    first = TAMPERED_VALUES[0]
    for name, pattern in sorted(routes.items()):
        url = route_url(world, name, pattern)
        for method, tampered in ((GET, TAMPERED_GET), (POST, TAMPERED_POST)):
            status, keys = send(method, url, first)
            failures += [(name, first, status)] if status >= 500 else []
            if ALL_KEYS in keys or keys & set(tampered):
                reading.append((name, method, url))
    for value in TAMPERED_VALUES[1:]:
        for name, method, url in reading:
            status, _keys = send(method, url, value)
            failures += [(name, value, status)] if status >= 500 else []

    assert sorted(set(failures)) == []
    assert {name for name, method, _url in reading} >= SURE_TO_READ[role]  # the recording sees what views read


ALL_KEYS = "*"  # a read of the whole query string or form (iterated, copied, encoded)
# Routes known to read a tampered parameter: if the recording below missed reads, these would be missing.
SURE_TO_READ = {"focal_point": {"reviews:part", "reviews:answer_save", "reviews:search"},
                "reviewer": {"reviews:compilations", "reviews:matrix", "reviews:search"}}


def _recording_reads(monkeypatch) -> set:
    """The keys a request reads from its query string and form (Django's QueryDict, a MultiValueDict),
    ALL_KEYS when it reads them all; not the reads of Django filling the dict while it parses a request."""
    from django.http import QueryDict
    from django.utils.datastructures import MultiValueDict

    from gcm_portal import middleware

    read: set = set()
    filling = [0]

    def recording(method, key=None):
        def reading(self, *args, **kwargs):
            if not filling[0] and isinstance(self, QueryDict):  # not the files, nor the URL resolver's dicts
                read.add(args[0] if key is None else key)
            return method(self, *args, **kwargs)
        return reading

    def writing(method):
        def filling_in(self, *args, **kwargs):
            filling[0] += 1
            try:
                return method(self, *args, **kwargs)
            finally:
                filling[0] -= 1
        return filling_in

    for name in ("__getitem__", "get", "getlist", "__contains__"):
        monkeypatch.setattr(MultiValueDict, name, recording(getattr(MultiValueDict, name)))
    for name in ("items", "lists", "values", "keys", "dict", "__iter__", "copy", "__copy__", "__deepcopy__"):
        monkeypatch.setattr(MultiValueDict, name, recording(getattr(MultiValueDict, name), key=ALL_KEYS))
    for name in ("__init__", "__setitem__", "setlist", "setlistdefault", "appendlist", "setdefault", "update"):
        monkeypatch.setattr(MultiValueDict, name, writing(getattr(MultiValueDict, name)))
    # The middleware that refuses a NUL reads every value of every request, the same way whatever they are.
    every_value = middleware._parameters
    monkeypatch.setattr(middleware, "_parameters", writing(lambda request: list(every_value(request))))
    return read


# The stakeholder organisation's account, on every route of EXPECTED (issue 17): it reaches its own inputs and
# the pages every signed-in user has (its password, two-factor login), never a country's review, another
# organisation's input or a page of the regional staff. A separate column, checked by its own test below.
STAKEHOLDER: dict[str, object] = {
    **{name: 200 for name in ("healthz", "readyz", "login", "password_change", "password_change_done", "password_reset",
                              "password_reset_complete", "password_reset_confirm", "password_reset_done",
                              "two_factor:setup", "two_factor:recovery_codes",
                              # pages every signed-in user has, empty for an organisation: no review is its own
                              "reviews:notifications", "reviews:search", "reviews:translations",
                              "reviews:template_docx",  # the blank template the countries fill in: public
                              "stakeholders:join", "stakeholders:join_done", "stakeholders:inputs",
                              "stakeholders:input", "stakeholders:input_document")},
    **{name: REDIRECT for name in ("set_language", "logout", "home", "two_factor:verify",
                                   "two_factor:recovery_codes_regenerate", "stakeholders:input_new",
                                   "stakeholders:input_message")},
    "admin:index": ADMIN_LOGIN, "admin:reviews_country_changelist": ADMIN_LOGIN,
    # its input is submitted: no longer changed (403); the staff's actions and pages (403)
    **{name: 403 for name in ("stakeholders:input_save", "stakeholders:input_submit",
                              "stakeholders:input_document_add", "stakeholders:input_accept",
                              "stakeholders:input_decline", "stakeholders:input_translation",
                              "stakeholders:moderation", "stakeholders:compilation", "stakeholders:organisations",
                              "stakeholders:organisation_decide", "stakeholders:quotes", "stakeholders:quote_choose",
                              "stakeholders:quote_remove")},
    # no review is visible to it: every route naming a review is 404, every regional or account page 403
    **{name: 404 for name, row in EXPECTED.items() if name.startswith("reviews:") and row[5] == 404},
}
for _name in EXPECTED:
    STAKEHOLDER.setdefault(_name, 403)


def test_every_route_has_a_stakeholder_outcome():
    assert sorted(set(EXPECTED) - set(STAKEHOLDER)) == [] and sorted(set(STAKEHOLDER) - set(EXPECTED)) == []


def test_route_outcomes_for_a_stakeholder(client, world):
    names = sorted(name for name in EXPECTED if name in named_routes())

    outcomes = _outcomes(client, world, "stakeholder", names)

    assert outcomes == {name: STAKEHOLDER[name] for name in names}
