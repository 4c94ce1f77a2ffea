"""The regional report's "Progress since the previous review": per objective, how many countries moved up or
down a stage since the previous cycle, reported the objective anew or made it a new national priority; and each
objective's stage distribution then, beside now in the round-table chapters.

Compared are the countries included in the report that have an accepted review (imported ones count as
accepted) in the previous cycle, as the user may see it. A fixed number of queries whatever the number of
countries: the previous cycle, its reviews, their reported objectives.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from reviews.models import Objective, Review, ReviewCycle, ReviewObjective
from reviews.report.data.regional import Chapter
from reviews.selectors.compilation import compiled_reviews
from reviews.selectors.figures import BarRow, bar_rows
from reviews.selectors.previous import STAGE_ORDER, cycle_year, previous_cycle


@dataclass
class ProgressRow:
    objective: Objective
    compared: int  # countries reporting the objective in both reviews
    up: int
    down: int
    newly_reported: int
    new_priorities: int


@dataclass
class ProgressChapter(Chapter):
    previous_cycle: ReviewCycle | None = None
    previous_year: str = ""
    countries: int = 0  # countries of the report with a review in the previous cycle
    rows: list[ProgressRow] = field(default_factory=list)
    moved_up: list[BarRow] = field(default_factory=list)  # the chart: countries moving up, per objective
    moved_down: list[BarRow] = field(default_factory=list)
    stages_then: dict[int, list[BarRow]] = field(default_factory=dict)  # objective -> its stages then

    @property
    def totals(self) -> dict[str, int]:
        return {name: sum(getattr(row, name) for row in self.rows)
                for name in ("up", "down", "newly_reported", "new_priorities")}


def _stage_counts(stages: list[str]) -> list[BarRow]:
    counts = [(str(label), stages.count(value)) for value, label in ReviewObjective.Stage.choices]
    if "" in stages:
        counts.append((_("Not stated"), stages.count("")))
    return bar_rows(counts, scale=len(stages))


def progress_chapter(*, user, cycle: ReviewCycle, reviews: list[Review], contents: dict,
                     objectives: list[Objective]) -> ProgressChapter | None:
    """The chapter, or None when there is no earlier cycle."""
    earlier = previous_cycle(cycle)
    if earlier is None:
        return None
    chapter = ProgressChapter(kind="progress", anchor="progress", previous_cycle=earlier,
                              previous_year=cycle_year(earlier),
                              title=pgettext("report", "Progress since the previous review"))
    countries = {review.country_id for review in reviews}
    then_rows = list(ReviewObjective.objects.filter(
        review__in=compiled_reviews(user=user, cycle=earlier, accepted_only=True).filter(country_id__in=countries),
        is_reported=True).values_list("review__country_id", "objective__number", "stage", "is_priority"))
    then = {(country, number): (stage, priority) for country, number, stage, priority in then_rows}
    compared = {country for country, _number, _stage, _priority in then_rows}
    chapter.countries = len(compared)
    now = {(review.country_id, row["objective"]): (row["stage"], row["is_priority"])
           for review in reviews if review.country_id in compared
           for row in contents.get(review.pk, {}).get("objectives", [])}
    for objective in sorted(objectives, key=lambda o: o.number):
        row = ProgressRow(objective=objective, compared=0, up=0, down=0, newly_reported=0, new_priorities=0)
        for country in compared:
            before, after = then.get((country, objective.number)), now.get((country, objective.number))
            if after is None:
                continue
            if before is None:
                row.newly_reported += 1
            else:
                row.compared += 1
                if before[0] and after[0]:
                    step = STAGE_ORDER[after[0]] - STAGE_ORDER[before[0]]
                    row.up += step > 0
                    row.down += step < 0
            if after[1] and not (before and before[1]):
                row.new_priorities += 1
        chapter.rows.append(row)
        chapter.stages_then[objective.number] = _stage_counts(
            [stage for (country, number), (stage, _p) in then.items() if number == objective.number])
    scale = max([row.up for row in chapter.rows] + [row.down for row in chapter.rows] + [1])
    chapter.moved_up = bar_rows([(_objective_label(row), row.up) for row in chapter.rows if row.up], scale=scale)
    chapter.moved_down = bar_rows([(_objective_label(row), row.down) for row in chapter.rows if row.down],
                                  scale=scale)
    return chapter


def _objective_label(row: ProgressRow) -> str:
    return f"{row.objective.number}. {row.objective.short_label}"
