"""What the demo's writers share: the cycle's reference lists read once, the bulk writer, and the texts filled in."""

from collections import defaultdict

from django.db.models import Prefetch

from reviews.demo.plans import DemoPlan
from reviews.models import (
    Answer,
    Consultation,
    GoodPractice,
    GoodPracticeCriterion,
    GovernmentEntity,
    GuidingPrinciple,
    GuidingPrompt,
    Indicator,
    Language,
    Objective,
    PlannedAction,
    Policy,
    PracticeType,
    Review,
    ReviewCycle,
    ReviewObjective,
    SdgTarget,
    StakeholderCategory,
    SuggestedIndicator,
)


class Reference:
    """The cycle's questions and the reference lists, read once for all countries."""

    def __init__(self, cycle: ReviewCycle):
        prompts = list(GuidingPrompt.objects.filter(part__cycle=cycle).select_related("part")
                       .order_by("part__number", "position", "code"))
        self.part_prompts = [p for p in prompts if p.scope == GuidingPrompt.Scope.PART]
        self.objective_prompts = [p for p in prompts if p.scope == GuidingPrompt.Scope.OBJECTIVE]
        self.objectives = {o.number: o for o in Objective.objects.prefetch_related(
            Prefetch("suggested_indicators", queryset=SuggestedIndicator.objects.order_by("code")))}
        self.principles = dict(GuidingPrinciple.objects.values_list("code", "pk"))
        self.stakeholders = dict(StakeholderCategory.objects.values_list("code", "pk"))
        self.practice_types = dict(PracticeType.objects.values_list("code", "pk"))
        self.criteria = list(GoodPracticeCriterion.objects.values_list("pk", flat=True))
        self.sdg_targets = dict(SdgTarget.objects.values_list("code", "pk"))

    def pks(self, table: dict[str, int], codes) -> list[int]:
        """The rows that exist: organisers may have removed an entry of a reference list."""
        return [table[code] for code in dict.fromkeys(codes) if code in table]


class Batch:
    """New rows of many reviews, written with one bulk insert per table, links included."""

    ORDER = (Answer, GovernmentEntity, Consultation, Policy, PlannedAction, ReviewObjective, GoodPractice, Indicator)

    def __init__(self):
        self.rows = defaultdict(list)
        self.links = []

    def add(self, row, **links):
        self.rows[type(row)].append(row)
        self.links += [(type(row)._meta.get_field(name), row, targets) for name, targets in links.items()]
        return row

    def save(self) -> None:
        # Objectives before their practices and indicators: bulk_create sets their keys, and the
        # practices take them from the row they were built with.
        for model in self.ORDER:
            model.objects.bulk_create(self.rows[model])
        through_rows = defaultdict(list)
        for field, row, targets in self.links:
            through = field.remote_field.through
            through_rows[through] += [
                through(**{field.m2m_column_name(): row.pk, field.m2m_reverse_name(): target}) for target in targets
            ]
        for through, rows in through_rows.items():
            through.objects.bulk_create(rows)


def answer_row(*, review: Review, prompt: GuidingPrompt, objective: Objective | None, texts: tuple[str, str],
               plan: DemoPlan, author) -> Answer:
    text_en, text_ar = texts
    return Answer(
        review=review, prompt_id=prompt.pk, objective=objective, text_ar=text_ar,
        text_en=text_en if plan.english else "", original_language=plan.original_language, updated_by=author,
    )


def fill(texts: tuple[str, str], words: dict[str, dict]) -> tuple[str, str]:
    return texts[0].format(**words["en"]), texts[1].format(**words["ar"])


def in_language(plan: DemoPlan, texts: tuple[str, str]) -> str:
    """A table cell holds one language: the one the country writes in."""
    return texts[0] if plan.original_language == Language.EN else texts[1]


def fill_lead(texts: tuple[str, str], lead: tuple[str, str]) -> tuple[str, str]:
    return texts[0].format(lead=lead[0]), texts[1].format(lead=lead[1])

