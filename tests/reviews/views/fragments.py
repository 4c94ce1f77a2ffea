"""What the pages' markup of a text in a language is, for the tests that pin it."""

# The attributes review_tags.lang_dir gives a fragment of user text in each language.
LANG_DIR = {"ar": 'lang="ar" dir="rtl"', "en": 'lang="en" dir="ltr"'}
