"""Every pair the search must treat as one word, in both directions: what is written one way is found by a
query written the other way, because indexing and querying fold both to the same form."""

import pytest

from reviews.search.normalise import language_of, normalise, searchable, words

PAIRS = [
    pytest.param("مُهاجِر", "مهاجر", id="diacritics"),
    pytest.param("مهـاجر", "مهاجر", id="tatweel"),
    pytest.param("أمن", "امن", id="alef-hamza-above"),
    pytest.param("إدارة", "ادارة", id="alef-hamza-below"),
    pytest.param("آمن", "امن", id="alef-madda"),
    pytest.param("ٱلهجرة", "الهجرة", id="alef-wasla"),
    pytest.param("الكفالة", "الكفاله", id="taa-marbuta"),
    pytest.param("مستوى", "مستوي", id="alef-maqsura"),
    pytest.param("مسؤول", "مسوول", id="hamza-on-waw"),
    pytest.param("رئيس", "رييس", id="hamza-on-yaa"),
    pytest.param("سماء", "سما", id="lone-hamza"),
    pytest.param("\u0627\u0654من", "امن", id="combining-hamza-above"),
    pytest.param("٢٠٢٤", "2024", id="arabic-indic-digits"),
    pytest.param("۲۰۲۴", "2024", id="persian-digits"),
    pytest.param("\u200fالهجرة\u200e", "الهجرة", id="direction-marks"),
    pytest.param("\u2067الهجرة\u2069", "الهجرة", id="direction-isolates"),
    pytest.param("Remittances", "remittances", id="english-case"),
    pytest.param("Réintégration", "reintegration", id="english-accents"),
]


@pytest.mark.parametrize(("written", "other"), PAIRS)
def test_normalise_folds_each_pair_both_ways(written, other):
    assert normalise(written) == normalise(other)
    assert normalise(other) == normalise(normalise(written))  # idempotent: a query is normalised once more


def test_normalise_makes_whole_words_of_punctuation():
    assert normalise("«الكفالة»، والعمال: (2024) workers'; kafala.") == "الكفاله والعمال 2024 workers kafala"


def test_normalise_keeps_different_words_apart():
    assert normalise("عمل") != normalise("عامل")
    assert normalise("ادارة") != normalise("اداري")


def test_words_splits_the_normalised_text():
    assert words("إدارة  الـهجرة") == ["اداره", "الهجره"]


@pytest.mark.parametrize(("text", "language"), [("نص عربي", "ar"), ("English text", "en"), ("SDG 10.7 الهدف", "ar")])
def test_language_of_reads_the_script(text, language):
    assert language_of(text) == language


def test_searchable_splits_a_conjunction_off_a_word_with_the_article():
    assert searchable("والهجرة فالعمال وزارة والد ولد") == "الهجره العمال وزاره والد ولد"
    assert searchable("الهجرة") == searchable("والهجرة") == searchable("فالهجرة")
