"""A country's review from start to submission, through the browser, in the Arabic interface.

The focal point starts the review, answers, chooses objectives and assigns one to a contributor;
the contributor fills that objective in English; the focal point completes what the submit page
lists as missing and submits.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from reviews.models import Answer, Country, Objective, Review, ReviewObjective, ReviewVersion
from tests import factories
from tests.e2e.steps import sign_in

pytestmark = [pytest.mark.e2e]

ARABIC_ANSWER = "اعتمدت المنهجية على مشاورات وطنية مع الوزارات ومنظمات المجتمع المدني."
MAX_MISSING_ROUNDS = 10  # more than the pages holding required items: a list that never empties fails


@pytest.fixture
def jordan(open_cycle):
    """Reference data, the open cycle with its template, and Jordan's focal point and contributor.
    Rows must be committed for the live server's thread to see them, hence transactional_db."""
    country = Country.objects.get(iso2="JO")
    return {
        "focal_point": factories.FocalPointFactory(username="fp-jo", country=country),
        "contributor": factories.ContributorFactory(username="contrib-jo", country=country),
    }


def prompt_section(page: Page, code: str):
    return page.locator(f'section[id="prompt-{code}"]')


def wait_saved(page: Page, code: str) -> None:
    """The autosave state reads the page's own "Saved" message (translated or not)."""
    saved = page.locator(".autosave-root").get_attribute("data-msg-saved")
    expect(prompt_section(page, code).locator(".save-state")).to_have_text(re.compile("^" + re.escape(saved)))


def answer(page: Page, code: str, text: str, *, language: str) -> None:
    """Write an answer and leave the field: losing focus saves at once."""
    box = prompt_section(page, code).locator(f'textarea[lang="{language}"]')
    box.fill(text)
    box.blur()
    wait_saved(page, code)


def set_stage(page: Page, stage: str) -> None:
    page.select_option('select[name="details-stage"]', stage)
    page.click("#stage button[type=submit]")
    expect(page.locator('select[name="details-stage"]')).to_have_value(stage)


def complete_missing_items(page: Page, submit_url: str, shots) -> list[str]:
    """Follow the submit page's missing-item links until the list is empty. Each round clicks the
    first link and completes, on the page it opens, every listed item that lives on that page;
    returns the anchors completed, in order."""
    completed = []
    for _round in range(MAX_MISSING_ROUNDS):
        page.goto(submit_url)
        links = page.locator(".missing-list a")
        hrefs = links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
        if not hrefs:
            return completed
        if not completed:
            shots("05-missing-items")
        links.first.click()
        opened = hrefs[0].partition("#")[0]
        for href in hrefs:
            path, _hash, anchor = href.partition("#")
            if path != opened:
                continue
            if anchor == "stage":
                set_stage(page, "planned")
            else:
                code = anchor.removeprefix("prompt-")
                answer(page, code, f"إجابة السؤال {code} من المنسق الوطني.", language="ar")
            completed.append(anchor)
    pytest.fail(f"the missing-items list was not empty after {MAX_MISSING_ROUNDS} rounds")


def test_country_workspace_review_from_start_to_submission(jordan, new_page, tmp_path):
    focal_point, contributor = jordan["focal_point"], jordan["contributor"]
    objective_6, objective_1 = Objective.objects.get(number=6), Objective.objects.get(number=1)

    def screenshots(page):
        return lambda name: page.screenshot(path=tmp_path / f"{name}.png", full_page=True)

    # The focal point starts the review and answers 1.1 in Arabic; autosave keeps it.
    fp = new_page()
    fp_shot = screenshots(fp)
    sign_in(fp, "fp-jo")
    fp.click('form[action$="/reviews/open/arab-2028/"] button[type=submit]')
    expect(fp).to_have_url(re.compile(r"/ar/reviews/[0-9a-f-]{36}/$"))
    overview_url = fp.url
    fp.click('aside a[href$="/parts/1/"]')
    box = prompt_section(fp, "1.1").locator('textarea[lang="ar"]')
    box.press_sequentially(ARABIC_ANSWER)
    wait_saved(fp, "1.1")  # saved by the pause after typing, without leaving the field
    fp_shot("01-part-1-saved")
    fp.reload()
    expect(prompt_section(fp, "1.1").locator('textarea[lang="ar"]')).to_have_value(ARABIC_ANSWER)

    # Objectives 6 and 1 are reported; objective 6 goes to the contributor.
    fp.click('aside a[href$="/objectives/"]')
    fp.check(f'input[name="reported"][value="{objective_6.pk}"]')
    fp.check(f'input[name="reported"][value="{objective_1.pk}"]')
    fp.click("main form button[type=submit]")
    expect(fp.locator(f'input[name="reported"][value="{objective_6.pk}"]')).to_be_checked()
    expect(fp.locator('aside a[href$="/objectives/6/"]')).to_have_count(1)
    fp_shot("02-objectives")
    fp.click('aside a[href$="/team/"]')
    member = fp.locator("#member-contrib-jo")
    member.locator(f'input[name="objectives"][value="{objective_6.pk}"]').check()
    member.locator("button[type=submit]").click()
    expect(fp.locator(f'#member-contrib-jo input[name="objectives"][value="{objective_6.pk}"]')).to_be_checked()
    fp_shot("03-team")

    # The contributor fills objective 6 in English and sees the rest read-only.
    contrib = new_page()
    contrib_shot = screenshots(contrib)
    sign_in(contrib, "contrib-jo")
    contrib.click('main a[href*="/reviews/"]')
    contrib.click('aside a[href$="/objectives/6/"]')
    set_stage(contrib, "under_way")
    # A prompt code keeps its left-to-right order ("3.a", not "a.3") inside the Arabic page.
    expect(prompt_section(contrib, "3.a").locator('h3 [dir="ltr"]')).to_have_text("3.a")
    for code in ("3.a", "3.b", "3.c"):
        answer(contrib, code, f"Objective 6, answer to {code} by the Ministry of Labour.", language="en")
    contrib_shot("04-contributor-objective-6")
    contrib.click('aside a[href$="/parts/1/"]')
    expect(prompt_section(contrib, "1.1").locator("textarea")).to_have_count(0)
    expect(prompt_section(contrib, "1.1").locator('.user-text[lang="ar"]')).to_have_text(ARABIC_ANSWER)
    expect(contrib.locator('a[href$="/submit/"]')).to_have_count(0)
    contrib.goto(contrib.url.replace("/parts/1/", "/submit/"))
    expect(contrib.locator("main form[method=post] button[type=submit]")).to_have_count(0)

    # The focal point completes what is missing, then submits.
    fp.goto(overview_url)
    fp.click('aside a[href$="/submit/"]')
    submit_url = fp.url
    completed = complete_missing_items(fp, submit_url, fp_shot)
    # Everything but 1.1 and objective 6: the rest of parts 1, 2, 4 and 5, prompt 3.0, and objective 1.
    assert completed == [
        *(f"prompt-1.{n}" for n in range(2, 6)), *(f"prompt-2.{n}" for n in range(1, 6)), "prompt-3.0",
        "prompt-3.a", "prompt-3.b", "prompt-3.c", "stage",
        *(f"prompt-4.{n}" for n in range(1, 5)), *(f"prompt-5.{n}" for n in range(1, 4)),
    ]
    expect(fp.locator(".alert-success")).to_have_count(1)
    fp_shot("06-ready")
    fp.check('main input[name="confirm"]')  # submitting asks for confirmation
    fp.click("main form[method=post] button[type=submit]")
    expect(fp).to_have_url(overview_url)
    expect(fp.locator("main .alert-info")).to_have_count(1)
    expect(fp.locator('aside a[href$="/submit/"]')).to_have_count(0)
    fp.click('aside a[href$="/parts/1/"]')
    expect(fp.locator("main .answer-form textarea")).to_have_count(0)
    fp_shot("07-submitted-read-only")

    review = Review.objects.get(country__iso2="JO", cycle__slug="arab-2028")
    assert review.status == Review.Status.SUBMITTED
    assert list(ReviewVersion.objects.filter(review=review).values_list("number", flat=True)) == [1]
    first = Answer.objects.get(review=review, prompt__code="1.1", objective=None)
    assert (first.text_ar, first.updated_by) == (ARABIC_ANSWER, focal_point)
    stage = ReviewObjective.objects.get(review=review, objective=objective_6)
    assert (stage.stage, stage.updated_by) == (ReviewObjective.Stage.UNDER_WAY, contributor)
    objective_answers = Answer.objects.filter(review=review, objective=objective_6).order_by("prompt__code")
    assert [(a.prompt.code, a.updated_by) for a in objective_answers] == [
        ("3.a", contributor), ("3.b", contributor), ("3.c", contributor)]
