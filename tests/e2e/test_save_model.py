"""The one save model, through the browser: objective details save themselves like answers, and a
table row, which keeps its explicit save, brings the user back to it with the focus on its error."""

import re

import pytest
from playwright.sync_api import Page, expect

from reviews.models import Country, GovernmentEntity, GuidingPrinciple, Objective, ReviewObjective
from tests import factories
from tests.e2e.steps import sign_in

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def jordan_review(open_cycle):
    """Jordan's draft, reporting on objective 1, with one government entity in part 1."""
    country = Country.objects.get(iso2="JO")
    focal_point = factories.FocalPointFactory(username="fp-jo", country=country)
    review = factories.ReviewFactory(cycle=open_cycle, country=country)
    factories.ReviewObjectiveFactory(review=review, objective=Objective.objects.get(number=1),
                                     stage=ReviewObjective.Stage.UNDER_WAY, updated_by=focal_point)
    entity = factories.GovernmentEntityFactory(review=review, name="وزارة العمل", updated_by=focal_point)
    return {"review": review, "focal_point": focal_point, "entity": entity}


def test_a_ticked_principle_is_still_ticked_after_leaving_and_coming_back(new_page, jordan_review):
    review = jordan_review["review"]
    principle = GuidingPrinciple.objects.order_by("pk").first()
    page: Page = new_page()
    sign_in(page, "fp-jo")
    objective_url = f"/ar/reviews/{review.uid}/objectives/1/"
    page.goto(objective_url)
    saved = page.locator(".autosave-root").get_attribute("data-msg-saved")

    page.check(f'#stage input[name="details-principles"][value="{principle.pk}"]')
    expect(page.locator("#stage .save-state")).to_have_text(re.compile("^" + re.escape(saved)))
    page.goto(f"/ar/reviews/{review.uid}/")
    page.goto(objective_url)

    expect(page.locator(f'#stage input[name="details-principles"][value="{principle.pk}"]')).to_be_checked()
    assert list(ReviewObjective.objects.get(review=review).principles.all()) == [principle]


def test_a_failed_row_save_lands_on_the_row_with_focus_on_the_error(new_page, jordan_review):
    review, entity = jordan_review["review"], jordan_review["entity"]
    page: Page = new_page()
    sign_in(page, "fp-jo")
    page.goto(f"/ar/reviews/{review.uid}/parts/1/")
    row = page.locator(f"#row-{entity.uid}")

    row.locator("a.row-edit").click()
    row.locator(f'[name="entities-{entity.uid}-name"]').fill("")
    row.locator("button[type=submit]", has_text=re.compile(".")).first.click()

    expect(page).to_have_url(re.compile(rf"#row-{entity.uid}$"))
    expect(page.locator(f"#id_entities-{entity.uid}-name")).to_be_focused()
    expect(page.locator(f"#id_entities-{entity.uid}-name")).to_have_class(re.compile(r"\bis-invalid\b"))
    assert GovernmentEntity.objects.get(pk=entity.pk).name == "وزارة العمل"


def test_leaving_with_a_changed_row_asks_first(new_page, jordan_review):
    review, entity = jordan_review["review"], jordan_review["entity"]
    page: Page = new_page()
    sign_in(page, "fp-jo")
    page.goto(f"/ar/reviews/{review.uid}/parts/1/")
    asked = []
    page.on("dialog", lambda dialog: asked.append(dialog.type))

    page.locator(f"#row-{entity.uid} a.row-edit").click()
    page.locator(f'[name="entities-{entity.uid}-name"]').fill("وزارة الداخلية")
    page.goto(f"/ar/reviews/{review.uid}/")

    assert asked == ["beforeunload"]
    assert GovernmentEntity.objects.get(pk=entity.pk).name == "وزارة العمل"


def test_edit_row_puts_the_rows_form_in_place_and_saves_it(new_page, jordan_review):
    """The page sends rows as text; "Edit row" puts the row's form in place, as the server shows it."""
    review, entity = jordan_review["review"], jordan_review["entity"]
    page: Page = new_page()
    sign_in(page, "fp-jo")
    page.goto(f"/ar/reviews/{review.uid}/parts/1/")
    row = page.locator(f"#row-{entity.uid}")
    expect(row.locator("form.row-form")).to_have_count(0)

    row.locator("a.row-edit").click()
    name = row.locator(f"#id_entities-{entity.uid}-name")
    expect(name).to_be_focused()
    expect(name).to_have_value("وزارة العمل")
    expect(row.locator(f'select[name="entities-{entity.uid}-level"]')).to_have_value(entity.level)
    expect(row.locator(f'label[for="id_entities-{entity.uid}-name"]')).to_have_count(1)
    row.locator("form.row-form a.row-cancel").click()
    expect(row.locator("form.row-form")).to_have_count(0)
    expect(row.locator("dl")).to_be_visible()

    row.locator("a.row-edit").click()
    name.fill("وزارة الداخلية")
    row.locator("form.row-form button.btn-primary").click()

    expect(page).to_have_url(re.compile(rf"#row-{entity.uid}$"))
    expect(page.locator(f"#row-{entity.uid} dl")).to_contain_text("وزارة الداخلية")
    assert GovernmentEntity.objects.get(pk=entity.pk).version == 2


def test_delete_row_is_in_the_rows_form(new_page, jordan_review):
    review, entity = jordan_review["review"], jordan_review["entity"]
    page: Page = new_page()
    sign_in(page, "fp-jo")
    page.goto(f"/ar/reviews/{review.uid}/parts/1/")
    row = page.locator(f"#row-{entity.uid}")

    row.locator("a.row-edit").click()
    row.locator(f'button[form="delete-{entity.uid}"]').click()

    expect(page.locator(f"#row-{entity.uid}")).to_have_count(0)
    assert not GovernmentEntity.objects.filter(pk=entity.pk).exists()
