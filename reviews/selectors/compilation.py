"""Compiling the region: which country reports which objective (the matrix) and every country's answer
to one question side by side (the compilations); the good practices of all countries are in practices.py.

Every read starts from the reviews the user sees in the cycle, so a draft stays private to its country,
and costs a fixed number of queries, whatever the number of countries.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from reviews.models import (
    Answer,
    GuidingPrompt,
    Objective,
    Review,
    ReviewCycle,
    ReviewObjective,
    RoundTable,
    TemplatePart,
)
from reviews.selectors.countries import by_country_name
from reviews.selectors.previous import previous_stages, stage_movement
from reviews.selectors.reference import reference_rows
from reviews.selectors.visibility import reviews_visible_to
from reviews.selectors.workspace import cycle_template_parts

# A regional compilation shows reviews once submitted: a draft is the country's private work.
COMPILED_STATUSES = (
    Review.Status.SUBMITTED, Review.Status.IN_REVIEW, Review.Status.REVISION_REQUESTED, Review.Status.ACCEPTED,
)

# The implementation stage as a short, language-neutral mark for the matrix: 0 (not started) to 4 (achieved).
STAGE_LEVELS = {stage: level for level, stage in enumerate(ReviewObjective.Stage.values)}


def compiled_reviews(*, user, cycle: ReviewCycle, accepted_only: bool = False) -> QuerySet[Review]:
    """The reviews of the cycle a regional compilation may show to the user: submitted and later,
    or accepted only."""
    reviews = reviews_visible_to(user).filter(cycle=cycle, status__in=COMPILED_STATUSES)
    if accepted_only:
        reviews = reviews.filter(status=Review.Status.ACCEPTED)
    return reviews


def _by_country_name(reviews) -> list[Review]:
    return by_country_name(reviews, lambda review: review.country)


def _objectives_by_round_table() -> list[Objective]:
    """The objectives, round table by round table: the reference list kept per process (read, never change)."""
    return sorted(reference_rows(Objective), key=lambda objective: (objective.round_table.number, objective.number))


def _round_tables(objectives: list[Objective]) -> list[RoundTable]:
    return list({objective.round_table_id: objective.round_table for objective in objectives}.values())


def _in_round_table(objectives: list[Objective], number: int | None) -> list[Objective]:
    return [o for o in objectives if o.round_table.number == number] if number else objectives


# --- the matrix -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixCell:
    country_name: str
    objective: Objective
    is_reported: bool = False
    is_priority: bool = False
    stage: str = ""
    movement: str = ""  # since the previous cycle, when the matrix shows it (selectors/previous.Movement)

    @property
    def stage_level(self) -> int | None:
        return STAGE_LEVELS.get(self.stage)

    @property
    def stage_label(self) -> str:
        return ReviewObjective.Stage(self.stage).label if self.stage else ""

    @property
    def description(self) -> str:
        """What the cell says, in words, with the country and the objective it stands for."""
        return " · ".join([self.country_name, _("Objective %(number)s: %(title)s") % {
            "number": self.objective.number, "title": self.objective.short_label}, self.state])

    @property
    def state(self) -> str:
        """What the cell adds to its row's country and its column's objective, in words: the name of its
        mark for screen readers, which announce the headers with it."""
        if not self.is_reported:
            return _("not reported")
        words = [_("reported")]
        if self.is_priority:
            words.append(_("national priority"))
        if self.stage:
            words.append(f"{_('implementation stage')}: {self.stage_label}")
        return " · ".join(words)


@dataclass
class MatrixRow:
    review: Review
    cells: list[MatrixCell]

    @property
    def country(self):
        return self.review.country

    @property
    def reported(self) -> int:
        return sum(1 for cell in self.cells if cell.is_reported)


@dataclass(frozen=True)
class MatrixColumn:
    objective: Objective
    reported: int
    priority: int


@dataclass
class MatrixGroup:
    round_table: RoundTable
    columns: list[MatrixColumn] = field(default_factory=list)


@dataclass
class Matrix:
    groups: list[MatrixGroup]
    rows: list[MatrixRow]
    round_tables: list[RoundTable]  # all of them, to choose from

    @property
    def columns(self) -> list[MatrixColumn]:
        return [column for group in self.groups for column in group.columns]


def objective_matrix(*, user, cycle: ReviewCycle, accepted_only: bool = False,
                     round_table_number: int | None = None, since_previous: bool = False) -> Matrix:
    """Countries by objectives, the columns grouped by round table: reported, national priority and
    stage in each cell, totals per objective and per country. Three queries; with `since_previous`, each cell
    also says how it moved since the country's review of the previous cycle (two more)."""
    reviews = _by_country_name(compiled_reviews(user=user, cycle=cycle, accepted_only=accepted_only))
    every_objective = _objectives_by_round_table()
    objectives = _in_round_table(every_objective, round_table_number)
    reported = {
        (review_id, objective_id): (is_priority, stage)
        for review_id, objective_id, is_priority, stage in ReviewObjective.objects.filter(
            review__in=[review.pk for review in reviews], objective__in=[o.pk for o in objectives], is_reported=True,
        ).values_list("review_id", "objective_id", "is_priority", "stage")
    }
    then = previous_stages(user=user, cycle=cycle, countries=[r.country_id for r in reviews]) if since_previous else {}
    rows = []
    for review in reviews:
        cells = []
        for objective in objectives:
            found = reported.get((review.pk, objective.pk))
            movement = stage_movement(then.get((review.country_id, objective.pk)), found[1] if found else None,
                                      compared=review.country_id in then.get("countries", ())) if then else ""
            cells.append(MatrixCell(country_name=review.country.name, objective=objective, movement=movement)
                         if found is None else
                         MatrixCell(country_name=review.country.name, objective=objective, is_reported=True,
                                    is_priority=found[0], stage=found[1], movement=movement))
        rows.append(MatrixRow(review=review, cells=cells))
    groups: dict[int, MatrixGroup] = {}
    for position, objective in enumerate(objectives):
        column = MatrixColumn(
            objective=objective,
            reported=sum(1 for row in rows if row.cells[position].is_reported),
            priority=sum(1 for row in rows if row.cells[position].is_priority),
        )
        groups.setdefault(objective.round_table_id, MatrixGroup(round_table=objective.round_table)).columns.append(
            column)
    return Matrix(groups=list(groups.values()), rows=rows, round_tables=_round_tables(every_objective))


# --- the compilations -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CompiledAnswer:
    prompt: GuidingPrompt
    answer: Answer | None
    source_url: str  # the place of the answer in the review: its part or objective page, at the question

    @property
    def is_answered(self) -> bool:
        return self.answer is not None and self.answer.is_answered


@dataclass
class CompilationCard:
    review: Review
    answers: list[CompiledAnswer]
    is_priority: bool = False
    stage: str = ""

    @property
    def country(self):
        return self.review.country

    @property
    def stage_label(self) -> str:
        return ReviewObjective.Stage(self.stage).label if self.stage else ""


@dataclass
class Compilation:
    parts: list[TemplatePart]  # with their prompts: the questions one may compile
    round_tables: list[RoundTable]
    objectives: list[Objective]  # those one may choose: of the round table chosen, or all
    countries: list[Review]  # the reviews one may narrow the compilation to
    part: TemplatePart | None = None
    prompts: list[GuidingPrompt] = field(default_factory=list)  # the questions compiled
    objective: Objective | None = None
    cards: list[CompilationCard] = field(default_factory=list)
    not_reporting: list[Review] = field(default_factory=list)  # objective chosen: countries silent on it


def answers_side_by_side(*, user, cycle: ReviewCycle, prompt_code: str = "", objective_number: int | None = None,
                         round_table_number: int | None = None, country_iso2: str = "",
                         accepted_only: bool = False) -> Compilation:
    """Every country's answer to one question of a part, or to the questions of one objective (all of
    them, or the one named), one card per country. A round table narrows the objectives one may
    choose; it, or a question asked for each objective, picks the first objective when none is named.
    Six queries at most."""
    parts = cycle_template_parts(cycle.pk)
    every_objective = _objectives_by_round_table()
    objectives = _in_round_table(every_objective, round_table_number)
    reviews = _by_country_name(compiled_reviews(user=user, cycle=cycle, accepted_only=accepted_only))
    compilation = Compilation(parts=parts, round_tables=_round_tables(every_objective), objectives=objectives,
                              countries=reviews)
    if country_iso2:
        reviews = [review for review in reviews if review.country.iso2 == country_iso2.upper()]
    prompts = [prompt for part in parts for prompt in part.prompts.all()]
    objective_prompts = [prompt for prompt in prompts if prompt.scope == GuidingPrompt.Scope.OBJECTIVE]
    objective = next((o for o in objectives if o.number == objective_number), None)
    wants_objective = round_table_number or prompt_code in {prompt.code for prompt in objective_prompts}
    if objective is None and wants_objective and objectives:
        objective = objectives[0]
    if objective is not None:
        _objective_compile(compilation, objective=objective, reviews=reviews, prompts=objective_prompts)
        chosen = [prompt for prompt in compilation.prompts if prompt.code == prompt_code]
        compilation.prompts = chosen or compilation.prompts
    else:
        part_prompts = [prompt for prompt in prompts if prompt.scope == GuidingPrompt.Scope.PART]
        chosen = next((prompt for prompt in part_prompts if prompt.code == prompt_code), None)
        compilation.prompts = [chosen or part_prompts[0]] if part_prompts else []
        compilation.cards = [CompilationCard(review=review, answers=[]) for review in reviews]
    if compilation.prompts:
        compilation.part = next(part for part in parts if part.pk == compilation.prompts[0].part_id)
    _answers_fill(compilation)
    return compilation


def _objective_compile(compilation: Compilation, *, objective: Objective, reviews: list[Review],
                       prompts: list[GuidingPrompt]) -> None:
    reporting = {
        review_id: (is_priority, stage)
        for review_id, is_priority, stage in ReviewObjective.objects.filter(
            review__in=[review.pk for review in reviews], objective=objective, is_reported=True,
        ).values_list("review_id", "is_priority", "stage")
    }
    compilation.objective = objective
    compilation.prompts = prompts
    compilation.cards = [
        CompilationCard(review=review, answers=[], is_priority=reporting[review.pk][0], stage=reporting[review.pk][1])
        for review in reviews if review.pk in reporting
    ]
    compilation.not_reporting = [review for review in reviews if review.pk not in reporting]


def _answers_fill(compilation: Compilation) -> None:
    if not compilation.prompts:  # a cycle without its template yet
        return
    objective = compilation.objective
    answers = {
        (answer.review_id, answer.prompt_id): answer
        for answer in Answer.objects.filter(
            review__in=[card.review.pk for card in compilation.cards], prompt__in=compilation.prompts,
            objective=objective,
        )
    }
    for card in compilation.cards:
        if objective is not None:
            page = reverse("reviews:objective", args=[card.review.uid, objective.number])
        else:
            page = reverse("reviews:part", args=[card.review.uid, compilation.part.number])
        card.answers = [
            CompiledAnswer(prompt=prompt, answer=answers.get((card.review.pk, prompt.pk)),
                           source_url=f"{page}#prompt-{prompt.code}")
            for prompt in compilation.prompts
        ]
