import datetime

import factory
from django.conf import settings
from django.utils import timezone

from accounts.models import Role
from reviews.models import (
    Answer,
    Assignment,
    Attachment,
    ChangeLog,
    Comment,
    Consultation,
    Country,
    Download,
    GeneratedReport,
    GoodPractice,
    GoodPracticeCriterion,
    GovernmentEntity,
    GuidingPrompt,
    Indicator,
    Notification,
    Objective,
    Organisation,
    PlannedAction,
    Policy,
    PracticeType,
    Review,
    ReviewCycle,
    ReviewEvent,
    ReviewObjective,
    ReviewVersion,
    RoundTable,
    StakeholderCategory,
    SynthesisChapter,
    TemplatePart,
)


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ["iso2"]

    iso2 = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    name_en = factory.LazyAttribute(lambda o: f"Country {o.iso2}")
    name_ar = factory.LazyAttribute(lambda o: f"بلد {o.iso2}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"org{n}")
    name_en = factory.LazyAttribute(lambda o: f"Organisation {o.code}")
    name_ar = factory.LazyAttribute(lambda o: f"منظمة {o.code}")
    acronym_en = factory.LazyAttribute(lambda o: o.code.upper())
    acronym_ar = factory.LazyAttribute(lambda o: o.code.upper())


class ReviewCycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewCycle
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"cycle-{n}")
    name_en = factory.LazyAttribute(lambda o: f"Cycle {o.slug}")
    name_ar = factory.LazyAttribute(lambda o: f"دورة {o.slug}")
    is_open = True


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    cycle = factory.SubFactory(ReviewCycleFactory)
    country = factory.SubFactory(CountryFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.django.Password("correct-horse-battery")


class FocalPointFactory(UserFactory):
    role = Role.FOCAL_POINT
    country = factory.SubFactory(CountryFactory)


class ContributorFactory(UserFactory):
    role = Role.CONTRIBUTOR
    country = factory.SubFactory(CountryFactory)
    ministry_en = "Ministry of Labour"


class ReviewerFactory(UserFactory):
    role = Role.REVIEWER
    organisation = factory.SubFactory(OrganisationFactory)


class OrganiserFactory(UserFactory):
    role = Role.ORGANISER


class RoundTableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoundTable
        django_get_or_create = ["number"]

    number = factory.Sequence(lambda n: n % 4 + 1)
    title_en = factory.LazyAttribute(lambda o: f"Round table {o.number}")
    title_ar = factory.LazyAttribute(lambda o: f"المائدة المستديرة {o.number}")


class ObjectiveFactory(factory.django.DjangoModelFactory):
    """The GCM has 23 objectives: with the reference data loaded this returns the real one."""

    class Meta:
        model = Objective
        django_get_or_create = ["number"]

    number = factory.Sequence(lambda n: n % 23 + 1)
    title_en = factory.LazyAttribute(lambda o: f"Objective {o.number}")
    title_ar = factory.LazyAttribute(lambda o: f"الهدف {o.number}")
    short_label_en = factory.LazyAttribute(lambda o: f"Objective {o.number}")
    short_label_ar = factory.LazyAttribute(lambda o: f"الهدف {o.number}")
    round_table = factory.SubFactory(RoundTableFactory)


class StakeholderCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderCategory
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"stakeholders-{n}")
    name_en = factory.LazyAttribute(lambda o: f"Stakeholders {o.code}")
    name_ar = factory.LazyAttribute(lambda o: f"أصحاب المصلحة {o.code}")


class PracticeTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeType
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"practice-{n}")
    name_en = factory.LazyAttribute(lambda o: f"Practice {o.code}")
    name_ar = factory.LazyAttribute(lambda o: f"ممارسة {o.code}")


class GoodPracticeCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPracticeCriterion
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"criterion-{n}")
    name_en = factory.LazyAttribute(lambda o: f"Criterion {o.code}")
    name_ar = factory.LazyAttribute(lambda o: f"معيار {o.code}")


class TemplatePartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TemplatePart
        django_get_or_create = ["cycle", "number"]

    cycle = factory.SubFactory(ReviewCycleFactory)
    number = factory.Sequence(lambda n: n % 5 + 1)
    title_en = factory.LazyAttribute(lambda o: f"Part {o.number}")
    title_ar = factory.LazyAttribute(lambda o: f"الجزء {o.number}")


class GuidingPromptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuidingPrompt

    part = factory.SubFactory(TemplatePartFactory)
    code = factory.Sequence(lambda n: f"q{n}")
    text_en = factory.LazyAttribute(lambda o: f"Question {o.code}?")
    text_ar = factory.LazyAttribute(lambda o: f"السؤال {o.code}؟")
    scope = GuidingPrompt.Scope.PART
    is_required = True


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    prompt = factory.SubFactory(GuidingPromptFactory)
    review = factory.SubFactory(ReviewFactory, cycle=factory.SelfAttribute("..prompt.part.cycle"))
    objective = None
    text_ar = factory.Sequence(lambda n: f"إجابة رقم {n}")
    text_en = ""
    original_language = "ar"


class ReviewObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewObjective

    review = factory.SubFactory(ReviewFactory)
    objective = factory.SubFactory(ObjectiveFactory)
    is_reported = True
    stage = ""


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A part assignment by default; pass `part=None, objective=...` for an objective."""

    class Meta:
        model = Assignment

    review = factory.SubFactory(ReviewFactory)
    contributor = factory.SubFactory(ContributorFactory, country=factory.SelfAttribute("..review.country"))
    part = factory.SubFactory(TemplatePartFactory, cycle=factory.SelfAttribute("..review.cycle"))
    objective = None
    assigned_by = factory.SubFactory(FocalPointFactory, country=factory.SelfAttribute("..review.country"))


class GovernmentEntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GovernmentEntity

    review = factory.SubFactory(ReviewFactory)
    name = factory.Sequence(lambda n: f"Ministry {n}")
    level = GovernmentEntity.Level.NATIONAL
    role = "Coordination"


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    review = factory.SubFactory(ReviewFactory)
    held_on = datetime.date(2027, 3, 15)
    format = Consultation.Format.MEETING
    participants = 30
    summary = "National validation workshop."


class PolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Policy

    review = factory.SubFactory(ReviewFactory)
    title = factory.Sequence(lambda n: f"Migration law {n}")
    kind = Policy.Kind.LAW
    year = 2022
    status = Policy.Status.ADOPTED


class GoodPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPractice

    review_objective = factory.SubFactory(ReviewObjectiveFactory)
    title = factory.Sequence(lambda n: f"Practice {n}")
    kind = factory.SubFactory(PracticeTypeFactory)
    description = "What was done, with whom, and what changed."


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    review_objective = factory.SubFactory(ReviewObjectiveFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "%"


class PlannedActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlannedAction

    review = factory.SubFactory(ReviewFactory)
    part_number = 5
    action = factory.Sequence(lambda n: f"Planned action {n}")


class CommentFactory(factory.django.DjangoModelFactory):
    """A shared comment by a regional reviewer on answer 1.1; pass `review` (a submitted one)."""

    class Meta:
        model = Comment

    review = factory.SubFactory(ReviewFactory)
    author = factory.SubFactory(ReviewerFactory)
    anchor = "answer:1.1"
    part_number = 1
    objective_number = None
    body = factory.Sequence(lambda n: f"Comment {n}: please add the figures.")
    visibility = Comment.Visibility.SHARED


class ReviewEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewEvent

    review = factory.SubFactory(ReviewFactory)
    from_status = Review.Status.DRAFT
    to_status = Review.Status.SUBMITTED
    actor = factory.SubFactory(FocalPointFactory, country=factory.SelfAttribute("..review.country"))


class ChangeLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChangeLog

    review = factory.SubFactory(ReviewFactory)
    anchor = "answer:1.1"
    field = "text_ar"
    before = ""
    after = factory.Sequence(lambda n: f"نص {n}")
    user = factory.SubFactory(FocalPointFactory, country=factory.SelfAttribute("..review.country"))


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    user = factory.SubFactory(ReviewerFactory)
    review = None
    kind = Notification.Kind.SUBMISSION
    params = factory.LazyFunction(lambda: {"country_ar": "مصر", "country_en": "Egypt"})


class AttachmentFactory(factory.django.DjangoModelFactory):
    """The row of an uploaded document; no file is written (pass `file` a real one when a test reads it)."""

    class Meta:
        model = Attachment

    review = factory.SubFactory(ReviewFactory)
    file = factory.Sequence(lambda n: f"attachments/document-{n}.pdf")
    original_name = factory.LazyAttribute(lambda o: o.file.rsplit("/", 1)[-1])
    content_type = "application/pdf"
    size = 100
    uploaded_by = factory.SubFactory(FocalPointFactory, country=factory.SelfAttribute("..review.country"))


class ReviewVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewVersion

    review = factory.SubFactory(ReviewFactory)
    number = factory.Sequence(lambda n: n + 1)
    content = factory.LazyFunction(dict)
    submitted_by = factory.SubFactory(FocalPointFactory, country=factory.SelfAttribute("..review.country"))
    submitted_at = factory.LazyFunction(timezone.now)


class SynthesisChapterFactory(factory.django.DjangoModelFactory):
    """A chapter other than a round table's (one of each kind per cycle): the introduction by default."""

    class Meta:
        model = SynthesisChapter

    cycle = factory.SubFactory(ReviewCycleFactory)
    kind = SynthesisChapter.Kind.INTRODUCTION
    title_en = "Introduction"
    title_ar = "مقدمة"


class GeneratedReportFactory(factory.django.DjangoModelFactory):
    """A queued build of the regional report; given a `review`, a build of that country's review."""

    class Meta:
        model = GeneratedReport

    review = None
    kind = factory.LazyAttribute(
        lambda o: GeneratedReport.Kind.COUNTRY if o.review else GeneratedReport.Kind.REGIONAL)
    cycle = factory.Maybe("review", yes_declaration=factory.SelfAttribute("review.cycle"),
                          no_declaration=factory.SubFactory(ReviewCycleFactory))
    requested_by = factory.SubFactory(OrganiserFactory)
    data_version = factory.Sequence(lambda n: f"data-{n}")


class DownloadFactory(factory.django.DjangoModelFactory):
    """The record of a report's download (its cycle follows the report); `kind=Download.Kind.EXPORT,
    report=None, cycle=...` for an export's."""

    class Meta:
        model = Download

    kind = Download.Kind.REPORT
    report = factory.SubFactory(GeneratedReportFactory)
    cycle = factory.Maybe("report", yes_declaration=factory.SelfAttribute("report.cycle"),
                          no_declaration=factory.SubFactory(ReviewCycleFactory))
    user = factory.SubFactory(OrganiserFactory)
    file_name = "report.pdf"


# --- stakeholders (issue 17): an organisation's account, the organisation, its written inputs ---


class StakeholderUserFactory(UserFactory):
    role = Role.STAKEHOLDER


class StakeholderOrganisationFactory(factory.django.DjangoModelFactory):
    """An organisation taking part, with its account; `status=PENDING, account=None` for a request."""

    class Meta:
        model = "stakeholders.StakeholderOrganisation"

    name_en = factory.Sequence(lambda n: f"Migrant Voices {n}")
    name_ar = factory.Sequence(lambda n: f"أصوات المهاجرين {n}")
    category = factory.SubFactory(StakeholderCategoryFactory, code="civil-society")
    contact_name = "Layla Haddad"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.org")
    status = "approved"
    account = factory.SubFactory(StakeholderUserFactory)


class StakeholderInputFactory(factory.django.DjangoModelFactory):
    """A draft input; `status="submitted", submitted_at=...` (or accepted) for one the staff see."""

    class Meta:
        model = "stakeholders.StakeholderInput"

    organisation = factory.SubFactory(StakeholderOrganisationFactory)
    cycle = factory.SubFactory(ReviewCycleFactory)
    title = factory.Sequence(lambda n: f"Input {n}")
    text_ar = "العمال المهاجرون يحتاجون إلى حماية أفضل. يجب تحسين الوصول إلى العدالة."
    original_language = "ar"
    status = "draft"
    submitted_at = factory.LazyAttribute(lambda o: None if o.status == "draft" else timezone.now())
