"""Writing the regional synthesis: its chapters, the per-objective sections, citations and featured practices.

Only the regional staff write the synthesis. Texts are saved like a country's answers: a save names
the version it started from and is refused (EditConflict) when somebody saved in between. Every
change leaves a SynthesisChange row, field by field.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews import rules
from reviews.models import (
    ChapterCitation,
    GoodPractice,
    GuidingPrompt,
    Objective,
    ObjectiveSynthesis,
    Review,
    ReviewCycle,
    ReviewObjective,
    RoundTable,
    SynthesisChapter,
)
from reviews.models.content import original_language_of
from reviews.selectors.visibility import reviews_visible_to
from reviews.services.audit import synthesis_audit_record
from reviews.services.errors import DomainError, NotAllowed
from reviews.services.versioned import UNVERIFIED, bilingual_text_update, versioned_update

Kind = SynthesisChapter.Kind

# The report's chapters, in order; one round-table chapter per round table goes where ROUND_TABLE stands.
# Titles are data of the report in both languages, not interface strings. (Cycles set up before the
# report took this shape may keep an "Introduction" chapter with text: it stays, after the summary.)
CHAPTER_LAYOUT = [
    (Kind.KEY_MESSAGES, "الرسائل الرئيسية", "Key messages"),
    (Kind.EXECUTIVE_SUMMARY, "الملخص التنفيذي", "Executive summary"),
    (Kind.METHODOLOGY, "عملية الاستعراض الإقليمي", "The regional review process"),
    (Kind.POLICY, "السياسات والبيئة التمكينية", "Policy and enabling environment"),
    (Kind.ROUND_TABLE, "", ""),
    (Kind.MEANS, "وسائل التنفيذ", "Means of implementation"),
    (Kind.NEXT_STEPS, "الخطوات التالية", "Next steps"),
    (Kind.CONCLUSIONS, "الاستنتاجات والتوصيات", "Conclusions and recommendations"),
]
_KEPT_AFTER = {Kind.INTRODUCTION: Kind.EXECUTIVE_SUMMARY}  # chapters no longer created, kept where they were

SynthesisItem = SynthesisChapter | ObjectiveSynthesis


def synthesis_write_check(user) -> None:
    if not rules.can_follow_region(user):
        raise NotAllowed(_("Only the regional staff write the regional synthesis."))


def _layout_positions(round_tables: list[RoundTable]) -> dict[tuple[str, int | None], int]:
    """Each chapter's place in the report: (kind, round table id) -> position, counted in tens so a kept
    chapter of an earlier layout fits right after the one it followed."""
    positions = {}
    for kind, _title_ar, _title_en in CHAPTER_LAYOUT:
        for round_table in (round_tables if kind == Kind.ROUND_TABLE else [None]):
            positions[(kind, round_table.pk if round_table else None)] = 10 * (len(positions) + 1)
    for kept, after in _KEPT_AFTER.items():
        positions[(kept, None)] = positions[(after, None)] + 5
    return positions


@transaction.atomic
def synthesis_chapters_ensure(*, cycle: ReviewCycle) -> list[SynthesisChapter]:
    """Create the cycle's chapters in report order, one chapter per round table and, under it, a section
    per objective of that round table; put existing chapters in report order. Idempotent: existing
    chapters and their texts are left untouched, and the cost does not depend on how many exist."""
    round_tables = list(RoundTable.objects.prefetch_related("objectives").order_by("number"))
    positions = _layout_positions(round_tables)
    chapters = list(SynthesisChapter.objects.filter(cycle=cycle).select_related("round_table"))
    existing = {(c.kind, c.round_table_id) for c in chapters}
    missing = []
    for kind, title_ar, title_en in CHAPTER_LAYOUT:
        for round_table in (round_tables if kind == Kind.ROUND_TABLE else [None]):
            key = (kind, round_table.pk if round_table else None)
            if key in existing:
                continue
            titles = (round_table.title_ar, round_table.title_en) if round_table else (title_ar, title_en)
            missing.append(SynthesisChapter(cycle=cycle, kind=kind, round_table=round_table, position=positions[key],
                                            title_ar=titles[0], title_en=titles[1]))
    moved = [chapter for chapter in chapters
             if positions.get((chapter.kind, chapter.round_table_id), chapter.position) != chapter.position]
    for chapter in moved:
        chapter.position = positions[(chapter.kind, chapter.round_table_id)]
    if moved:
        SynthesisChapter.objects.bulk_update(moved, ["position"])
    if missing:
        # Two set-ups of the same cycle at once: the unique constraints keep one chapter of each.
        SynthesisChapter.objects.bulk_create(missing, ignore_conflicts=True)
    if missing or moved:
        chapters = list(SynthesisChapter.objects.filter(cycle=cycle).select_related("round_table"))
    wanted = [
        (chapter, objective)
        for chapter in chapters if chapter.is_round_table
        for round_table in round_tables if round_table.pk == chapter.round_table_id
        for objective in round_table.objectives.all()
    ]
    have = set(ObjectiveSynthesis.objects.filter(chapter__cycle=cycle).values_list("chapter_id", "objective_id"))
    sections = [ObjectiveSynthesis(chapter=chapter, objective=objective)
                for chapter, objective in wanted if (chapter.pk, objective.pk) not in have]
    if sections:
        ObjectiveSynthesis.objects.bulk_create(sections, ignore_conflicts=True)
    return chapters


@transaction.atomic
def _text_save(*, item: SynthesisItem, chapter: SynthesisChapter, objective: Objective | None, user,
               text_ar: str, text_en: str, original_language: str | None, base_version: int) -> SynthesisItem:
    synthesis_write_check(user)
    values = {"text_ar": text_ar, "text_en": text_en,
              "original_language": original_language_of(original_language=original_language, text_ar=text_ar,
                                                        text_en=text_en)}
    item.refresh_from_db(from_queryset=type(item).objects.select_for_update(of=("self",)))
    before = bilingual_text_update(
        row=item, base_version=base_version, user=user, values=values,
        conflict_message=_("%(name)s saved this text while you were editing it. Your text was not saved: compare "
                           "both versions, merge them and save again."),
    )
    if before is not None:
        synthesis_audit_record(chapter=chapter, objective=objective, user=user, before=before, after=values)
    return item


def chapter_text_save(*, chapter: SynthesisChapter, user, text_ar: str, text_en: str,
                      original_language: str | None, base_version: int) -> SynthesisChapter:
    """Save a chapter's text if nobody changed it since the editor loaded it (`base_version`).

    A stale save raises EditConflict carrying the stored text; a change to either text clears the
    translation's verification. The original language defaults to the first language written.
    """
    return _text_save(item=chapter, chapter=chapter, objective=None, user=user, text_ar=text_ar, text_en=text_en,
                      original_language=original_language, base_version=base_version)


def objective_synthesis_save(*, synthesis: ObjectiveSynthesis, user, text_ar: str, text_en: str,
                             original_language: str | None, base_version: int) -> ObjectiveSynthesis:
    """Save the synthesis of one objective, with the same rules as a chapter's text."""
    return _text_save(item=synthesis, chapter=synthesis.chapter, objective=synthesis.objective, user=user,
                      text_ar=text_ar, text_en=text_en, original_language=original_language,
                      base_version=base_version)


@transaction.atomic
def chapter_translation_verify(*, item: SynthesisItem, user, verified: bool, base_version: int) -> SynthesisItem:
    """Mark the translation of a chapter (or of an objective's synthesis) verified, or not.

    Only a translation that exists can be verified, and only in the version the user read: a text
    changed since then raises EditConflict. Verifying records who vouched for it.
    """
    synthesis_write_check(user)
    if verified and not item.translation_text.strip():
        raise DomainError(_("There is no translation to verify yet."))
    was_verified = bool(item.translation_verified_at)
    changes = ({"translation_verified_by": user, "translation_verified_at": timezone.now()} if verified
               else UNVERIFIED)
    versioned_update(
        row=item, base_version=base_version, user=user, values=changes,
        conflict_message=_("%(name)s changed this text since you read it. Read it again before verifying the "
                           "translation."),
    )
    chapter = item if isinstance(item, SynthesisChapter) else item.chapter
    objective = None if isinstance(item, SynthesisChapter) else item.objective
    synthesis_audit_record(chapter=chapter, objective=objective, user=user, before={"verified": was_verified},
                           after={"verified": verified})
    return item


def synthesis_review_check(*, review: Review, chapter: SynthesisChapter, user) -> None:
    if not reviews_visible_to(user).filter(pk=review.pk, cycle_id=chapter.cycle_id).exists():
        raise NotAllowed(_("This review is not one of the cycle's reviews you can see."))


@transaction.atomic
def chapter_feature_practice(*, chapter: SynthesisChapter, practice: GoodPractice, user,
                             featured: bool) -> None:
    """Feature a country's good practice in a chapter, or stop featuring it.

    The practice must come from a review of the chapter's cycle that the user sees (a submitted one).
    Featuring twice changes nothing and records nothing.
    """
    synthesis_write_check(user)
    review = Review.objects.select_related("country").get(review_objectives=practice.review_objective_id)
    synthesis_review_check(review=review, chapter=chapter, user=user)
    is_featured = chapter.featured_practices.filter(pk=practice.pk).exists()
    if is_featured == featured:
        return
    if featured:
        chapter.featured_practices.add(practice)
    else:
        chapter.featured_practices.remove(practice)
    label = f"{review.country.iso2}: {practice.title}"
    synthesis_audit_record(chapter=chapter, objective=None, user=user,
                           before={"featured_practices": "" if featured else label},
                           after={"featured_practices": label if featured else ""})


@transaction.atomic
def chapter_cite(*, chapter: SynthesisChapter, review: Review, prompt_code: str, objective_number: int | None,
                 note: str, user) -> ChapterCitation:
    """Cite a country's answer in a chapter.

    The review must be one of the cycle's reviews the user sees, and the prompt one of the cycle's
    template. A per-objective prompt names an objective the country reports on; a prompt of a part
    names none. The same answer is cited once per chapter.
    """
    synthesis_write_check(user)
    synthesis_review_check(review=review, chapter=chapter, user=user)
    prompt = GuidingPrompt.objects.filter(part__cycle_id=chapter.cycle_id, code=prompt_code).first()
    if prompt is None:
        raise DomainError(_("There is no question %(code)s in this cycle's template.") % {"code": prompt_code})
    if prompt.scope == GuidingPrompt.Scope.PART and objective_number is not None:
        raise DomainError(_("Question %(code)s is answered once for the whole part: choose no objective.")
                          % {"code": prompt_code})
    if prompt.scope == GuidingPrompt.Scope.OBJECTIVE:
        if objective_number is None:
            raise DomainError(_("Question %(code)s is answered for each objective: choose the objective.")
                              % {"code": prompt_code})
        if not ReviewObjective.objects.filter(review=review, objective__number=objective_number,
                                              is_reported=True).exists():
            raise DomainError(_("%(country)s does not report on objective %(number)s.")
                              % {"country": review.country, "number": objective_number})
    if ChapterCitation.objects.filter(chapter=chapter, review=review, prompt_code=prompt_code,
                                      objective_number=objective_number).exists():
        raise DomainError(_("This answer is already cited in this chapter."))
    citation = ChapterCitation.objects.create(chapter=chapter, review=review, prompt_code=prompt_code,
                                              objective_number=objective_number, note=note, created_by=user)
    synthesis_audit_record(chapter=chapter, objective=None, user=user, before={},
                           after={"citations": _citation_label(citation)})
    return citation


@transaction.atomic
def chapter_citation_remove(*, citation: ChapterCitation, user) -> None:
    """Remove a citation from its chapter; the audit trail keeps what it was."""
    synthesis_write_check(user)
    synthesis_audit_record(chapter=citation.chapter, objective=None, user=user,
                           before={"citations": _citation_label(citation)}, after={"citations": ""})
    citation.delete()


def _citation_label(citation: ChapterCitation) -> str:
    label = f"{citation.review.country.iso2} {citation.prompt_code}"
    if citation.objective_number:
        label += f" o{citation.objective_number}"
    return f"{label}: {citation.note}" if citation.note else label
