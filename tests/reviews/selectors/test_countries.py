"""The order of country names (reviews/selectors/countries.py): Arabic without its article."""

import pytest
from django.utils import translation

from reviews.models import Country
from reviews.selectors.countries import by_country_name, name_sort_key

# Some of the region's names, each with and without the article and with every form of alif.
NAMES = [("JO", "الأردن", "Jordan"), ("AE", "الإمارات العربية المتحدة", "United Arab Emirates"),
         ("BH", "البحرين", "Bahrain"), ("TN", "تونس", "Tunisia"), ("DZ", "الجزائر", "Algeria"),
         ("SA", "المملكة العربية السعودية", "Saudi Arabia"), ("SD", "السودان", "Sudan"),
         ("SY", "الجمهورية العربية السورية", "Syrian Arab Republic"), ("SO", "الصومال", "Somalia"),
         ("IQ", "العراق", "Iraq"), ("OM", "عُمان", "Oman"), ("PS", "دولة فلسطين", "State of Palestine"),
         ("QA", "قطر", "Qatar"), ("KM", "جزر القمر", "Comoros"), ("KW", "الكويت", "Kuwait"),
         ("LB", "لبنان", "Lebanon"), ("LY", "ليبيا", "Libya"), ("EG", "مصر", "Egypt"),
         ("MA", "المغرب", "Morocco"), ("MR", "موريتانيا", "Mauritania"), ("YE", "اليمن", "Yemen"),
         ("DJ", "جيبوتي", "Djibouti")]
# الأردن under أ, الإمارات beside it, عُمان as عمان.
ARABIC_ORDER = ["JO", "AE", "BH", "TN", "DZ", "KM", "SY", "DJ", "PS", "SD", "SO", "IQ", "OM", "QA", "KW", "LB",
                "LY", "EG", "MA", "SA", "MR", "YE"]


@pytest.mark.parametrize(("name", "key"), [
    ("الأردن", "اردن"), ("إثيوبيا", "اثيوبيا"), ("آيسلندا", "ايسلندا"), ("عُمان", "عمان"), ("ال", "ال"), ("Jordan", "jordan"),
])
def test_name_sort_key_drops_the_article_and_unifies_alif(name, key):
    assert name_sort_key(name) == key


@pytest.fixture
def countries(db):
    Country.objects.all().delete()
    return Country.objects.bulk_create(Country(iso2=iso2, name_ar=ar, name_en=en) for iso2, ar, en in NAMES)


@pytest.mark.parametrize(("language", "expected"), [
    ("ar", ARABIC_ORDER),
    ("en", [iso2 for iso2, _ar, en in sorted(NAMES, key=lambda row: row[2])]),
])
def test_countries_sort_by_their_name_in_the_active_language(countries, language, expected):
    with translation.override(language):
        in_python = [country.iso2 for country in by_country_name(Country.objects.all())]

    assert in_python == expected
