"""Writing the demo reviews of the current cycle in varied states, as country teams would write them.

Rows are written in bulk (a full load is about 1,500 answers and 2,500 rows of content, plus their links),
then each complete review goes through review_submit like a real one, so it is checked and gets its
snapshot, and a regional reviewer takes it on through the workflow services where its plan says so. What
is written is in reviews/demo/plans.py (per country) and content.py (the texts); objectives.py writes the
objectives, rows.py holds the bulk writer and the reference lists they share.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from reviews.demo.content import LEADS, PART_FALLBACK, PART_TEXTS, PLAN_SENTENCES, PROGRAMMES
from reviews.demo.objectives import objective_write
from reviews.demo.plans import DEFAULT_PLANS, FULL_PLANS, REVISION_REASON, DemoPlan, Status
from reviews.demo.rows import Batch, Reference, answer_row, fill, in_language
from reviews.demo.tables import CONSULTATIONS, ENTITIES, PLANNED_ACTIONS, POLICIES
from reviews.demo.words import consultations_text, join_ar, join_en, pick, programme_index
from reviews.models import (
    Answer,
    Attachment,
    Consultation,
    Country,
    GovernmentEntity,
    PlannedAction,
    Policy,
    Review,
    ReviewCycle,
    ReviewObjective,
)
from reviews.services.assignments import assignments_set
from reviews.services.submission import review_submit
from reviews.services.workflow import review_accept, review_take, revision_request

User = get_user_model()


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
    reference = Reference(cycle)
    batch = Batch()
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
        revision_request(review=review, reviewer=reviewer, reason=in_language(plan, REVISION_REASON))
    elif plan.status == Status.ACCEPTED:
        review_accept(review=review, reviewer=reviewer)


def _countries_with_content(cycle: ReviewCycle) -> set[int]:
    def has(model):
        return Exists(model.objects.filter(review=OuterRef("pk")))

    with_content = (~Q(status=Review.Status.DRAFT) | ~Q(plan_status="") | has(Answer) | has(ReviewObjective)
                    | has(GovernmentEntity) | has(Consultation) | has(Policy) | has(PlannedAction) | has(Attachment))
    return set(Review.objects.filter(cycle=cycle).filter(with_content).values_list("country_id", flat=True))


def _review_write(*, batch: Batch, reference: Reference, review: Review, plan: DemoPlan, focal_point,
                  contributor) -> None:
    country = review.country
    words = _country_words(reference=reference, country=country, plan=plan)
    if plan.prompts is None:
        prompts = reference.part_prompts
    else:
        prompts = [p for p in reference.part_prompts if p.code in plan.prompts]
    for prompt in prompts:
        author = contributor if prompt.part.number in plan.contributor_parts else focal_point
        texts = fill(PART_TEXTS.get(prompt.code, PART_FALLBACK), words)
        batch.add(answer_row(review=review, prompt=prompt, objective=None, texts=texts, plan=plan, author=author))
    parts = {prompt.part.number for prompt in prompts}
    _tables_write(batch=batch, reference=reference, review=review, plan=plan, parts=parts, words=words,
                  focal_point=focal_point, contributor=contributor)
    for number in plan.objectives:
        author = contributor if number in plan.contributor_objectives else focal_point
        completed = plan.completed is None or number in plan.completed
        objective_write(batch=batch, reference=reference, review=review, plan=plan, number=number,
                        completed=completed, author=author)
    if plan.plan_status and 2 in parts:
        review.plan_status = plan.plan_status
        review.plan_detail = in_language(plan, PLAN_SENTENCES[plan.plan_status])
        review.save(update_fields=["plan_status", "plan_detail", "updated_at"])


def _country_words(*, reference: Reference, country: Country, plan: DemoPlan) -> dict[str, dict]:
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


def _tables_write(*, batch: Batch, reference: Reference, review: Review, plan: DemoPlan, parts: set[int],
                  words: dict, focal_point, contributor) -> None:
    """The tables of a part are filled once its questions are being answered."""
    objectives = reference.objectives
    if 1 in parts:
        for name, role, level in ENTITIES:
            batch.add(GovernmentEntity(review=review, name=in_language(plan, name), role=in_language(plan, role),
                                       level=level, updated_by=focal_point))
        opened = review.cycle.opens or timezone.localdate()
        for days, form, categories, participants, summary, _named in (CONSULTATIONS[i] for i in plan.consultations):
            batch.add(
                Consultation(
                    review=review, held_on=min(opened + timedelta(days=days), timezone.localdate()), format=form,
                    participants=participants + pick(review.country.iso2, "participants", days, high=20),
                    summary=in_language(plan, summary), updated_by=focal_point,
                ),
                categories=reference.pks(reference.stakeholders, categories),
            )
    if 2 in parts:
        for title, kind, year, status, numbers in (POLICIES[i] for i in plan.policies):
            batch.add(
                Policy(review=review, title=in_language(plan, fill(title, words)), kind=kind,
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
            PlannedAction(review=review, part_number=part_number, action=in_language(plan, fill(action, words)),
                          lead_entity=in_language(plan, lead), timeframe=timeframe,
                          support_needed=in_language(plan, support), updated_by=author),
            objectives=[objectives[n].pk for n in numbers],
        )


def demo_reviews_write(*, cycle: ReviewCycle, plans: dict[str, DemoPlan]) -> list[Review]:
    """Write the plans' reviews in a cycle as they stand, open or closed, without submitting them (an earlier
    cycle's reviews, which the portal brings in rather than writes). Countries whose review in the cycle already
    has content, or without a focal point login, are left out. Returns the reviews written."""
    users = {user.username: user for user in User.objects.filter(username__in=[f"fp-{iso2.lower()}" for iso2 in plans])}
    filled = _countries_with_content(cycle)
    reference = Reference(cycle)
    batch = Batch()
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
