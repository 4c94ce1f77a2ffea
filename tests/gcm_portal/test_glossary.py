"""The Arabic catalogue against the glossary kept in docs/glossary.md (its "Checked in the catalogue" tables).

The compiled catalogue is read with the standard library, so the check sees exactly what Django serves."""

import gettext
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

GLOSSARY = Path(settings.BASE_DIR) / "docs" / "glossary.md"
CATALOGUE = Path(settings.BASE_DIR) / "locale" / "ar" / "LC_MESSAGES" / "django.po"
# Short vowels, tanwin, shadda, sukun and tatweel: «مُدقَّقة» and «مدققة» are the same word.
DIACRITICS = re.compile("[\u064b-\u0652\u0640]")
PROCLITIC = "(?<!\\w)(?:[وفبلك]{1,2})?"


def plain(arabic: str) -> str:
    return DIACRITICS.sub("", arabic)


def glossary_table(heading: str) -> list[list[str]]:
    """The body rows of the Markdown table under a `### heading`, cells stripped ("\\|" is a literal bar)."""
    section = GLOSSARY.read_text(encoding="utf-8").split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]
    return [[cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def catalogue_messages(tmp_path_factory) -> dict[str, list[str]]:
    """(context|)msgid -> every Arabic form of it (one per plural form)."""
    compiled = tmp_path_factory.mktemp("glossary") / "django.mo"
    subprocess.run(["msgfmt", "-o", str(compiled), str(CATALOGUE)], check=True)
    with compiled.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    messages: dict[str, list[str]] = {}
    for key, text in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid:  # "" is the header
            messages.setdefault(msgid.replace("\x04", "|"), []).append(text)
    return messages


@pytest.fixture(scope="module")
def messages(tmp_path_factory):
    exempt = {row[0] for row in glossary_table("Exempt messages")}
    return {key: texts for key, texts in catalogue_messages(tmp_path_factory).items() if key not in exempt}


def test_glossary_tables_are_read(messages):
    assert len(glossary_table("Rejected variants")) >= 30
    assert len(glossary_table("Required renderings")) >= 20
    assert glossary_table("Exempt messages") == [["report|English edition", glossary_table("Exempt messages")[0][1]]]
    assert len(messages) > 700


def test_catalogue_has_no_rejected_variant(messages):
    rejected = [(avoid, re.compile(PROCLITIC + re.escape(plain(avoid)) + r"(?!\w)"))
                for avoid, _use in glossary_table("Rejected variants")]
    found = sorted((key, avoid) for key, texts in messages.items() for text in texts
                   for avoid, pattern in rejected if pattern.search(plain(text)))
    assert found == []


def test_catalogue_renders_each_term_as_the_glossary_says(messages):
    missing = []
    for english, arabic in glossary_table("Required renderings"):
        term = re.compile(r"\b(?:" + english.replace("; ", "|") + r")\b", re.IGNORECASE)
        forms = [plain(form) for form in arabic.split("; ")]
        for key, texts in messages.items():
            if term.search(key.split("|", 1)[-1]):
                missing += [(english, key, text) for text in texts if not any(form in plain(text) for form in forms)]
    assert missing == []


@pytest.mark.parametrize(("text", "found"), [
    ("يمكن تقديمه بالإنجليزية", True),  # an attached ب
    ("البيئة التمكينية", False),  # «تم» only as a word
    ("تم الحفظ", True),
    ("مُراجَعة", False),  # "review" stays legitimate
])
def test_rejected_variant_matches_words_only(text, found):
    patterns = [re.compile(PROCLITIC + re.escape(plain(avoid)) + r"(?!\w)")
                for avoid, _use in glossary_table("Rejected variants")]
    assert any(pattern.search(plain(text)) for pattern in patterns) is found
