"""A review beside the country's review of the previous cycle: what moved since, objective by objective.

The previous cycle is the latest one held before (by its regional conference, then its slug). The
comparison reads a fixed number of queries whatever the number of countries: it reads two reviews only.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from reviews.models import (
    Answer,
    GuidingPrompt,
    Objective,
    Policy,
    Review,
    ReviewCycle,
    ReviewObjective,
)
from reviews.models.content import ShownText
from reviews.selectors.visibility import reviews_visible_to

STAGE_ORDER = {value: position for position, value in enumerate(ReviewObjective.Stage.values)}


class Movement:
    UP = "up"
    DOWN = "down"
    SAME = "same"
    NEW = "new"  # reported now, not then
    DROPPED = "dropped"  # reported then, not now
    UNKNOWN = ""  # a stage missing on either side


MOVEMENT_LABELS = {
    Movement.UP: gettext_lazy("Moved up"), Movement.DOWN: gettext_lazy("Moved down"),
    Movement.SAME: gettext_lazy("Same stage"), Movement.NEW: gettext_lazy("Newly reported"),
    Movement.DROPPED: gettext_lazy("No longer reported"), Movement.UNKNOWN: gettext_lazy("Stage not stated"),
}

def previous_cycle(cycle: ReviewCycle) -> ReviewCycle | None:
    """The cycle held just before `cycle`: by regional conference, or by slug where a date is missing."""
    earlier = ReviewCycle.objects.exclude(pk=cycle.pk)
    if cycle.conference:
        earlier = earlier.filter(Q(conference__lt=cycle.conference) | Q(conference__isnull=True, slug__lt=cycle.slug))
    else:
        earlier = earlier.filter(slug__lt=cycle.slug)
    return earlier.order_by("-conference", "-slug").first()


def cycle_year(cycle: ReviewCycle | None) -> str:
    """How people name a cycle: the year of its conference ("2024"), else its slug's last part."""
    if cycle is None:
        return ""
    if cycle.conference:
        return str(cycle.conference.year)
    return cycle.slug.rsplit("-", 1)[-1]


def carried_over_years(answers) -> dict[int, str]:
    """The year of each cycle the answers were carried over from, by cycle id: one query, none when no answer
    is marked."""
    ids = {answer.carried_over_from_id for answer in answers if answer.carried_over_from_id}
    if not ids:
        return {}
    return {cycle.pk: cycle_year(cycle) for cycle in ReviewCycle.objects.filter(pk__in=ids)}


def carried_over_answers(review: Review) -> list[Answer]:
    """The answers still marked as carried over from the previous review (the submission check lists them)."""
    return list(Answer.objects.filter(review=review, carried_over_from__isnull=False)
                .select_related("prompt__part", "objective", "carried_over_from")
                .order_by("prompt__part__number", "objective__number", "prompt__position", "prompt__code"))


def previous_review_of(review: Review, *, user, cycle: ReviewCycle | None = None) -> Review | None:
    """The same country's review in the previous cycle, as far as the user may see it, once submitted (or
    imported): a draft the country never submitted is no review to compare with."""
    cycle = cycle if cycle is not None else previous_cycle(review.cycle)
    if cycle is None:
        return None
    return (reviews_visible_to(user).filter(cycle=cycle, country_id=review.country_id,
                                             first_submitted_at__isnull=False).first())


def _accepted(*, user, cycle: ReviewCycle) -> QuerySet[Review]:
    return reviews_visible_to(user).filter(cycle=cycle, status=Review.Status.ACCEPTED)


def previous_reviews(*, user, cycle: ReviewCycle) -> QuerySet[Review]:
    """The previous cycle's accepted reviews the user sees (none without a previous cycle): what a comparison
    with the previous cycle reads."""
    earlier = previous_cycle(cycle)
    return Review.objects.none() if earlier is None else _accepted(user=user, cycle=earlier)


def previous_stages(*, user, cycle: ReviewCycle, countries: list[int]) -> dict:
    """The stage of each objective reported in the previous cycle's accepted reviews of these countries, by
    (country id, objective id), and under "countries" the ids of the countries that had such a review. Two queries."""
    earlier = previous_cycle(cycle)
    if earlier is None:
        return {}
    reviews = _accepted(user=user, cycle=earlier).filter(country_id__in=countries)
    found: dict = {"countries": set(reviews.values_list("country_id", flat=True))}
    for country, objective, stage in ReviewObjective.objects.filter(review__in=reviews, is_reported=True).values_list(
            "review__country_id", "objective_id", "stage"):
        found[(country, objective)] = stage
    return found


def stage_movement(then: str | None, now: str | None, *, compared: bool) -> str:
    """How an objective moved between two stages (None: not reported); nothing for a country not compared."""
    if not compared or (then is None and now is None):
        return Movement.UNKNOWN
    if then is None:
        return Movement.NEW
    if now is None:
        return Movement.DROPPED
    if not then or not now:
        return Movement.UNKNOWN
    step = STAGE_ORDER[now] - STAGE_ORDER[then]
    return Movement.UP if step > 0 else Movement.DOWN if step < 0 else Movement.SAME


def movement_of(then: ReviewObjective | None, now: ReviewObjective | None) -> str:
    return stage_movement(then.stage if then else None, now.stage if now else None, compared=True)


@dataclass
class AnswerChange:
    prompt: GuidingPrompt
    then: ShownText | None
    now: ShownText | None
    then_html: SafeString  # the earlier text, the words since removed marked <del>
    now_html: SafeString  # the text now, the words added marked <ins>
    changed: bool


@dataclass
class ObjectiveChange:
    objective: Objective
    then: ReviewObjective | None  # reported then (None: not reported)
    now: ReviewObjective | None
    movement: str
    policies_added: list[Policy] = field(default_factory=list)
    answers: list[AnswerChange] = field(default_factory=list)

    @property
    def movement_label(self) -> str:
        return str(MOVEMENT_LABELS[self.movement])

    @property
    def priority_then(self) -> bool:
        return bool(self.then and self.then.is_priority)

    @property
    def priority_now(self) -> bool:
        return bool(self.now and self.now.is_priority)

    @property
    def new_priority(self) -> bool:
        return self.priority_now and not self.priority_then


@dataclass
class ReviewComparison:
    review: Review
    previous: Review | None
    previous_cycle: ReviewCycle | None
    objectives: list[ObjectiveChange]
    policies_added: list[Policy]

    @property
    def previous_year(self) -> str:
        return cycle_year(self.previous_cycle)

    def _with(self, movement: str) -> list[ObjectiveChange]:
        return [change for change in self.objectives if change.movement == movement]

    @property
    def moved_up(self) -> list[ObjectiveChange]:
        return self._with(Movement.UP)

    @property
    def moved_down(self) -> list[ObjectiveChange]:
        return self._with(Movement.DOWN)

    @property
    def newly_reported(self) -> list[ObjectiveChange]:
        return self._with(Movement.NEW)

    @property
    def dropped(self) -> list[ObjectiveChange]:
        return self._with(Movement.DROPPED)

    @property
    def new_priorities(self) -> list[ObjectiveChange]:
        return [change for change in self.objectives if change.new_priority]


def _reported(review: Review | None) -> dict[int, ReviewObjective]:
    if review is None:
        return {}
    rows = ReviewObjective.objects.filter(review=review, is_reported=True).select_related("objective")
    return {row.objective.number: row for row in rows}


def _title_key(title: str) -> str:
    return " ".join(title.casefold().split())


def _policies_added(review: Review, previous: Review | None) -> list[Policy]:
    """The review's policies that the previous review did not list (by title, whatever its spacing or case)."""
    known = set()
    if previous is not None:
        known = {_title_key(title) for title in Policy.objects.filter(review=previous).values_list("title", flat=True)}
    policies = Policy.objects.filter(review=review).prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.order_by("number"))).order_by("-year", "pk")
    return [policy for policy in policies if _title_key(policy.title) not in known]


def review_comparison(*, review: Review, user, objective: Objective | None = None,
                      language: str = "ar") -> ReviewComparison:
    """The review beside the previous one: per objective reported in either, the stage and priority then and
    now and the policies added since; with `objective`, that objective's answers side by side too."""
    cycle = previous_cycle(review.cycle)
    previous = previous_review_of(review, user=user, cycle=cycle)
    then, now = _reported(previous), _reported(review)
    added = _policies_added(review, previous)
    numbers = sorted(set(then) | set(now))
    if objective is not None:
        numbers = [objective.number]
    changes = []
    for number in numbers:
        row = now.get(number) or then.get(number)
        change = ObjectiveChange(
            objective=row.objective if row else objective, then=then.get(number), now=now.get(number),
            movement=movement_of(then.get(number), now.get(number)),
            policies_added=[policy for policy in added
                            if any(o.number == number for o in policy.objectives.all())],
        )
        changes.append(change)
    if objective is not None:
        changes[0].answers = objective_answer_changes(review=review, previous=previous, objective=objective,
                                                      language=language)
    return ReviewComparison(review=review, previous=previous, previous_cycle=cycle, objectives=changes,
                            policies_added=added)


def _answers(review: Review | None, objective: Objective) -> QuerySet[Answer] | list:
    if review is None:
        return []
    return Answer.objects.filter(review=review, objective=objective).select_related("prompt")


def objective_answer_changes(*, review: Review, previous: Review | None, objective: Objective,
                             language: str) -> list[AnswerChange]:
    """The objective's answers now beside then, matched by question code (each cycle has its own copy of
    the template), in the order of the current template."""
    prompts = list(GuidingPrompt.objects.filter(part__cycle=review.cycle, scope=GuidingPrompt.Scope.OBJECTIVE)
                   .order_by("position", "code"))
    now = {answer.prompt.code: answer for answer in _answers(review, objective)}
    then = {answer.prompt.code: answer for answer in _answers(previous, objective)}
    found = []
    for prompt in prompts:
        before = then[prompt.code].text_in(language) if prompt.code in then else None
        after = now[prompt.code].text_in(language) if prompt.code in now else None
        if before is None and after is None:
            continue
        then_html, now_html = marked_difference(before["text"] if before else "", after["text"] if after else "")
        found.append(AnswerChange(prompt=prompt, then=before, now=after, then_html=then_html, now_html=now_html,
                                  changed=(before or {}).get("text", "") != (after or {}).get("text", "")))
    return found


WORDS = re.compile(r"\s+|[^\s]+")


def marked_difference(before: str, after: str) -> tuple[SafeString, SafeString]:
    """Both texts escaped, word by word: in the first the words no longer there in <del>, in the second the
    words added in <ins>. Spaces are kept as typed."""
    old, new = WORDS.findall(before), WORDS.findall(after)
    then, now = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        removed, added = escape("".join(old[i1:i2])), escape("".join(new[j1:j2]))
        if tag == "equal":
            then.append(removed)
            now.append(added)
            continue
        if removed:
            then.append(f"<del>{removed}</del>")
        if added:
            now.append(f"<ins>{added}</ins>")
    return mark_safe("".join(then)), mark_safe("".join(now))  # noqa: S308 (every piece escaped above)
