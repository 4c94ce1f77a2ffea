"""Steps the end-to-end tests share: every user the factories create signs in with PASSWORD."""

import re

from playwright.sync_api import Page, expect

PASSWORD = "correct-horse-battery"


def sign_in(page: Page, username: str, *, language: str = "ar", lands_home: bool = True) -> None:
    """Signs in through the login page in `language` (checking the page's language and direction);
    `lands_home=False` when a further step (two-factor login) comes before the home page."""
    page.goto(f"/{language}/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    if lands_home:
        expect(page).to_have_url(re.compile(rf"/{language}/$"))
