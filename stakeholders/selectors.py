"""What each user may see of the stakeholders' domain: one "visible to this user" selector per model, used by
every page, export, backup and report job; and the reads the pages and the report need."""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from reviews.models import Objective, RoundTable
from reviews.models.content import ShownText, text_in
from reviews.selectors.passages import passage
from reviews.rules import can_follow_region, can_manage_users
from stakeholders.models import InputMessage, InputQuote, StakeholderInput, StakeholderOrganisation


def _active(user) -> bool:
    return user.is_authenticated and user.is_active


def organisation_of(user) -> StakeholderOrganisation | None:
    """The organisation a stakeholder account speaks for, once approved; None for everyone else."""
    if not _active(user) or not user.is_stakeholder:
        return None
    return (StakeholderOrganisation.objects.filter(account=user, status=StakeholderOrganisation.Status.APPROVED)
            .select_related("category").first())


def organisations_visible_to(user) -> QuerySet[StakeholderOrganisation]:
    """Regional staff see every organisation (organisers decide on requests); an organisation sees itself."""
    organisations = StakeholderOrganisation.objects.select_related("category", "account")
    if not _active(user):
        return organisations.none()
    if can_follow_region(user):
        return organisations.all()
    if user.is_stakeholder:
        return organisations.filter(account=user, status=StakeholderOrganisation.Status.APPROVED)
    return organisations.none()


def inputs_visible_to(user) -> QuerySet[StakeholderInput]:
    """An organisation sees its own inputs, drafts included; the regional staff see inputs once submitted (a
    draft is the organisation's own work, like a country's); country teams and everyone else see none."""
    inputs = StakeholderInput.objects.select_related("organisation__category", "cycle", "updated_by")
    if not _active(user):
        return inputs.none()
    if can_follow_region(user):
        return inputs.exclude(status=StakeholderInput.Status.DRAFT)
    if user.is_stakeholder:
        return inputs.filter(organisation__account=user,
                             organisation__status=StakeholderOrganisation.Status.APPROVED)
    return inputs.none()


def quotes_visible_to(user) -> QuerySet[InputQuote]:
    """The quotes of the inputs the user sees, in chapters of the synthesis (regional staff only)."""
    if not can_follow_region(user):
        return InputQuote.objects.none()
    return InputQuote.objects.filter(stakeholder_input__in=inputs_visible_to(user)).select_related(
        "chapter", "stakeholder_input__organisation__category")


def input_messages(stakeholder_input: StakeholderInput) -> QuerySet[InputMessage]:
    """An input's thread, oldest first; `stakeholder_input` comes from inputs_visible_to(user)."""
    return stakeholder_input.messages.select_related("author")


def input_with_lists(inputs: QuerySet[StakeholderInput]) -> QuerySet[StakeholderInput]:
    """Inputs with what a list shows of them: round tables, objectives, the organisation's countries."""
    return inputs.prefetch_related(
        Prefetch("round_tables", queryset=RoundTable.objects.order_by("number")),
        Prefetch("objectives", queryset=Objective.objects.order_by("number")),
        "organisation__countries", "documents")


def compiled_inputs(*, user, cycle, round_table=None, objective=None, category=None,
                    country=None) -> QuerySet[StakeholderInput]:
    """The inputs accepted for compilation in a cycle, filtered as the compilation page asks, by organisation."""
    inputs = inputs_visible_to(user).filter(cycle=cycle, status=StakeholderInput.Status.ACCEPTED)
    if round_table is not None:
        inputs = inputs.filter(round_tables=round_table)
    if objective is not None:
        inputs = inputs.filter(objectives=objective)
    if category is not None:
        inputs = inputs.filter(organisation__category=category)
    if country is not None:
        inputs = inputs.filter(organisation__countries=country)
    return input_with_lists(inputs.distinct()).order_by("organisation__category__code", "organisation__name_en",
                                                        "organisation__name_ar", "pk")


def moderation_queue(*, user, status: str = "") -> QuerySet[StakeholderInput]:
    """The inputs the staff moderate, those waiting for a decision first."""
    inputs = inputs_visible_to(user)
    if status in StakeholderInput.Status.values:
        inputs = inputs.filter(status=status)
    return input_with_lists(inputs).order_by("status", "-submitted_at", "pk")


def organisation_requests(user) -> QuerySet[StakeholderOrganisation]:
    """Organisations by status, the requests waiting for an organiser first (organisers only)."""
    if not can_manage_users(user):
        return StakeholderOrganisation.objects.none()
    waiting_first = Case(When(status=StakeholderOrganisation.Status.PENDING, then=Value(0)), default=Value(1),
                         output_field=IntegerField())
    return (organisations_visible_to(user).prefetch_related("countries")
            .order_by(waiting_first, "status", "category__code", "name_en", "name_ar"))


# --- the report: each round-table chapter's "Stakeholder perspectives" and the annex of contributors ---


@dataclass
class Perspective:
    """A quoted passage as an edition prints it, attributed as the organisation consented."""

    text: ShownText  # in the edition's language, or marked as only in the other one
    organisation: ShownText | None  # its name, when it consented to be named; None: cited by category only
    category: str


@dataclass
class ContributorGroup:
    category: str
    organisations: list[ShownText]  # those that consented to be named, by name
    unnamed: int  # those that asked to be cited by their category only


def report_perspectives(*, user, cycle, language: str) -> dict[int, list[Perspective]]:
    """Round table id -> the passages its chapter quotes, from inputs accepted for compilation that the user
    sees, in the order they were chosen. One query."""
    quotes = (quotes_visible_to(user).filter(chapter__cycle=cycle, chapter__round_table__isnull=False,
                                             stakeholder_input__status=StakeholderInput.Status.ACCEPTED)
              .select_related("chapter", "stakeholder_input__organisation__category").order_by("created_at", "pk"))
    found: dict[int, list[Perspective]] = {}
    for quote in quotes:
        item = quote.stakeholder_input
        cut = {"first": quote.first_sentence, "last": quote.last_sentence}
        shown = text_in(text_ar=passage(item.text_ar, **cut), text_en=passage(item.text_en, **cut), language=language)
        if not shown["text"]:
            continue
        named = item.attribution == StakeholderInput.Attribution.NAMED
        found.setdefault(quote.chapter.round_table_id, []).append(Perspective(
            text=shown, organisation=item.organisation.name_in(language) if named else None,
            category=item.organisation.category.name))
    return found


def report_contributors(*, user, cycle, language: str) -> list[ContributorGroup]:
    """The organisations whose inputs were accepted for the cycle's compilation, by category: named when they
    consented to it (on any of their accepted inputs), counted otherwise. One query."""
    inputs = (inputs_visible_to(user).filter(cycle=cycle, status=StakeholderInput.Status.ACCEPTED)
              .order_by("organisation__category__code", "pk"))
    organisations: dict[str, dict[int, StakeholderOrganisation]] = {}  # category name -> pk -> organisation
    consented: set[int] = set()
    for item in inputs:
        organisations.setdefault(item.organisation.category.name, {})[item.organisation_id] = item.organisation
        if item.attribution == StakeholderInput.Attribution.NAMED:
            consented.add(item.organisation_id)
    groups = []
    for category, members in organisations.items():
        names = sorted((organisation.name_in(language) for pk, organisation in members.items() if pk in consented),
                       key=lambda name: name["text"])
        groups.append(ContributorGroup(category=category, organisations=names,
                                       unnamed=sum(1 for pk in members if pk not in consented)))
    return groups
