"""Writing the demo reviews of the current cycle in varied states, as country teams would write them.

Rows are written in bulk (a full load is about 1,500 answers and 2,500 rows of content, plus their links),
then each complete review goes through review_submit like a real one, so it is checked and gets its
snapshot, and a regional reviewer takes it on through the workflow services where its plan says so. What
is written is in reviews/demo/plans.py (per country) and content.py (the texts).
"""

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from reviews.demo.content import (
    LEADS,
    OBJECTIVE_FALLBACK,
    OBJECTIVE_TEXTS,
    PART_FALLBACK,
    PART_TEXTS,
    PARTNERS,
    PLAN_SENTENCES,
    PRACTICE_NAMES,
    PRACTICE_SERVICE,
    PRACTICE_TRAINING,
    PRINCIPLES,
    PROGRAMMES,
    SDG_TARGETS,
    STATISTICS,
    SUGGESTED_VALUES,
)
from reviews.demo.plans import DEFAULT_PLANS, FULL_PLANS, REVISION_REASON, DemoPlan, Status
from reviews.demo.tables import (
    CONSULTATIONS,
    ENTITIES,
    INDICATOR_RECORDS,
    INDICATOR_SERVED,
    INDICATOR_TRAINED,
    PLANNED_ACTIONS,
    POLICIES,
)
from reviews.models import (
    Answer,
    Attachment,
    Consultation,
    Country,
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
from reviews.services.assignments import assignments_set
from reviews.services.submission import review_submit
from reviews.services.workflow import review_accept, review_take, revision_request

User = get_user_model()
from reviews.demo.words import consultations_text, demo_programme, join_ar, join_en, pick, programme_index


@transaction.atomic
def demo_content_load(*, cycle: ReviewCycle, full: bool = False) -> None:
    """Fill the cycle with demo reviews: by default a few countries, one review in each status; with
    `full` every country as the region's reviews look (content/FULL_PLANS), most of them submitted.

    A country whose review already has content is left alone, so running it again changes
    nothing, and never touches a submitted review. Content is written the way a country team
    would, which needs the cycle open: on a closed cycle nothing is written. Statuses are reached
    through the submission and workflow services (events, versions, notifications); a review
    whose planned reviewer has no login stays submitted.
    """
    if not cycle.is_open:
        return
    countries = Country.objects.order_by("iso2")
    plans = FULL_PLANS if full else DEFAULT_PLANS
    usernames = [f"{prefix}-{iso2.lower()}" for iso2 in plans for prefix in ("fp", "contrib")]
    users = {user.username: user for user in User.objects.filter(
        username__in=usernames + [plan.reviewer for plan in plans.values()])}
    filled = _countries_with_content(cycle)
    reference = _Reference(cycle)
    batch = _Batch()
    written = []
    for country in countries.filter(iso2__in=list(plans)):
        focal_point = users.get(f"fp-{country.iso2.lower()}")
        if focal_point is None or country.pk in filled:
            continue
        review, _created = Review.objects.get_or_create(cycle=cycle, country=country)
        plan = plans[country.iso2]
        contributor = users.get(f"contrib-{country.iso2.lower()}") or focal_point
        _review_write(batch=batch, reference=reference, review=review, plan=plan, focal_point=focal_point,
                      contributor=contributor)
        written.append((review, plan, focal_point, contributor))
    batch.save()
    for review, plan, focal_point, contributor in written:
        if plan.contributor_parts or plan.contributor_objectives:
            assignments_set(
                review=review, contributor=contributor, part_numbers=set(plan.contributor_parts),
                objective_ids={reference.objectives[n].pk for n in plan.contributor_objectives}, actor=focal_point,
            )
        if plan.submitted:
            review_submit(review=review, user=focal_point)
            _review_follow(review=review, plan=plan, reviewer=users.get(plan.reviewer))


def _review_follow(*, review: Review, plan: DemoPlan, reviewer) -> None:
    """A submitted review taken on to its planned status, as a regional reviewer would."""
    if plan.status == Status.SUBMITTED or reviewer is None:
        return
    review_take(review=review, reviewer=reviewer)
    if plan.status == Status.REVISION_REQUESTED:
        revision_request(review=review, reviewer=reviewer, reason=_in(plan, REVISION_REASON))
    elif plan.status == Status.ACCEPTED:
        review_accept(review=review, reviewer=reviewer)


def _countries_with_content(cycle: ReviewCycle) -> set[int]:
    def has(model):
        return Exists(model.objects.filter(review=OuterRef("pk")))

    with_content = (~Q(status=Review.Status.DRAFT) | ~Q(plan_status="") | has(Answer) | has(ReviewObjective)
                    | has(GovernmentEntity) | has(Consultation) | has(Policy) | has(PlannedAction) | has(Attachment))
    return set(Review.objects.filter(cycle=cycle).filter(with_content).values_list("country_id", flat=True))


class _Reference:
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


class _Batch:
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


def _review_write(*, batch: _Batch, reference: _Reference, review: Review, plan: DemoPlan, focal_point,
                  contributor) -> None:
    country = review.country
    words = _country_words(reference=reference, country=country, plan=plan)
    if plan.prompts is None:
        prompts = reference.part_prompts
    else:
        prompts = [p for p in reference.part_prompts if p.code in plan.prompts]
    for prompt in prompts:
        author = contributor if prompt.part.number in plan.contributor_parts else focal_point
        texts = _fill(PART_TEXTS.get(prompt.code, PART_FALLBACK), words)
        batch.add(_answer(review=review, prompt=prompt, objective=None, texts=texts, plan=plan, author=author))
    parts = {prompt.part.number for prompt in prompts}
    _tables_write(batch=batch, reference=reference, review=review, plan=plan, parts=parts, words=words,
                  focal_point=focal_point, contributor=contributor)
    for number in plan.objectives:
        author = contributor if number in plan.contributor_objectives else focal_point
        completed = plan.completed is None or number in plan.completed
        _objective_write(batch=batch, reference=reference, review=review, plan=plan, number=number,
                         completed=completed, author=author)
    if plan.plan_status and 2 in parts:
        review.plan_status = plan.plan_status
        review.plan_detail = _in(plan, PLAN_SENTENCES[plan.plan_status])
        review.save(update_fields=["plan_status", "plan_detail", "updated_at"])


def _country_words(*, reference: _Reference, country: Country, plan: DemoPlan) -> dict[str, dict]:
    """The placeholders of the part questions, in English and Arabic."""
    iso2 = country.iso2
    programme = PROGRAMMES[programme_index(iso2, plan.lead_objective)]
    strategy = PROGRAMMES[pick(iso2, "strategy", high=len(PROGRAMMES) - 1)]
    numbers = {
        "team": pick(iso2, "team", low=11, high=25), "ministries": pick(iso2, "ministries", low=11, high=19),
        "agreements": pick(iso2, "agreements", low=3, high=9), "staff": pick(iso2, "staff", low=3, high=9),
        "count": len(plan.objectives),
    }
    labels = [(n, reference.objectives[n]) for n in plan.priorities]
    consultations = consultations_text(plan.consultations)
    return {
        "en": {
            **numbers, "consultations": consultations[0], "country": country.name_en, "programme": programme[0], "strategy": strategy[0],
            "plan_sentence": PLAN_SENTENCES[plan.plan_status][0],
            "priorities": join_en([f'{n} ("{o.short_label_en}")' for n, o in labels]),
        },
        "ar": {
            **numbers, "consultations": consultations[1], "country": country.name_ar, "programme": programme[1], "strategy": strategy[1],
            "plan_sentence": PLAN_SENTENCES[plan.plan_status][1],
            "priorities": join_ar([f"{n} («{o.short_label_ar}»)" for n, o in labels]),
        },
    }


def _objective_words(*, country: Country, objective: Objective) -> tuple[int, dict[str, dict]]:
    """The variant and the placeholders of one objective's answers, in English and Arabic."""
    iso2, number = country.iso2, objective.number
    variant = pick(iso2, number, "variant", high=1)
    programme = demo_programme(iso2, number)
    lead = LEADS.get(number, STATISTICS)
    practice = PRACTICE_NAMES[variant]
    beneficiaries = 10 * pick(iso2, number, "beneficiaries", low=120, high=989)
    numbers = {
        name: pick(iso2, number, name, low=low, high=high)
        for name, low, high in [("start", 2019, 2022), ("regions", 3, 9), ("women", 35, 60), ("before", 40, 90),
                                ("after", 12, 35), ("share", 55, 85), ("trained", 40, 400)]
    }
    numbers.update(number=number, beneficiary_count=beneficiaries)
    return variant, {
        "en": {**numbers, "country": country.name_en, "objective": objective.short_label_en,
               "programme": programme[0], "lead": lead[0], "practice": practice[0],
               "beneficiaries": f"{beneficiaries:,}"},
        "ar": {**numbers, "country": country.name_ar, "objective": objective.short_label_ar,
               "programme": programme[1], "lead": lead[1], "practice": practice[1],
               "beneficiaries": str(beneficiaries)},
    }


def _objective_write(*, batch: _Batch, reference: _Reference, review: Review, plan: DemoPlan, number: int,
                     completed: bool, author) -> None:
    objective = reference.objectives[number]
    row = ReviewObjective(review=review, objective=objective, is_priority=number in plan.priorities,
                          updated_by=author)
    if not completed:  # chosen, not yet written up: the workspace lists what is missing
        batch.add(row)
        return
    iso2 = review.country.iso2
    variant, words = _objective_words(country=review.country, objective=objective)
    row.stage = plan.stages[pick(iso2, number, "stage", high=len(plan.stages) - 1)]
    batch.add(
        row,
        principles=reference.pks(reference.principles, ["people-centred", "human-rights",
                                                        PRINCIPLES[pick(iso2, number, "principle", high=7)]]),
        sdg_targets=reference.pks(reference.sdg_targets, SDG_TARGETS.get(number, ["10.7"])),
        partners=reference.pks(reference.stakeholders, ["migrant-diaspora", "civil-society",
                                                        PARTNERS[pick(iso2, number, "partner", high=10)]]),
    )
    for prompt in reference.objective_prompts:
        if plan.objective_prompts is not None and prompt.code not in plan.objective_prompts:
            continue
        variants = OBJECTIVE_TEXTS.get(prompt.code, [OBJECTIVE_FALLBACK])
        texts = _fill(variants[variant % len(variants)], words)
        batch.add(_answer(review=review, prompt=prompt, objective=objective, texts=texts, plan=plan, author=author))
    _practices_write(batch=batch, reference=reference, row=row, plan=plan, words=words, variant=variant,
                     author=author)
    _indicators_write(batch=batch, row=row, plan=plan, words=words, author=author)


def _practices_write(*, batch: _Batch, reference: _Reference, row: ReviewObjective, plan: DemoPlan, words: dict,
                     variant: int, author) -> None:
    iso2, number = row.review.country.iso2, row.objective.number
    title, kind, descriptions, period, partners = PRACTICE_SERVICE
    practices = [(title, kind, descriptions[variant], period, partners)]
    if pick(iso2, number, "practices", high=2) == 0:
        practices.append(PRACTICE_TRAINING)
    for position, (title, kind, description, period, partners) in enumerate(practices):
        kind_pk = reference.practice_types.get(kind) or next(iter(reference.practice_types.values()))
        criteria = [reference.criteria[(number + position + k) % len(reference.criteria)] for k in range(3)]
        batch.add(
            GoodPractice(
                review_objective=row, title=_in(plan, _fill(title, words))[:300], kind_id=kind_pk,
                description=_in(plan, _fill(description, words)), period=period.format(**words["en"]),
                updated_by=author,
            ),
            criteria=list(dict.fromkeys(criteria)), partners=reference.pks(reference.stakeholders, partners),
        )


def _indicators_write(*, batch: _Batch, row: ReviewObjective, plan: DemoPlan, words: dict, author) -> None:
    """A suggested SDG indicator where the objective has one, else the programme's own count;
    on some objectives a second, national indicator."""
    iso2, number = row.review.country.iso2, row.objective.number
    lead = LEADS.get(number, STATISTICS)
    records = _in(plan, _fill_lead(INDICATOR_RECORDS, lead))
    served, trained = words["en"]["beneficiary_count"], words["en"]["trained"]
    suggested = list(row.objective.suggested_indicators.all())
    if suggested:
        baseline, latest = _suggested_values(suggested[0], seed=(iso2, number))
        rows = [Indicator(suggested=suggested[0], unit=suggested[0].unit, baseline_value=baseline,
                          latest_value=latest, source=_in(plan, STATISTICS))]
    else:
        name = _fill(INDICATOR_SERVED, words)
        rows = [Indicator(name=_in(plan, name), unit="persons", baseline_value=Decimal(served // 8),
                          latest_value=Decimal(served), source=records)]
    if pick(iso2, number, "indicators", high=1) == 0:
        rows.append(Indicator(name=_in(plan, INDICATOR_TRAINED), unit="persons", baseline_value=Decimal(trained // 10),
                              latest_value=Decimal(trained), source=records))
    for indicator in rows:
        indicator.review_objective, indicator.updated_by = row, author
        indicator.baseline_year, indicator.latest_year = 2019, 2025
        batch.add(indicator)


def _suggested_values(indicator: SuggestedIndicator, *, seed: tuple) -> tuple[Decimal, Decimal]:
    """Invented values of the right size and trend for a suggested SDG indicator, varied per country."""
    baseline, latest = SUGGESTED_VALUES.get(indicator.code, (10, 12))
    factor = Decimal("0.85") + Decimal("0.03") * pick(*seed, "value", high=9)
    values = [(Decimal(str(value)) * factor).quantize(Decimal("0.01")) for value in (baseline, latest)]
    if indicator.unit == "%":
        values = [min(value, Decimal("99.50")) for value in values]
    return values[0], values[1]


def _tables_write(*, batch: _Batch, reference: _Reference, review: Review, plan: DemoPlan, parts: set[int],
                  words: dict, focal_point, contributor) -> None:
    """The tables of a part are filled once its questions are being answered."""
    objectives = reference.objectives
    if 1 in parts:
        for name, role, level in ENTITIES:
            batch.add(GovernmentEntity(review=review, name=_in(plan, name), role=_in(plan, role), level=level,
                                       updated_by=focal_point))
        opened = review.cycle.opens or timezone.localdate()
        for days, form, categories, participants, summary, _named in (CONSULTATIONS[i] for i in plan.consultations):
            batch.add(
                Consultation(
                    review=review, held_on=min(opened + timedelta(days=days), timezone.localdate()), format=form,
                    participants=participants + pick(review.country.iso2, "participants", days, high=20),
                    summary=_in(plan, summary), updated_by=focal_point,
                ),
                categories=reference.pks(reference.stakeholders, categories),
            )
    if 2 in parts:
        for title, kind, year, status, numbers in (POLICIES[i] for i in plan.policies):
            batch.add(
                Policy(review=review, title=_in(plan, _fill(title, words)), kind=kind,
                       year=min(year, timezone.localdate().year), status=status, updated_by=focal_point),
                objectives=[objectives[n].pk for n in numbers],
            )
    for part_number, action, numbers, lead, timeframe, support in PLANNED_ACTIONS:
        if part_number not in parts:
            continue
        if numbers is None:  # the country's own programme, on its lead objective
            numbers, lead = [plan.lead_objective], LEADS[plan.lead_objective]
        author = contributor if part_number in plan.contributor_parts else focal_point
        batch.add(
            PlannedAction(review=review, part_number=part_number, action=_in(plan, _fill(action, words)),
                          lead_entity=_in(plan, lead), timeframe=timeframe, support_needed=_in(plan, support),
                          updated_by=author),
            objectives=[objectives[n].pk for n in numbers],
        )


def _answer(*, review: Review, prompt: GuidingPrompt, objective: Objective | None, texts: tuple[str, str],
            plan: DemoPlan, author) -> Answer:
    text_en, text_ar = texts
    return Answer(
        review=review, prompt_id=prompt.pk, objective=objective, text_ar=text_ar,
        text_en=text_en if plan.english else "", original_language=plan.original_language, updated_by=author,
    )


def _fill(texts: tuple[str, str], words: dict[str, dict]) -> tuple[str, str]:
    return texts[0].format(**words["en"]), texts[1].format(**words["ar"])


def _in(plan: DemoPlan, texts: tuple[str, str]) -> str:
    """A table cell holds one language: the one the country writes in."""
    return texts[0] if plan.original_language == Language.EN else texts[1]


def _fill_lead(texts: tuple[str, str], lead: tuple[str, str]) -> tuple[str, str]:
    return texts[0].format(lead=lead[0]), texts[1].format(lead=lead[1])


def demo_reviews_write(*, cycle: ReviewCycle, plans: dict[str, DemoPlan]) -> list[Review]:
    """Write the plans' reviews in a cycle as they stand, open or closed, without submitting them (an earlier
    cycle's reviews, which the portal brings in rather than writes). Countries whose review in the cycle already
    has content, or without a focal point login, are left out. Returns the reviews written."""
    users = {user.username: user for user in User.objects.filter(username__in=[f"fp-{iso2.lower()}" for iso2 in plans])}
    filled = _countries_with_content(cycle)
    reference = _Reference(cycle)
    batch = _Batch()
    written = []
    for country in Country.objects.filter(iso2__in=list(plans)).order_by("iso2"):
        focal_point = users.get(f"fp-{country.iso2.lower()}")
        if focal_point is None or country.pk in filled:
            continue
        review, _created = Review.objects.get_or_create(cycle=cycle, country=country)
        _review_write(batch=batch, reference=reference, review=review, plan=plans[country.iso2],
                      focal_point=focal_point, contributor=focal_point)
        written.append(review)
    batch.save()
    return written
