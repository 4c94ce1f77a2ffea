"""Accessibility (WCAG 2.1 AA) and phone width, in the browser.

axe-core (through axe-playwright-python) checks one page per route shape each role reaches, in Arabic
and in English, and must find no violation of any impact. axe skips its colour-contrast rule on
right-to-left pages, so contrast is checked on each page's English twin: every page is visited in both
languages, and the English visit runs every rule. One browser context per role and language keeps the
run short (a sign-in each, about 60 axe runs in all).

At 390 px no page may be wider than the screen: wide tables scroll inside their own box.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.services import user_sync_staff_access
from reviews.models import Country, Objective
from reviews.models.reports import GeneratedReport
from reviews.services.assignments import assignments_set
from reviews.services.attachments import attachment_add
from reviews.services.submission import review_open, review_submit
from reviews.services.search import search_reindex
from reviews.services.key_messages import key_message_create
from reviews.services.synthesis import synthesis_chapters_ensure
from reviews.services.workflow import review_take, revision_request
from reviews.word.import_writes import word_import_start
from stakeholders.services.quotes import input_quote_choose
from tests import factories
from tests.e2e.steps import sign_in
from tests.reviews.conftest import review_complete
from tests.reviews.word.filling import blank_template, fill_table, find_heading, open_docx, save_docx, type_under

pytestmark = [pytest.mark.e2e]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PHONE = {"width": 390, "height": 844}
AXE = Axe()  # reads axe.min.js once for the module
STAKEHOLDER = "org-voices"  # a stakeholder organisation's account: its home is its inputs


@pytest.fixture
def world(open_cycle, escwa_reviewer):
    """Egypt's review after a revision request: open to the country again and visible to the regional
    staff, with an assigned contributor, a document, a comment, a good practice and a synthesis."""
    egypt = Country.objects.get(iso2="EG")
    focal_point = factories.FocalPointFactory(username="fp-eg", country=egypt)
    contributor = factories.ContributorFactory(username="contrib-eg", country=egypt)
    organiser = factories.OrganiserFactory(username="organiser")
    user_sync_staff_access(user=organiser)
    review = review_open(cycle=open_cycle, user=focal_point)
    rows = review_complete(review, focal_point, objective_numbers=(1,))
    assignments_set(review=review, contributor=contributor, part_numbers={1}, objective_ids={rows[0].objective_id},
                    actor=focal_point)
    practice = factories.GoodPracticeFactory(review_objective=rows[0])
    attachment_add(review=review, user=focal_point,
                   file=SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf"))
    review_submit(review=review, user=focal_point)
    review_take(review=review, reviewer=escwa_reviewer)
    factories.CommentFactory(review=review, author=escwa_reviewer)
    revision_request(review=review, reviewer=escwa_reviewer, reason="Please add the figures.")
    chapters = synthesis_chapters_ensure(cycle=open_cycle)
    chapter = chapters[0]  # the key messages
    key_message_create(chapter=chapter, user=escwa_reviewer, text_ar="رسالة رئيسية", text_en="A key message.",
                       original_language=None, objectives=list(Objective.objects.filter(number=1)))
    round_table = next(row for row in chapters if row.objective_syntheses.filter(objective__number=1).exists())
    word = open_docx(blank_template(open_cycle, "en"))
    type_under(word, find_heading(word, "1.1"), "أُعدّ الاستعراض بقيادة وزارة الخارجية.")
    fill_table(word, find_heading(word, "Government entities"), [["وزارة العمل", "National", "تنسيق"]])
    word_upload = word_import_start(review=review, user=focal_point, file_name="filled.docx", content=save_docx(word))
    stakeholder = factories.StakeholderUserFactory(username=STAKEHOLDER)
    stakeholder_input = factories.StakeholderInputFactory(organisation__account=stakeholder, cycle=open_cycle,
                                                          status="accepted", text_en="Better protection.")
    stakeholder_input.round_tables.add(round_table.round_table)
    input_quote_choose(chapter=round_table, stakeholder_input=stakeholder_input, first_sentence=0, last_sentence=0,
                       base_version=0, user=escwa_reviewer)
    factories.StakeholderOrganisationFactory(status="pending", account=None)  # a request to decide
    report = GeneratedReport.objects.create(kind=GeneratedReport.Kind.COUNTRY, cycle=open_cycle, review=review,
                                            requested_by=focal_point, data_version="test",
                                            status=GeneratedReport.Status.DONE)
    report.file.save("egypt.pdf", ContentFile(PDF))
    search_reindex()  # the factories' rows, for the search pages' results
    return {"review": review, "cycle": open_cycle.slug, "practice": practice.uid, "chapter": chapter.uid,
            "round_table": round_table.uid, "contributor": contributor, "word_upload": word_upload.uid,
            "input": stakeholder_input.uid, "report": report.uid}


def pages_by_role(world) -> dict[str | None, list[str]]:
    """One page (without its language prefix) per route shape each role reaches; None signs no one in."""
    review, cycle = f"/reviews/{world['review'].uid}", f"/reviews/cycles/{world['cycle']}"
    chapter = f"{cycle}/synthesis/{world['chapter']}"
    highlights = f"{cycle}/synthesis/{world['round_table']}/objectives/1/highlights"
    return {
        None: ["/accounts/login/", "/accounts/password_reset/", "/accounts/password_reset/done/",
               "/accounts/reset/MQ/set-password/", "/accounts/reset/done/", "/stakeholders/join/",
               "/stakeholders/join/thanks/"],
        "fp-eg": ["/", f"{review}/", f"{review}/parts/1/", f"{review}/objectives/", f"{review}/objectives/1/",
                  f"{review}/team/", f"{review}/documents/", f"{review}/submit/", f"{review}/preview/",
                  f"{review}/history/", f"{review}/versions/", f"{review}/compare/", f"{review}/compare/1/",
                  f"{review}/word/", f"{review}/word/{world['word_upload']}/", "/reviews/notifications/",
                  f"/reviews/reports/{world['report']}/", f"{cycle}/exports/", f"{cycle}/translations/",
                  "/accounts/password_change/", "/accounts/password_change/done/", "/accounts/two-factor/",
                  "/accounts/two-factor/recovery-codes/", "/reviews/search/?q=figures"],
        STAKEHOLDER: ["/stakeholders/inputs/", f"/stakeholders/inputs/{world['input']}/"],
        "contrib-eg": ["/", f"{review}/parts/2/"],
        "reviewer-escwa": [f"/cycles/{world['cycle']}/", f"{cycle}/dashboard/", f"{review}/objectives/1/",
                           f"{cycle}/matrix/", f"{cycle}/compilations/?objective=1", f"{cycle}/practices/",
                           f"/reviews/practices/{world['practice']}/", f"{cycle}/figures/", f"{cycle}/synthesis/",
                           f"{chapter}/", f"{chapter}/preview/", f"{cycle}/reports/", f"{highlights}/",
                           f"{highlights}/{world['review'].uid}/",
                           f"{cycle}/synthesis/{world['round_table']}/practices/",
                           "/reviews/search/?q=figures&group=objective", "/stakeholders/moderation/",
                           f"/stakeholders/inputs/{world['input']}/", f"/stakeholders/compilation/{world['cycle']}/",
                           f"/stakeholders/synthesis/{world['cycle']}/{world['round_table']}/"],
        "organiser": ["/", "/users/", "/users/new/",
                      f"/users/{world['contributor'].uid}/", "/users/security/",
                      f"{cycle}/downloads/", "/stakeholders/organisations/"],
    }


def violations(page) -> list[str]:
    results = AXE.run(page)
    return [f"{item['id']} ({item['impact']}): {[node['target'] for node in item['nodes']][:3]}"
            for item in results.response["violations"]]


def test_accessibility_every_route_shape_of_every_role_in_both_languages(world, new_page):
    found = {}
    for username, paths in pages_by_role(world).items():
        for language in ("ar", "en"):
            page = new_page(locale=language)
            if username:
                sign_in(page, username, language=language, lands_home=username != STAKEHOLDER)
            for path in paths:
                response = page.goto(f"/{language}{path}")
                assert response.status == 200, f"{username} {language}{path}: {response.status}"
                if problems := violations(page):
                    found[f"{username} /{language}{path}"] = problems
            page.context.close()
    assert found == {}


def test_accessibility_contrast_rule_runs_on_the_english_twin(world, new_page):
    """The English page is where contrast is checked: axe reports the rule as applicable there."""
    page = new_page(locale="en")
    sign_in(page, "fp-eg", language="en")
    results = AXE.run(page, options={"runOnly": ["color-contrast"], "resultTypes": ["passes"]})
    assert [rule["id"] for rule in results.response["passes"]] == ["color-contrast"]


def test_phone_no_page_wider_than_the_screen(world, browser, live_server):
    """At 390 px the home page, the review's pages, the matrix, the history, the dashboard and the stakeholder
    pages fit the screen; the review's navigation waits behind a button instead of coming before the question."""
    review, cycle = f"/reviews/{world['review'].uid}", f"/reviews/cycles/{world['cycle']}"
    widths = {}
    for username, paths in {"fp-eg": ["/", f"{review}/parts/1/", f"{review}/objectives/1/", f"{review}/history/"],
                            "reviewer-escwa": [f"{cycle}/matrix/", f"{cycle}/dashboard/", f"{review}/versions/",
                                               "/stakeholders/moderation/"],
                            "organiser": ["/stakeholders/organisations/"],
                            STAKEHOLDER: ["/stakeholders/inputs/"]}.items():
        for language in ("ar", "en"):
            context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale=language)
            page = context.new_page()
            sign_in(page, username, language=language, lands_home=username != STAKEHOLDER)
            for path in paths:
                page.goto(f"/{language}{path}")
                widths[f"/{language}{path}"] = page.evaluate("document.documentElement.scrollWidth")
                if "/parts/" in path:
                    assert not page.locator("#review-nav").is_visible()
                    assert page.locator("main h1").bounding_box()["y"] < PHONE["height"]
            context.close()
    assert widths == {path: PHONE["width"] for path in widths}
