"""What the country workspace shows: sections, progress, what is missing, and snapshots."""

from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.auth import get_user_model
from django.db.models import F, Func, Prefetch, Q, QuerySet, TextField, Value, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import Role
from reviews.models import (
    Answer,
    Attachment,
    GoodPractice,
    GuidingPrompt,
    Indicator,
    Objective,
    Review,
    ReviewObjective,
    TemplatePart,
)
from reviews.selectors.reference import (
    reference_by_pk,
    reference_kept,
    reference_rows,
    with_reference,
    with_reference_relations,
)
from reviews.tables import TABLES

User = get_user_model()


@dataclass
class PartProgress:
    number: int
    title: str
    done: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


@dataclass
class Missing:
    label: str
    url: str
    # Where the gap is, to find a contributor's own gaps (0: choosing objectives, the focal point's);
    # an item is the same item wherever it is found.
    part_number: int = field(default=0, compare=False)
    objective_id: int | None = field(default=None, compare=False)


@dataclass
class Gap:
    """A required item found missing, before it is written out: a part's prompt (`row` None), an objective's
    prompt (`prompt` and `row`), an objective's implementation stage (`row` only), or no objective chosen."""
    part_number: int
    prompt: GuidingPrompt | None = None
    row: ReviewObjective | None = None


@dataclass
class Progress:
    review_uid: object = None
    objectives_reported: int = 0
    parts: list[PartProgress] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(part.done for part in self.parts)

    @property
    def total(self) -> int:
        return sum(part.total for part in self.parts)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100

    @cached_property
    def missing(self) -> list[Missing]:
        """The gaps with their labels and links, written out where a page lists them (the submission check,
        the next gap), not on every page that only counts them."""
        return [_missing(self.review_uid, gap) for gap in self.gaps]


def _missing(review_uid, gap: Gap) -> Missing:
    if gap.prompt is None and gap.row is None:
        return Missing(_("Choose at least one objective to report on."),
                       reverse("reviews:objectives", args=[review_uid]), 0)
    if gap.row is None:
        url = reverse("reviews:part", args=[review_uid, gap.part_number])
        return Missing(f"{gap.part_number}. {_isolated(gap.prompt.code)} {gap.prompt.text}",
                       f"{url}#prompt-{gap.prompt.code}", gap.part_number)
    number = gap.row.objective.number
    url = reverse("reviews:objective", args=[review_uid, number])
    if gap.prompt is None:
        return Missing(_("Objective %(number)s: implementation stage") % {"number": number},
                       f"{url}#stage", gap.part_number, gap.row.objective_id)
    return Missing(_("Objective %(number)s: %(code)s %(prompt)s") % {
        "number": number, "code": _isolated(gap.prompt.code), "prompt": gap.prompt.text},
        f"{url}#prompt-{gap.prompt.code}", gap.part_number, gap.row.objective_id)


def template_parts(review: Review) -> list[TemplatePart]:
    return cycle_template_parts(review.cycle_id)


def cycle_template_parts(cycle_id: int) -> list[TemplatePart]:
    """A cycle's five parts with their prompts in order: two queries, once per process while the reference
    data stays the same (selectors/reference.py). Shared between requests: read them, never change them."""
    return reference_kept(("template", cycle_id), lambda: list(
        TemplatePart.objects.filter(cycle_id=cycle_id).order_by("number").prefetch_related(
            Prefetch("prompts", queryset=GuidingPrompt.objects.order_by("position", "code"))
        )
    ))


def reported_objectives(review: Review) -> list[ReviewObjective]:
    """The objectives a review reports on, by number, each with its objective and round table from the
    reference list kept per process: one query of the review's own rows, without joins or ordering in SQL
    (every workspace page reads them for its navigation)."""
    rows = with_reference(list(ReviewObjective.objects.filter(review=review, is_reported=True).order_by()),
                          objective=Objective)
    return sorted(rows, key=lambda row: row.objective.number)


@dataclass(frozen=True)
class ReportedStage:
    """What progress_compute needs of a reported objective, when it counts many reviews (reviews_progress)."""

    objective_id: int
    stage: str

    @property
    def objective(self) -> Objective:
        """From the list kept per process, read only where a gap is written out (Progress.missing)."""
        return reference_by_pk(Objective, [self.objective_id])[self.objective_id]


def reported_stages_of(reviews) -> dict[int, list[ReportedStage]]:
    """Review id -> its reported objectives as ReportedStage: numbers read for a region's reviews at once,
    not rows (building 200 rows cost the dashboard more than its queries)."""
    reported = {review.pk: [] for review in reviews}
    for review_id, objective_id, stage in ReviewObjective.objects.filter(
            review__in=list(reported), is_reported=True).order_by().values_list("review_id", "objective_id", "stage"):
        reported[review_id].append(ReportedStage(objective_id, stage))
    return reported


def answered_keys(answers) -> set[tuple]:
    """The (review, prompt, objective) of each answer with text (not only spaces) in either language."""
    with_text = answers.annotate(ar=_trimmed("text_ar"), en=_trimmed("text_en")).exclude(ar="", en="")
    return set(with_text.order_by().values_list("review_id", "prompt_id", "objective_id"))  # a set: no ORDER BY


# What Python's \s matches: a text of only these is no answer. TRIM takes them away in SQLite and PostgreSQL
# alike, where a regular expression costs SQLite a call into Python for each row (5 ms of a workspace page).
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
              "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def _trimmed(name: str) -> Func:
    return Func(F(name), Value(WHITESPACE), function="TRIM", output_field=TextField())


def review_progress(review: Review, *, parts: list[TemplatePart] | None = None,
                    objectives: list[ReviewObjective] | None = None) -> Progress:
    """Required prompts answered (in either language) per part; in part 3 each reported objective
    counts its required prompts and its implementation stage. Three queries, whatever the size (one when
    the page has its parts and reported objectives already)."""
    parts = parts if parts is not None else template_parts(review)
    objectives = objectives if objectives is not None else list(reported_objectives(review))
    return progress_compute(review=review, parts=parts, answered=answered_keys(Answer.objects.filter(review=review)),
                            objectives=objectives)


def reviews_progress(reviews) -> dict[int, Progress]:
    """Review id -> its progress, for many reviews at once (a region's dashboard, a team's home across
    cycles): two queries, whatever the number of reviews, each cycle's template read from the kept lists."""
    reviews = list(reviews)
    answered = answered_keys(Answer.objects.filter(review__in=reviews))
    objectives = reported_stages_of(reviews)
    return {review.pk: progress_compute(review=review, parts=cycle_template_parts(review.cycle_id),
                                        answered=answered, objectives=objectives[review.pk])
            for review in reviews}


def _isolated(code: str) -> str:
    """A prompt code kept left-to-right inside Arabic text ("3.a" must not read "a.3")."""
    return f"\u2066{code}\u2069"


def progress_compute(*, review: Review, parts: list[TemplatePart], answered: set[tuple],
                     objectives: list[ReviewObjective] | list[ReportedStage]) -> Progress:
    """The progress of one review from data fetched beforehand, so a dashboard of many reviews
    costs the same few queries as one review."""
    progress = Progress(review_uid=review.uid, objectives_reported=len(objectives))
    for part in parts:
        counter = PartProgress(number=part.number, title=part.title)
        for prompt in part.prompts.all():
            if not prompt.is_required:
                continue
            if prompt.scope == GuidingPrompt.Scope.PART:
                counter.total += 1
                if (review.pk, prompt.pk, None) in answered:
                    counter.done += 1
                else:
                    progress.gaps.append(Gap(part.number, prompt))
            else:
                for row in objectives:
                    counter.total += 1
                    if (review.pk, prompt.pk, row.objective_id) in answered:
                        counter.done += 1
                    else:
                        progress.gaps.append(Gap(part.number, prompt, row))
        if part.number == 3:
            if not objectives:
                counter.total += 1
                progress.gaps.append(Gap(0))
            for row in objectives:
                counter.total += 1
                if row.stage:
                    counter.done += 1
                else:
                    progress.gaps.append(Gap(part.number, None, row))
        progress.parts.append(counter)
    return progress


def objective_details(review_objective: ReviewObjective) -> ReviewObjective:
    """A reported objective (of reported_objectives) with what its page shows and its form reads: its
    principles, SDG targets and partners. Three queries, on the row in hand."""
    return with_reference_relations([review_objective], "principles", "sdg_targets", "partners")[0]


def table_rows(table, review: Review, review_objective: ReviewObjective | None = None):
    """A table's rows with what each row points to (a practice's kind, an indicator's suggested
    indicator, a policy's document) joined in: showing a row must not cost a query per row. Who changed a row
    last is not joined (the whole user row, in every table's query): with_users reads them for a page at once."""
    pointers = [f.name for f in table.model._meta.concrete_fields
                if f.many_to_one and f.name not in ("review", "review_objective") and f.related_model is not User]
    queryset = table.rows(review, review_objective).select_related(None).prefetch_related(None)
    rows = list(queryset.select_related(*pointers) if pointers else queryset)  # none named would follow them all
    return with_reference_relations(rows, *(field.name for field in table.model._meta.many_to_many))


def answers_by_prompt(review: Review, *, objective: Objective | None = None) -> dict[int, Answer]:
    """The answers of a part (or of a reported objective) by prompt; who changed each last is not joined: the
    page reads them with its rows' (with_users)."""
    # No ORDER BY: a dictionary has no use for it, and Django pays for one on a wide row (each column hashed)
    answers = Answer.objects.filter(review=review, objective=objective).order_by()
    return {answer.prompt_id: answer for answer in answers}


def review_full(review: Review) -> dict:
    """The whole review for the one-page preview: parts with their answers, then each reported
    objective with its answers, details, practices and indicators. A fixed number of queries."""
    parts = template_parts(review)
    answers = {
        (answer.prompt_id, answer.objective_id): answer
        for answer in Answer.objects.filter(review=review).select_related("updated_by").order_by()
    }
    objectives = reported_objectives(review)
    prefetch_related_objects(
        objectives, "principles", "sdg_targets", "partners",
        Prefetch("practices", GoodPractice.objects.select_related("kind").prefetch_related("criteria", "partners")),
        Prefetch("indicators", Indicator.objects.select_related("suggested")),
    )
    sections = []
    for part in parts:
        prompts = list(part.prompts.all())
        section = {
            "part": part,
            "answers": [(p, answers.get((p.pk, None))) for p in prompts if p.scope == GuidingPrompt.Scope.PART],
            "tables": [(table, list(table_rows(table, review))) for table in TABLES.values()
                       if table.part_number == part.number and not table.per_objective],
        }
        if part.number == 3:
            objective_prompts = [p for p in prompts if p.scope == GuidingPrompt.Scope.OBJECTIVE]
            section["objectives"] = [
                {"row": row, "answers": [(p, answers.get((p.pk, row.objective_id))) for p in objective_prompts]}
                for row in objectives
            ]
        sections.append(section)
    return {"sections": sections}


def reported_objective_rows(review: Review) -> QuerySet[ReviewObjective]:
    """The objectives a review reports on, to look one up by its objective's number."""
    return review.review_objectives.filter(is_reported=True)


def objective_numbered(number: int) -> Objective | None:
    """The objective with its round table, from the reference list kept per process (read, never change)."""
    return next((objective for objective in reference_rows(Objective) if objective.number == number), None)


def review_attachments(review: Review) -> QuerySet[Attachment]:
    """The documents of a review, newest first, with who uploaded each: one query."""
    return review.attachments.select_related("uploaded_by")


def review_overview(review: Review) -> dict:
    """What the overview page shows beside the navigation: the documents, the submitted versions,
    the last workflow event (the reason for a revision request) and how many shared comments are open.
    Four queries, whatever the number of each."""
    open_comments = list(review.comments.filter(visibility="shared", is_resolved=False, parent__isnull=True)
                         .order_by("part_number", "objective_number", "created_at"))
    return {
        "attachments": review_attachments(review),
        "versions": review.versions.select_related("submitted_by"),
        "last_event": review.events.select_related("actor").last(),
        "open_shared_comments": len(open_comments),
        "open_shared_comment_list": open_comments,
    }


def next_gap(progress: Progress, assignments: tuple[set, set] | None = None) -> Missing | None:
    """The first required item still missing; for a contributor (`assignments`: the part numbers and
    objective ids assigned to them), the first one in their own work."""
    if assignments is None:
        return next(iter(progress.missing), None)
    parts, objective_ids = assignments
    return next((item for item in progress.missing
                 if item.part_number in parts or (item.objective_id is not None and item.objective_id in objective_ids)),
                None)


def section_editors(review: Review, *, part_number: int, objective_id: int | None = None) -> list:
    """Who may edit a part (or an objective) of the review while it is open to the country: the focal
    point and the contributors assigned to it, as a read-only section names them. One query."""
    assigned = Q(assignments__review=review, assignments__part__number=part_number)
    if objective_id is not None:
        assigned |= Q(assignments__review=review, assignments__objective_id=objective_id)
    return list(country_team_users(review).filter(is_active=True)
                .filter(Q(role=Role.FOCAL_POINT) | (Q(role=Role.CONTRIBUTOR) & assigned))
                .distinct().order_by("role", "username"))


def country_team_users(review: Review) -> QuerySet:
    """The users of the review's country, among whom the focal point picks whom to assign work to."""
    return User.objects.filter(country_id=review.country_id)


def team_members(review: Review) -> list[tuple]:
    """The active contributors of the review's country by username, each with the part numbers and
    objective ids assigned to them in this review. Two queries, whatever the size of the team."""
    contributors = list(country_team_users(review).filter(role=Role.CONTRIBUTOR, is_active=True).order_by("username"))
    assigned = {}
    for assignment in review.assignments.select_related("part"):
        entry = assigned.setdefault(assignment.contributor_id, {"parts": set(), "objectives": set()})
        if assignment.part_id:
            entry["parts"].add(assignment.part.number)
        else:
            entry["objectives"].add(assignment.objective_id)
    return [(contributor, assigned.get(contributor.pk, {"parts": set(), "objectives": set()}))
            for contributor in contributors]
