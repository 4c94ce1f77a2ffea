from reviews.models.cycles import GuidingPrompt, ReviewCycle, TemplatePart
from reviews.models.reference import (
    Country,
    GoodPracticeCriterion,
    GuidingPrinciple,
    Objective,
    Organisation,
    PracticeType,
    RoundTable,
    SdgTarget,
    StakeholderCategory,
    SuggestedIndicator,
)
from reviews.models.review import Review

__all__ = [
    "Country",
    "GoodPracticeCriterion",
    "GuidingPrinciple",
    "GuidingPrompt",
    "Objective",
    "Organisation",
    "PracticeType",
    "Review",
    "ReviewCycle",
    "RoundTable",
    "SdgTarget",
    "StakeholderCategory",
    "SuggestedIndicator",
    "TemplatePart",
]
