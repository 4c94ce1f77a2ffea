"""Parts 1, 2, 4 and 5 of the included reviews compiled for the regional report, from each review's last
submitted version: how the reviews were prepared, policies and plans, planned actions, each country's
passage under a part's question, and the country profiles of the annex. No query of their own but the
reference names (stakeholder categories)."""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from reviews.models import Objective, PlanStatus, Policy, Review, ReviewObjective, StakeholderCategory
from reviews.models.content import ShownText, text_in
from reviews.report.data.versions import PrintedVersion
from reviews.selectors.figures import BarRow, bar_rows
from reviews.selectors.passages import passage

COMPILED_WORDS = 40  # a country's passage in a compiled chapter (process, policy, means, next steps)


@dataclass
class CountryPassage:
    review: Review
    text: ShownText


@dataclass
class PreparationRow:
    review: Review
    entities: int
    consultations: int
    participants: int
    categories: int


@dataclass
class PolicyRow:
    review: Review
    adopted: int
    years: str  # "2019, 2021 (2)"
    plan: str


@dataclass
class ActionRow:
    review: Review
    actions: int
    support: int  # actions that need support


@dataclass
class CountryProfile:
    review: Review
    facts: list[tuple[str, str]]
    lead_institution: ShownText | None
    key_messages: ShownText | None
    objectives: list[dict]  # {number, title, is_priority, stage_label} as last submitted
    printed: PrintedVersion | None = None


def compiled_passages(reviews: list[Review], contents: dict, *, code: str, language: str) -> list[CountryPassage]:
    """Each country's answer to a part's question, its first sentences (at most COMPILED_WORDS words)."""
    found = []
    for review in reviews:
        for answer in contents.get(review.pk, {}).get("answers", []):
            if answer["prompt"] == code and not answer["objective"]:
                text = text_in(text_ar=passage(answer["text_ar"], max_words=COMPILED_WORDS),
                               text_en=passage(answer["text_en"], max_words=COMPILED_WORDS), language=language)
                if text["text"]:
                    found.append(CountryPassage(review=review, text=text))
    return found


def preparation_rows(reviews: list[Review], contents: dict) -> list[PreparationRow]:
    rows = []
    for review in reviews:
        content = contents.get(review.pk, {})
        consultations = content.get("consultations", [])
        rows.append(PreparationRow(
            review=review, entities=len(content.get("entities", [])), consultations=len(consultations),
            participants=sum(row["participants"] or 0 for row in consultations),
            categories=len({code for row in consultations for code in row["categories"]})))
    return rows


def stakeholder_rows(reviews: list[Review], contents: dict) -> list[BarRow]:
    """Countries whose consultations included each stakeholder category (one query: the names)."""
    counts = []
    for code, name in StakeholderCategory.objects.values_list("code", "name"):
        counts.append((name, sum(1 for review in reviews if any(
            code in row["categories"] for row in contents.get(review.pk, {}).get("consultations", [])))))
    return bar_rows(sorted(counts, key=lambda row: -row[1]), scale=len(reviews))


def policy_rows(reviews: list[Review], contents: dict) -> list[PolicyRow]:
    plan_labels = dict(PlanStatus.choices)
    rows = []
    for review in reviews:
        content = contents.get(review.pk, {})
        years = Counter(row["year"] for row in content.get("policies", []) if row["status"] == Policy.Status.ADOPTED)
        rows.append(PolicyRow(
            review=review, adopted=sum(years.values()),
            years=", ".join(f"{year} ({n})" if n > 1 else str(year) for year, n in sorted(years.items(),
                                                                                          key=lambda i: i[0] or 0)),
            plan=str(plan_labels.get(content.get("plan", {}).get("status"), _("Not stated")))))
    return rows


def policies_by_year(contents: dict) -> list[BarRow]:
    years = Counter(row["year"] for content in contents.values() for row in content.get("policies", [])
                    if row["status"] == Policy.Status.ADOPTED and row["year"])
    return bar_rows([(str(year), n) for year, n in sorted(years.items())], scale=max(years.values(), default=0))


def plan_status_rows(reviews: list[Review], contents: dict) -> list[BarRow]:
    statuses = [contents.get(review.pk, {}).get("plan", {}).get("status") or "" for review in reviews]
    counts = [(str(label), statuses.count(value)) for value, label in PlanStatus.choices]
    if "" in statuses:
        counts.append((_("Not stated"), statuses.count("")))
    return bar_rows(counts, scale=len(reviews))


def action_rows(reviews: list[Review], contents: dict) -> list[ActionRow]:
    rows = []
    for review in reviews:
        actions = contents.get(review.pk, {}).get("planned_actions", [])
        rows.append(ActionRow(review=review, actions=len(actions),
                              support=sum(1 for row in actions if (row.get("support_needed") or "").strip())))
    return rows


def _answer(content: dict, code: str, language: str) -> ShownText | None:
    for answer in content.get("answers", []):
        if answer["prompt"] == code and not answer["objective"]:
            text = text_in(text_ar=answer["text_ar"], text_en=answer["text_en"], language=language)
            return text if text["text"] else None
    return None


def country_profiles(reviews: list[Review], *, printed: dict[int, PrintedVersion], objectives: list[Objective],
              language: str) -> list[CountryProfile]:
    """Key facts of parts 1, 2 and 5 and the objectives reported, per country, as last submitted."""
    plan_labels = dict(PlanStatus.choices)
    stages = dict(ReviewObjective.Stage.choices)
    by_number = {objective.number: objective for objective in objectives}
    profiles = []
    for review in reviews:
        version = printed.get(review.pk)
        content = version.content if version else {}
        policies = content.get("policies", [])
        consultations = content.get("consultations", [])
        participants = sum(row["participants"] or 0 for row in consultations)
        facts = [
            (_("Government entities involved"), str(len(content.get("entities", [])))),
            (_("Consultations held"), str(len(consultations))),
            (_("Participants in consultations"), str(participants)),
            (_("Policies reported"), str(len(policies))),
            (_("Policies adopted"), str(sum(1 for row in policies if row["status"] == Policy.Status.ADOPTED))),
            (_("National implementation plan"),
             str(plan_labels.get(content.get("plan", {}).get("status"), _("Not stated")))),
            (_("Planned actions"), str(len(content.get("planned_actions", [])))),
        ]
        reported = [{"number": row["objective"], "title": by_number[row["objective"]].short_label,
                     "is_priority": row["is_priority"], "stage_label": str(stages.get(row["stage"], ""))}
                    for row in sorted(content.get("objectives", []), key=lambda row: row["objective"])
                    if row["objective"] in by_number]
        profiles.append(CountryProfile(
            review=review, facts=facts, lead_institution=_answer(content, "1.1", language),
            key_messages=_answer(content, "5.3", language), objectives=reported, printed=version,
        ))
    return profiles
