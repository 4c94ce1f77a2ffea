from reviews.selectors.passages import passage, sentences


def test_sentences_split_at_sentence_ends_in_both_languages_and_keep_numbers_whole():
    text = "تعمل الحكومة على إصلاح نظام الكفالة. هل اعتمد القانون 3.5 لعام ٢٠٢٣؟ نعم!\nفقرة ثانية"

    assert sentences(text) == ["تعمل الحكومة على إصلاح نظام الكفالة.", "هل اعتمد القانون 3.5 لعام ٢٠٢٣؟", "نعم!",
                               "فقرة ثانية"]
    assert sentences('He said "yes." Then left.') == ['He said "yes."', "Then left."]
    assert sentences("  \n ") == []


def test_passage_takes_a_clamped_range_and_cuts_to_the_word_limit():
    text = "One. Two. Three."

    assert passage(text) == "One."
    assert passage(text, first=1, last=2) == "Two. Three."
    assert passage(text, first=2, last=9) == "Three."
    assert passage(text, first=5, last=1) == "Three."
    assert passage("", first=0, last=3) == ""
    assert passage("word, " * 80, max_words=60) == ("word, " * 59 + "word") + "…"
