"""The demo's plans: what each country's demo review holds and where the workflow leaves it.

DEFAULT_PLANS is `make run`'s demo (a few countries, one review in each status), FULL_PLANS the
region of `load_demo --full`. The texts the reviews are written from are in content.py.
"""

from dataclasses import dataclass

from reviews.models import Language, PlanStatus, Review, ReviewObjective

ALL_OBJECTIVES = tuple(range(1, 24))
REQUIRED_OBJECTIVE_PROMPTS = ("3.a", "3.b", "3.c")  # a partial review answers only these per objective

Stage = ReviewObjective.Stage
# The stages a country's objectives are drawn from (per objective, stable): how far its implementation is.
EARLY = (Stage.NOT_STARTED, Stage.PLANNED, Stage.PLANNED, Stage.UNDER_WAY)
MIXED = (Stage.PLANNED, Stage.UNDER_WAY, Stage.UNDER_WAY, Stage.ADVANCED, Stage.ACHIEVED)
ADVANCED = (Stage.UNDER_WAY, Stage.ADVANCED, Stage.ADVANCED, Stage.ACHIEVED)

Status = Review.Status
EN, AR = Language.EN, Language.AR


@dataclass(frozen=True)
class DemoPlan:
    """What one country's demo review holds. An empty plan is a review just opened."""

    prompts: tuple[str, ...] | None = ()  # part questions answered, by code; None: all of them
    objectives: tuple[int, ...] = ()  # objectives reported
    priorities: tuple[int, ...] = ()
    completed: tuple[int, ...] | None = None  # reported objectives written up in full; None: all
    objective_prompts: tuple[str, ...] | None = None  # questions answered per objective, by code; None: all
    stages: tuple[str, ...] = MIXED
    english: bool = True  # False: written in Arabic only, not yet translated
    original_language: str = AR
    plan_status: str = ""
    consultations: tuple[int, ...] = (0, 1, 2)  # held, as positions in CONSULTATIONS
    policies: tuple[int, ...] = (0, 1, 2)  # reported, as positions in POLICIES
    status: str = Status.DRAFT  # where the focal point and the regional reviewer leave it
    reviewer: str = "reviewer-escwa"  # who takes it, when its status is past submitted
    contributor_parts: tuple[int, ...] = ()  # assigned to the country's demo contributor, who wrote them
    contributor_objectives: tuple[int, ...] = ()

    @property
    def lead_objective(self) -> int:
        """The objective whose programme the country puts forward in parts 4 and 5."""
        return (self.priorities or self.objectives or (1,))[0]

    @property
    def submitted(self) -> bool:
        return self.status != Status.DRAFT


# `make run`: a few countries, one review in each status and three accepted (Jordan, Morocco, Qatar: a
# destination country of the Mashreq, one of origin and transit in the Maghreb, one of the Gulf), so the
# regional report has something real to compile; Comoros has not started.
DEFAULT_PLANS = {
    "EG": DemoPlan(
        prompts=("1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "3.0", "4.1", "4.2"),
        objectives=(5, 6, 7, 15, 20, 21, 22, 23), priorities=(6, 20, 21), completed=(5, 6, 20, 21),
        plan_status=PlanStatus.IN_PREPARATION, contributor_parts=(4,), contributor_objectives=(6,),
    ),
    "MA": DemoPlan(
        prompts=None, objectives=(2, 5, 6, 16, 18, 19, 20, 23), priorities=(19, 20), plan_status=PlanStatus.ADOPTED,
        stages=ADVANCED, consultations=(0, 1, 3, 4), policies=(0, 2, 5, 6), status=Status.ACCEPTED,
        reviewer="reviewer-las",
    ),
    "LB": DemoPlan(
        prompts=("1.1", "1.2", "1.3", "2.1"), objectives=(7, 15, 16, 22), priorities=(15,), completed=(15, 22),
        english=False,
    ),
    "IQ": DemoPlan(),
    "MR": DemoPlan(),
    "JO": DemoPlan(
        prompts=None, objectives=ALL_OBJECTIVES, priorities=(5, 6, 16), original_language=EN,
        plan_status=PlanStatus.ADOPTED, status=Status.ACCEPTED,
    ),
    "TN": DemoPlan(
        prompts=None, objectives=(1, 2, 5, 6, 7, 8, 10, 14, 15, 16, 18, 19, 20, 21), priorities=(6, 18, 21),
        plan_status=PlanStatus.INTEGRATED, status=Status.IN_REVIEW, reviewer="reviewer-iom",
    ),
    "OM": DemoPlan(
        prompts=None, objectives=(1, 5, 6, 11, 18, 20, 22, 23), priorities=(6, 18), original_language=EN,
        plan_status=PlanStatus.ADOPTED, status=Status.REVISION_REQUESTED, reviewer="reviewer-las",
    ),
    "QA": DemoPlan(
        prompts=None, objectives=(1, 5, 6, 7, 10, 12, 15, 17, 18, 22, 23), priorities=(6, 10, 22),
        original_language=EN, plan_status=PlanStatus.INTEGRATED, stages=ADVANCED, policies=(0, 1, 4, 6),
        status=Status.ACCEPTED, reviewer="reviewer-iom",
    ),
    "PS": DemoPlan(
        prompts=None, objectives=(4, 15, 19), priorities=(4, 19), plan_status=PlanStatus.IN_PREPARATION,
        status=Status.SUBMITTED,
    ),
}

# `load_demo --full`: the region as the seeds describe real reviews. Origin, transit and destination
# countries report on different objectives at different stages; Yemen and Palestine report on part of
# the template only; four countries have not submitted. Egypt's review is complete (every objective).
_SUBMITTED = {"prompts": None, "status": Status.SUBMITTED}
FULL_PLANS = {
    "DZ": DemoPlan(**_SUBMITTED, objectives=(1, 2, 5, 8, 9, 10, 11, 13, 21, 23), priorities=(2, 11, 21),
                   plan_status=PlanStatus.NONE, consultations=(0, 3), policies=(3, 2)),
    "BH": DemoPlan(**_SUBMITTED, objectives=(1, 5, 6, 7, 10, 12, 14, 16, 18, 22, 23), priorities=(6, 10),
                   original_language=EN, plan_status=PlanStatus.ADOPTED, stages=ADVANCED, consultations=(0, 2, 4),
                   policies=(0, 4, 6)),
    "KM": DemoPlan(prompts=("1.1", "1.2"), objectives=(19, 20, 21), priorities=(19,), completed=(),
                   english=False, consultations=(), policies=()),
    "DJ": DemoPlan(**_SUBMITTED, objectives=(4, 8, 9, 11, 12, 15, 21, 23), priorities=(8, 21),
                   plan_status=PlanStatus.IN_PREPARATION, stages=EARLY, consultations=(1,), policies=(3,)),
    "EG": DemoPlan(**_SUBMITTED, objectives=ALL_OBJECTIVES, priorities=(6, 20, 21),
                   plan_status=PlanStatus.ADOPTED, consultations=(0, 1, 2, 3, 4, 5),
                   policies=(0, 1, 2, 3, 5, 7)),
    "IQ": DemoPlan(**_SUBMITTED, objectives=(1, 2, 4, 7, 13, 15, 16, 21, 23), priorities=(4, 21),
                   plan_status=PlanStatus.IN_PREPARATION, stages=EARLY, consultations=(0, 5), policies=(2, 7)),
    "JO": DemoPlan(**_SUBMITTED, objectives=(1, 2, 3, 5, 6, 7, 10, 14, 15, 16, 18, 22, 23), priorities=(5, 6, 16),
                   original_language=EN, plan_status=PlanStatus.ADOPTED, stages=ADVANCED,
                   consultations=(0, 1, 2, 5), policies=(0, 1, 4, 7)),
    "KW": DemoPlan(**_SUBMITTED, objectives=(5, 6, 10, 12, 18, 22, 23), priorities=(6, 22), original_language=EN,
                   plan_status=PlanStatus.INTEGRATED, consultations=(2,), policies=(1, 6)),
    "LB": DemoPlan(**_SUBMITTED, objectives=(2, 4, 7, 15, 16, 19, 20, 21, 22), priorities=(15, 16),
                   plan_status=PlanStatus.NONE, stages=EARLY, consultations=(0, 4), policies=(5,)),
    "LY": DemoPlan(prompts=("1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2"), objectives=(8, 9, 10, 11, 13, 21),
                   priorities=(8, 11), completed=(8, 21), english=False, stages=EARLY, consultations=(0,),
                   policies=(3,)),
    "MR": DemoPlan(**_SUBMITTED, objectives=(2, 4, 9, 11, 18, 19, 21, 23), priorities=(2, 19),
                   plan_status=PlanStatus.IN_PREPARATION, stages=EARLY, consultations=(0, 1), policies=(3, 6)),
    "MA": DemoPlan(**_SUBMITTED, objectives=tuple(n for n in ALL_OBJECTIVES if n not in (8, 13)),
                   priorities=(5, 16, 19, 20), plan_status=PlanStatus.ADOPTED, stages=ADVANCED,
                   consultations=(0, 1, 2, 3, 4, 5), policies=(0, 2, 5, 6, 7)),
    "OM": DemoPlan(**_SUBMITTED, objectives=(1, 5, 6, 11, 18, 20, 22, 23), priorities=(6, 18), original_language=EN,
                   plan_status=PlanStatus.ADOPTED, consultations=(2, 4), policies=(0, 6)),
    "PS": DemoPlan(**_SUBMITTED, objectives=(4, 15, 19), priorities=(4, 19),
                   objective_prompts=REQUIRED_OBJECTIVE_PROMPTS,
                   plan_status=PlanStatus.IN_PREPARATION, stages=EARLY, consultations=(0,), policies=()),
    "QA": DemoPlan(**_SUBMITTED, objectives=(1, 5, 6, 7, 10, 12, 15, 17, 18, 22, 23), priorities=(6, 10, 22),
                   original_language=EN, plan_status=PlanStatus.INTEGRATED, stages=ADVANCED,
                   consultations=(0, 1, 2), policies=(0, 1, 4, 6)),
    "SA": DemoPlan(**_SUBMITTED, objectives=(1, 5, 6, 10, 11, 18, 22, 23), priorities=(6, 18),
                   plan_status=PlanStatus.INTEGRATED, consultations=(2, 5), policies=(1, 4, 6)),
    "SO": DemoPlan(prompts=("1.1", "1.2", "1.3"), objectives=(2, 4, 7, 21), priorities=(2,), completed=(2,),
                   english=False, stages=EARLY, consultations=(3,), policies=()),
    "SD": DemoPlan(**_SUBMITTED, objectives=(2, 4, 7, 9, 10, 13, 15, 21), priorities=(2, 21), english=False,
                   plan_status=PlanStatus.NONE, stages=EARLY, consultations=(0, 3), policies=(2,)),
    "SY": DemoPlan(prompts=("1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "3.0"),
                   objectives=(4, 7, 14, 15, 19, 21), priorities=(4, 21), completed=(4, 7, 14), english=False,
                   consultations=(0,), policies=(5,)),
    "TN": DemoPlan(**_SUBMITTED, objectives=(1, 2, 5, 6, 7, 8, 10, 14, 15, 16, 18, 19, 20, 21), priorities=(6, 18, 21),
                   plan_status=PlanStatus.INTEGRATED, consultations=(0, 1, 3, 5), policies=(0, 2, 5)),
    "AE": DemoPlan(**_SUBMITTED, objectives=(1, 3, 5, 6, 7, 10, 11, 12, 17, 18, 20, 22, 23), priorities=(6, 20),
                   original_language=EN, plan_status=PlanStatus.ADOPTED, stages=ADVANCED,
                   consultations=(0, 1, 2, 4), policies=(0, 1, 4, 6, 7)),
    "YE": DemoPlan(**_SUBMITTED, objectives=(2, 7, 21), priorities=(2, 21),
                   objective_prompts=REQUIRED_OBJECTIVE_PROMPTS,
                   plan_status=PlanStatus.NONE, stages=EARLY, consultations=(), policies=()),
}

REVISION_REASON = (
    "Please add the 2025 figures to the indicators of objectives 6 and 18, and say which ministry leads "
    "the planned actions in part 5.",
    "يُرجى إضافة أرقام عام 2025 إلى مؤشرات الهدفين 6 و18، وتحديد الوزارة التي تقود الإجراءات المخطط لها في الجزء "
    "الخامس.",
)
