"""Writing the demo's regional synthesis, as a regional reviewer would: chapter texts, objective sections,
featured good practices and citations go through the synthesis services, so the audit trail is real.
What it says is in reviews/demo/synthesis_text.py; the facts it quotes (who reports what, how many
consultations...) are read from the reviews the report compiles, so the prose agrees with the data.

Like the rest of the demo, nothing written is overwritten: a chapter or section that has text, a chapter
that already features practices or cites answers, a section with chosen highlights, key messages that
exist, are left as they are.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Sum

from reviews.demo import synthesis_text as text
from reviews.demo.content import LEADS, STATISTICS
from reviews.demo.synthesis_sections import OBJECTIVE_SECTIONS
from reviews.demo.tables import POLICIES
from reviews.demo.words import demo_programme, join_en
from reviews.models import (
    Answer,
    ChapterCitation,
    Consultation,
    Country,
    CountryHighlight,
    GoodPractice,
    KeyMessage,
    Language,
    Objective,
    ObjectiveSynthesis,
    PlanStatus,
    Policy,
    Review,
    ReviewCycle,
    ReviewObjective,
    SynthesisChapter,
)
from reviews.selectors.passages import sentences
from reviews.services.highlights import highlight_choose
from reviews.services.key_messages import key_message_create
from reviews.services.synthesis import (
    chapter_cite,
    chapter_feature_practice,
    chapter_text_save,
    objective_synthesis_save,
    synthesis_chapters_ensure,
)

User = get_user_model()
Kind = SynthesisChapter.Kind

_NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_WITH_THE = {"AE", "KM", "PS", "SY"}  # "the United Arab Emirates", in running English text


@dataclass(frozen=True)
class DemoSynthesis:
    """How much of a cycle's synthesis is written, for load_demo's summary."""

    key_messages: int
    chapters: int
    sections: int
    highlights: int
    featured: int
    citations: int


@transaction.atomic
def demo_synthesis_write(*, cycle: ReviewCycle, statuses) -> None:
    """Write the cycle's regional synthesis from the reviews in `statuses` (those its report compiles),
    as the demo's regional reviewer. Nothing is written when there is no such review or no reviewer."""
    author = User.objects.filter(username=text.DEMO_SYNTHESIS_AUTHOR).first()
    region = _Region(cycle=cycle, statuses=statuses)
    if author is None or not region.reviews:
        return
    synthesis_chapters_ensure(cycle=cycle)
    chapters = list(SynthesisChapter.objects.filter(cycle=cycle).select_related("round_table"))
    for chapter in chapters:
        texts = _chapter_texts(chapter, region)
        if texts and not chapter.is_written:
            chapter_text_save(chapter=chapter, user=author, text_en=texts[0], text_ar=texts[1],
                              original_language=Language.AR, base_version=chapter.version)
    sections = list(ObjectiveSynthesis.objects.filter(chapter__cycle=cycle).select_related("chapter", "objective"))
    for section in sections:
        number = section.objective.number
        if section.is_written or number not in OBJECTIVE_SECTIONS:
            continue
        examples, english, arabic = OBJECTIVE_SECTIONS[number]
        words = region.objective_words(number, examples)
        objective_synthesis_save(synthesis=section, user=author, text_en=english.format(**words["en"]),
                                 text_ar=arabic.format(**words["ar"]), original_language=Language.AR,
                                 base_version=section.version)
    _practices_feature(chapters=chapters, region=region, author=author)
    _answers_cite(chapters=chapters, region=region, author=author)
    _key_messages_and_highlights_write(chapters=chapters, sections=sections, region=region, author=author)


def demo_synthesis_summary(*, cycle: ReviewCycle) -> DemoSynthesis:
    """What the cycle's synthesis holds: the key messages, the chapters and sections written."""
    chapters = SynthesisChapter.objects.filter(cycle=cycle)
    sections = ObjectiveSynthesis.objects.filter(chapter__cycle=cycle)
    return DemoSynthesis(
        key_messages=KeyMessage.objects.filter(chapter__cycle=cycle).count(),
        chapters=sum(1 for chapter in chapters if chapter.is_written),
        sections=sum(1 for section in sections if section.is_written),
        highlights=CountryHighlight.objects.filter(section__chapter__cycle=cycle).count(),
        featured=SynthesisChapter.featured_practices.through.objects.filter(synthesischapter__cycle=cycle).count(),
        citations=ChapterCitation.objects.filter(chapter__cycle=cycle).count(),
    )


def _key_messages_and_highlights_write(*, chapters, sections, region: "_Region", author) -> None:
    """Key messages and chosen highlights, through the synthesis editor's services (audited as `author`)."""
    key_chapter = next((chapter for chapter in chapters if chapter.kind == Kind.KEY_MESSAGES), None)
    if key_chapter is not None and not key_chapter.key_messages.exists():
        objectives = {o.number: o for o in Objective.objects.all()}
        for numbers, english, arabic in text.KEY_MESSAGES:
            key_message_create(chapter=key_chapter, user=author, text_ar=arabic, text_en=english,
                               original_language=Language.AR, objectives=[objectives[n] for n in numbers])
    by_objective = {section.objective.number: section for section in sections}
    chosen = set(CountryHighlight.objects.filter(section__in=sections).values_list("section_id", flat=True))
    for number, code, first, last, preferred in text.CHOSEN_HIGHLIGHTS:
        section = by_objective.get(number)
        if section is None or section.pk in chosen:
            continue
        found = region.answer_sentences(number, code, preferred, at_least=first + 1)
        if found:
            review, count = found
            highlight_choose(section=section, review=review, prompt_code=code, first_sentence=first,
                             last_sentence=min(last, count - 1), base_version=0, user=author)


def _practices_feature(*, chapters, region: "_Region", author) -> None:
    for chapter in chapters:
        if not chapter.is_round_table or chapter.featured_practices.exists():
            continue
        for number, preferred in text.FEATURED_PRACTICES.get(chapter.round_table.number, []):
            review = region.reporting_review(number, preferred)
            practices = GoodPractice.objects.filter(review_objective__review=review,
                                                    review_objective__objective__number=number)
            practice = practices.order_by("pk").first() if review else None
            if practice:
                chapter_feature_practice(chapter=chapter, practice=practice, user=author, featured=True)


def _answers_cite(*, chapters, region: "_Region", author) -> None:
    cited = set(ChapterCitation.objects.filter(chapter__in=chapters).values_list("chapter_id", flat=True))
    for kind, round_table, code, number, preferred in text.CITATIONS:
        chapter = next((c for c in chapters if c.kind == kind
                        and (round_table is None or c.round_table and c.round_table.number == round_table)), None)
        if chapter is None or chapter.pk in cited:
            continue
        review = region.reporting_review(number, preferred) if number else region.review_of(preferred)
        if review is not None:
            chapter_cite(chapter=chapter, review=review, prompt_code=code, objective_number=number, note="",
                         user=author)


def _chapter_texts(chapter: SynthesisChapter, region: "_Region") -> tuple[str, str] | None:
    if chapter.is_round_table:
        texts = text.ROUND_TABLE_CHAPTERS.get(chapter.round_table.number)
        words = region.round_table_words([o.number for o in chapter.round_table.objectives.all()])
    else:
        texts = text.CHAPTERS.get(chapter.kind)
        words = region.chapter_words
    if texts is None:
        return None
    return texts[0].format(**words["en"]), texts[1].format(**words["ar"])


class _Region:
    """The reviews the synthesis speaks of and what they hold, read once."""

    def __init__(self, *, cycle: ReviewCycle, statuses):
        self.reviews = list(Review.objects.filter(cycle=cycle, status__in=list(statuses)).select_related("country")
                            .order_by("country__name_en"))
        self.by_iso2 = {review.country.iso2: review for review in self.reviews}
        self.reporting = defaultdict(list)  # objective number -> reviews reporting it
        by_pk = {review.pk: review for review in self.reviews}
        rows = (ReviewObjective.objects.filter(review__in=self.reviews, is_reported=True)
                .values_list("objective__number", "review_id").order_by("objective__number", "review__country__name_en"))
        for number, review_id in rows:
            self.reporting[number].append(by_pk[review_id])
        self.objectives = {o.number: o for o in Objective.objects.all()}
        self.countries = Country.objects.count()

    def review_of(self, preferred) -> Review | None:
        """The first of the preferred countries whose review is compiled, else the first compiled."""
        return _first_preferred(self.reviews, preferred)

    def reporting_review(self, number: int, preferred) -> Review | None:
        """The first of the preferred countries that reports on the objective, else the first that does."""
        return _first_preferred(self.reporting.get(number, []), preferred)

    def answer_sentences(self, number: int, code: str, preferred, *, at_least: int) -> tuple[Review, int] | None:
        """The first preferred country (then any) whose answer to `code` on the objective has `at_least`
        sentences in both languages, with that answer's number of sentences."""
        reporting = self.reporting.get(number, [])
        order = [r for iso2 in preferred for r in reporting if r.country.iso2 == iso2] + reporting
        answers = {answer.review_id: answer for answer in Answer.objects.filter(
            review__in=reporting, objective__number=number, prompt__code=code)}
        for review in order:
            answer = answers.get(review.pk)
            if answer is None:
                continue
            count = min(len(sentences(t)) for t in (answer.text_ar, answer.text_en) if t.strip())
            if count >= at_least:
                return review, count
        return None

    def objective_words(self, number: int, examples) -> dict[str, dict]:
        reporting = self.reporting.get(number, [])
        example = self.reporting_review(number, examples)
        words = self._countries_words(reporting)
        if example is None:  # nobody reports it: the section speaks of the region only
            return words
        programme, lead = demo_programme(example.country.iso2, number), LEADS.get(number, STATISTICS)
        name = _name_en(example.country)
        words["en"].update(example=name, example_cap=name[:1].upper() + name[1:], lead=lead[0],
                           programme=f"the {programme[0]} programme", programme_cap=f"The {programme[0]} programme")
        words["ar"].update(example=example.country.name_ar, example_cap=example.country.name_ar, lead=lead[1],
                           programme=f"برنامج «{programme[1]}»", programme_cap=f"برنامج «{programme[1]}»")
        return words

    def round_table_words(self, numbers: list[int]) -> dict[str, dict]:
        reviews = {review.pk: review for n in numbers for review in self.reporting.get(n, [])}
        words = self._countries_words(list(reviews.values()))
        self._most_and_least(words, numbers)
        return words

    @cached_property
    def chapter_words(self) -> dict[str, dict]:
        words = self._countries_words(self.reviews)
        pending = self.countries - len(self.reviews)
        consultations = Consultation.objects.filter(review__in=self.reviews).aggregate(
            held=Count("pk"), people=Sum("participants"))
        adopted = Policy.objects.filter(review__in=self.reviews, status=Policy.Status.ADOPTED)
        policy_names = {"domestic_decree": POLICIES[1][0], "wage_protection": POLICIES[4][0]}
        lists = {key: self._names([p.review for p in adopted.filter(title__in=titles).select_related("review__country")])
                 for key, titles in policy_names.items()}
        for status, key in ((PlanStatus.ADOPTED, "plans_adopted"), (PlanStatus.INTEGRATED, "plans_integrated")):
            lists[key] = self._names([review for review in self.reviews if review.plan_status == status])
        held, people = consultations["held"], consultations["people"] or 0
        words["en"].update(pending=_count_en(pending), consultations=held, participants=f"{people:,}",
                           policies=adopted.count(), **{key: en for key, (en, _ar) in lists.items()})
        words["ar"].update(pending=_count_ar(pending), consultations=held, participants=people,
                           policies=adopted.count(), **{key: ar for key, (_en, ar) in lists.items()})
        self._most_and_least(words, list(self.objectives))
        return words

    def _countries_words(self, reviews: list[Review]) -> dict[str, dict]:
        names_en, names_ar = self._names(reviews)
        return {"en": {"count": _count_en(len(reviews)), "names": names_en},
                "ar": {"count": _count_ar(len(reviews)), "names": names_ar}}

    @staticmethod
    def _names(reviews: list[Review]) -> tuple[str, str]:
        countries = [review.country for review in reviews]
        return (join_en([_name_en(c) for c in sorted(countries, key=lambda c: c.name_en)]),
                " و".join(sorted((c.name_ar for c in countries), key=_arabic_order)))  # «الأردن وقطر والمغرب»

    def _most_and_least(self, words: dict[str, dict], numbers: list[int]) -> None:
        """The most reported objective among `numbers` (the lowest number on a tie), and the least reported
        other one."""
        counts = {n: len(self.reporting.get(n, [])) for n in numbers}
        most = max(numbers, key=lambda n: (counts[n], -n))
        least = min((n for n in numbers if n != most), key=lambda n: (counts[n], n), default=most)
        for key, number in (("most", most), ("least", least)):
            objective = self.objectives[number]
            words["en"][key] = f"objective {number} ({objective.short_label_en})"
            words["ar"][key] = f"الهدف {number} («{objective.short_label_ar}»)"


def _first_preferred(reviews: list[Review], preferred) -> Review | None:
    ranked = sorted(reviews, key=lambda r: preferred.index(r.country.iso2) if r.country.iso2 in preferred
                    else len(preferred))
    return ranked[0] if ranked else None


def _arabic_order(name: str) -> str:
    """Arabic names are listed in alphabetical order without their article: «الأردن» under «أ»."""
    return name.removeprefix("ال")


def _name_en(country: Country) -> str:
    return f"the {country.name_en}" if country.iso2 in _WITH_THE else country.name_en


def _count_en(n: int) -> str:
    word = _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)
    return f"{word} {'country' if n == 1 else 'countries'}"


def _count_ar(n: int) -> str:
    """That many countries, after a preposition (the genitive): «من بلدين»، «من 5 بلدان»، «من 12 بلداً»."""
    if n == 1:
        return "بلد واحد"
    if n == 2:
        return "بلدين"
    return f"{n} بلدان" if 3 <= n <= 10 else f"{n} بلداً"
