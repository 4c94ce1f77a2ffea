"""The demo's written-up objectives: their answers, good practices and indicators, varied per country."""

from decimal import Decimal

from reviews.demo.content import (
    LEADS,
    OBJECTIVE_FALLBACK,
    OBJECTIVE_TEXTS,
    PARTNERS,
    PRACTICE_NAMES,
    PRACTICE_SERVICE,
    PRACTICE_TRAINING,
    PRINCIPLES,
    SDG_TARGETS,
    STATISTICS,
    SUGGESTED_VALUES,
)
from reviews.demo.plans import DemoPlan
from reviews.demo.rows import Batch, Reference, answer_row, fill, fill_lead, in_language
from reviews.demo.tables import INDICATOR_RECORDS, INDICATOR_SERVED, INDICATOR_TRAINED
from reviews.demo.words import demo_programme, pick
from reviews.models import Country, GoodPractice, Indicator, Objective, Review, ReviewObjective, SuggestedIndicator


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


def objective_write(*, batch: Batch, reference: Reference, review: Review, plan: DemoPlan, number: int,
                    completed: bool, author) -> None:
    """One objective of a review: only chosen, or written up with its answers, practices and indicators."""
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
        texts = fill(variants[variant % len(variants)], words)
        batch.add(answer_row(review=review, prompt=prompt, objective=objective, texts=texts, plan=plan, author=author))
    _practices_write(batch=batch, reference=reference, row=row, plan=plan, words=words, variant=variant,
                     author=author)
    _indicators_write(batch=batch, row=row, plan=plan, words=words, author=author)


def _practices_write(*, batch: Batch, reference: Reference, row: ReviewObjective, plan: DemoPlan, words: dict,
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
                review_objective=row, title=in_language(plan, fill(title, words))[:300], kind_id=kind_pk,
                description=in_language(plan, fill(description, words)), period=period.format(**words["en"]),
                updated_by=author,
            ),
            criteria=list(dict.fromkeys(criteria)), partners=reference.pks(reference.stakeholders, partners),
        )


def _indicators_write(*, batch: Batch, row: ReviewObjective, plan: DemoPlan, words: dict, author) -> None:
    """A suggested SDG indicator where the objective has one, else the programme's own count;
    on some objectives a second, national indicator."""
    iso2, number = row.review.country.iso2, row.objective.number
    lead = LEADS.get(number, STATISTICS)
    records = in_language(plan, fill_lead(INDICATOR_RECORDS, lead))
    served, trained = words["en"]["beneficiary_count"], words["en"]["trained"]
    suggested = list(row.objective.suggested_indicators.all())
    if suggested:
        baseline, latest = _suggested_values(suggested[0], seed=(iso2, number))
        rows = [Indicator(suggested=suggested[0], unit=suggested[0].unit, baseline_value=baseline,
                          latest_value=latest, source=in_language(plan, STATISTICS))]
    else:
        name = fill(INDICATOR_SERVED, words)
        rows = [Indicator(name=in_language(plan, name), unit="persons", baseline_value=Decimal(served // 8),
                          latest_value=Decimal(served), source=records)]
    if pick(iso2, number, "indicators", high=1) == 0:
        rows.append(Indicator(name=in_language(plan, INDICATOR_TRAINED), unit="persons",
                              baseline_value=Decimal(trained // 10), latest_value=Decimal(trained), source=records))
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

