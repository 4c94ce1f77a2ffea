"""Writing the regional synthesis: its chapters, the per-objective sections, citations and featured practices.

Only the regional staff write the synthesis. Texts are saved like a country's answers: a save names
the version it started from and is refused (EditConflict) when somebody saved in between. Every
change leaves a SynthesisChange row, field by field.
"""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reviews import rules
from reviews.models import (
    ChapterCitation,
    CountryHighlight,
    GoodPractice,
    GuidingPrompt,
    KeyMessage,
    Objective,
    ObjectiveSynthesis,
    Review,
    ReviewCycle,
    ReviewObjective,
    RoundTable,
    SynthesisChapter,
)
from reviews.models.content import original_language_of
from reviews.selectors.compilation import compiled_reviews
from reviews.selectors.passages import answer_sentences, latest_contents, objective_prompt_codes
from reviews.selectors.visibility import reviews_visible_to
from reviews.services.audit import synthesis_audit_record
from reviews.services.errors import DomainError, EditConflict, NotAllowed, NotFound
from reviews.services.search import search_index, search_unindex
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


def _check_may_write(user) -> None:
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
    _check_may_write(user)
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
    _check_may_write(user)
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


def _check_review_in_cycle(*, review: Review, chapter: SynthesisChapter, user) -> None:
    if not reviews_visible_to(user).filter(pk=review.pk, cycle_id=chapter.cycle_id).exists():
        raise NotAllowed(_("This review is not one of the cycle's reviews you can see."))


@transaction.atomic
def chapter_feature_practice(*, chapter: SynthesisChapter, practice: GoodPractice, user,
                             featured: bool) -> None:
    """Feature a country's good practice in a chapter, or stop featuring it.

    The practice must come from a review of the chapter's cycle that the user sees (a submitted one).
    Featuring twice changes nothing and records nothing.
    """
    _check_may_write(user)
    review = Review.objects.select_related("country").get(review_objectives=practice.review_objective_id)
    _check_review_in_cycle(review=review, chapter=chapter, user=user)
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
    _check_may_write(user)
    _check_review_in_cycle(review=review, chapter=chapter, user=user)
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
    _check_may_write(user)
    synthesis_audit_record(chapter=citation.chapter, objective=None, user=user,
                           before={"citations": _citation_label(citation)}, after={"citations": ""})
    citation.delete()


def _citation_label(citation: ChapterCitation) -> str:
    label = f"{citation.review.country.iso2} {citation.prompt_code}"
    if citation.objective_number:
        label += f" o{citation.objective_number}"
    return f"{label}: {citation.note}" if citation.note else label


# --- key messages: the key-messages chapter's ordered list ----------------------------------------------------

# Lazy: translated when a conflict happens, in the language of the user it happens to.
KEY_MESSAGE_CONFLICT = gettext_lazy("%(name)s changed this key message while you were editing it. Your change was not "
                                    "saved: compare both versions, merge them and save again.")


def _message_field(message: KeyMessage, name: str) -> str:
    """The audit trail's name of one field of one message: the message's id keeps its history together
    whatever its number in the list becomes."""
    return f"message/{message.uid}/{name}"


def _message_record(message: KeyMessage, *, text_ar: str, text_en: str, numbers: list[int]) -> dict:
    """A message's fields as the audit trail records them."""
    return {_message_field(message, "text_ar"): text_ar, _message_field(message, "text_en"): text_en,
            _message_field(message, "objectives"): ", ".join(str(number) for number in sorted(numbers))}


def _message_stored(message: KeyMessage) -> dict:
    return _message_record(message, text_ar=message.text_ar, text_en=message.text_en,
                           numbers=[objective.number for objective in message.objectives.all()])


def _check_key_messages_chapter(chapter: SynthesisChapter) -> None:
    if chapter.kind != Kind.KEY_MESSAGES:
        raise DomainError(_("Key messages belong to the key-messages chapter."))


def _check_message_written(text_ar: str, text_en: str) -> None:
    if not (text_ar.strip() or text_en.strip()):
        raise DomainError(_("Write the key message in Arabic or English. To remove a message, delete it."))


@transaction.atomic
def key_message_create(*, chapter: SynthesisChapter, user, text_ar: str, text_en: str,
                       original_language: str | None, objectives: list[Objective]) -> KeyMessage:
    """Add a key message at the end of the key-messages chapter's list.

    A message has a text in at least one language; it may be tied to the objectives it speaks of.
    """
    _check_may_write(user)
    _check_key_messages_chapter(chapter)
    _check_message_written(text_ar, text_en)
    SynthesisChapter.objects.select_for_update().filter(pk=chapter.pk).first()  # one number per new message
    last = chapter.key_messages.aggregate(last=Max("position"))["last"] or 0
    message = KeyMessage.objects.create(
        chapter=chapter, position=last + 1, text_ar=text_ar, text_en=text_en, updated_by=user,
        original_language=original_language_of(original_language=original_language, text_ar=text_ar,
                                               text_en=text_en))
    message.objectives.set(objectives)
    search_index(item=message)
    synthesis_audit_record(chapter=chapter, objective=None, user=user, before={},
                           after=_message_record(message, text_ar=text_ar, text_en=text_en,
                                                 numbers=[objective.number for objective in objectives]))
    return message


@transaction.atomic
def key_message_save(*, message: KeyMessage, user, text_ar: str, text_en: str, original_language: str | None,
                     objectives: list[Objective], base_version: int) -> KeyMessage:
    """Save a key message's texts and objectives if nobody changed it since the editor loaded it
    (`base_version`), like an answer: a stale save raises EditConflict carrying what is stored, a change to
    either text clears the translation's verification. A message cannot be emptied: it is deleted instead."""
    _check_may_write(user)
    _check_message_written(text_ar, text_en)
    message.refresh_from_db(from_queryset=KeyMessage.objects.select_for_update(of=("self",)))
    before = _message_stored(message)
    after = _message_record(message, text_ar=text_ar, text_en=text_en,
                            numbers=[objective.number for objective in objectives])
    if message.version != base_version:
        if before == after:
            return message  # a retried save finds its own change stored: nothing is lost
        raise EditConflict(KEY_MESSAGE_CONFLICT % {"name": message.updated_by or _("Someone")}, current=message)
    values = {"text_ar": text_ar, "text_en": text_en,
              "original_language": original_language_of(original_language=original_language, text_ar=text_ar,
                                                        text_en=text_en)}
    bilingual_text_update(row=message, base_version=base_version, user=user, values=values,
                          conflict_message=KEY_MESSAGE_CONFLICT)
    message.objectives.set(objectives)
    synthesis_audit_record(chapter=message.chapter, objective=None, user=user, before=before, after=after)
    return message


@transaction.atomic
def key_message_move(*, message: KeyMessage, user, up: bool, base_version: int) -> KeyMessage:
    """Move a key message one place up or down the list, if nobody changed it since the page was loaded.

    The message and the one it swaps with both take a new version (each changed place); the first message
    moved up, or the last moved down, stays where it is.
    """
    _check_may_write(user)
    messages = list(KeyMessage.objects.select_for_update().filter(chapter_id=message.chapter_id)
                    .order_by("position", "pk"))
    index = next((i for i, row in enumerate(messages) if row.pk == message.pk), None)
    if index is None:
        raise NotFound(_("This key message has been deleted."))
    other = index - 1 if up else index + 1
    if not 0 <= other < len(messages):
        message.refresh_from_db()
        if message.version != base_version:
            raise EditConflict(KEY_MESSAGE_CONFLICT % {"name": message.updated_by or _("Someone")}, current=message)
        return message
    # Number the list 1..n first, so two messages sharing a position still swap.
    for number, row in enumerate(messages, start=1):
        row.position = number
    messages[index].position, messages[other].position = messages[other].position, messages[index].position
    KeyMessage.objects.bulk_update(messages, ["position"])
    versioned_update(row=message, base_version=base_version, user=user, values={"position": messages[index].position},
                     conflict_message=KEY_MESSAGE_CONFLICT)
    neighbour = messages[other]
    versioned_update(row=neighbour, base_version=neighbour.version, user=user,
                     values={"position": neighbour.position}, conflict_message=KEY_MESSAGE_CONFLICT)
    synthesis_audit_record(chapter=message.chapter, objective=None, user=user,
                           before={_message_field(message, "position"): index + 1},
                           after={_message_field(message, "position"): other + 1})
    return message


@transaction.atomic
def key_message_delete(*, message: KeyMessage, user, base_version: int) -> None:
    """Delete a key message, if nobody changed it since the page was loaded. The audit trail keeps its
    texts and objectives, so a message deleted by mistake can be written again word for word."""
    _check_may_write(user)
    message.refresh_from_db(from_queryset=KeyMessage.objects.select_for_update(of=("self",)))
    if message.version != base_version:
        raise EditConflict(_("%(name)s changed this key message since you loaded the page. Read it again before "
                             "deleting it.") % {"name": message.updated_by or _("Someone")}, current=message)
    before = _message_stored(message)
    synthesis_audit_record(chapter=message.chapter, objective=None, user=user, before=before,
                           after={name: "" for name in before})
    search_unindex(item=message)
    message.delete()


# --- country highlights: the passage each country is quoted with under an objective ---------------------------


def _highlight_label(highlight: CountryHighlight | None) -> str:
    """A choice as the audit trail keeps it: the prompt and the sentences, counted from 1; "" for the default."""
    if highlight is None:
        return ""
    return f"{highlight.prompt_code} {highlight.first_sentence + 1}-{highlight.last_sentence + 1}"


def _highlight_field(review: Review) -> str:
    return f"highlight/{review.country.iso2}"


def _highlight_review_checked(*, section: ObjectiveSynthesis, review: Review, user) -> dict:
    """The content of `review`'s last submitted version, once it is sure to be one the section may quote: a
    review of the cycle the user sees, compiled in the regional report, that reports the section's objective."""
    compiled = compiled_reviews(user=user, cycle=section.chapter.cycle)
    if not compiled.filter(pk=review.pk).exists():
        raise NotAllowed(_("This review is not one of the cycle's reviews you can see."))
    content = latest_contents([review.pk]).get(review.pk, {})
    if section.objective.number not in {row["objective"] for row in content.get("objectives", [])}:
        raise DomainError(_("%(country)s does not report on objective %(number)s in its last submitted version.")
                          % {"country": review.country, "number": section.objective.number})
    return content


@transaction.atomic
def highlight_choose(*, section: ObjectiveSynthesis, review: Review, prompt_code: str, first_sentence: int,
                     last_sentence: int, base_version: int, user) -> CountryHighlight:
    """Choose the passage the report quotes for a country under an objective: sentences `first_sentence` to
    `last_sentence` (counted from 0) of the country's last submitted answer to one of the objective prompts.

    `base_version` is the choice's version the page showed, 0 when it showed the default: a choice made
    meanwhile by somebody else raises EditConflict carrying it. The range must lie within the answer's
    sentences, counted in the answer's original language, as the picker shows them.
    """
    _check_may_write(user)
    content = _highlight_review_checked(section=section, review=review, user=user)
    if prompt_code not in objective_prompt_codes(section.chapter.cycle_id):
        raise DomainError(_("Question %(code)s is not one of the questions asked for each objective.")
                          % {"code": prompt_code})
    _language, parts = answer_sentences(content, code=prompt_code, objective=section.objective.number)
    count = len(parts)
    if count == 0:
        raise DomainError(_("%(country)s did not answer question %(code)s on this objective.")
                          % {"country": review.country, "code": prompt_code})
    if not 0 <= first_sentence <= last_sentence < count:
        raise DomainError(_("Choose sentences between 1 and %(count)s, the first no later than the last.")
                          % {"count": count})
    conflict = _("%(name)s chose another passage for this country while you were choosing. Look at their choice "
                 "and choose again if you still prefer yours.")
    values = {"prompt_code": prompt_code, "first_sentence": first_sentence, "last_sentence": last_sentence}
    stored = CountryHighlight.objects.select_for_update().filter(section=section, review=review).first()
    before = _highlight_label(stored)
    if stored is None:
        if base_version != 0:
            raise EditConflict(_("Somebody went back to the default passage for this country while you were "
                                 "choosing. Choose again if you still prefer yours."), current=None)
        try:
            with transaction.atomic():
                highlight = CountryHighlight.objects.create(section=section, review=review, updated_by=user, **values)
        except IntegrityError as error:  # chosen by somebody else at the same moment
            stored = CountryHighlight.objects.select_related("updated_by").get(section=section, review=review)
            raise EditConflict(conflict % {"name": stored.updated_by or _("Someone")}, current=stored) from error
    else:
        highlight = versioned_update(row=stored, base_version=base_version, user=user, values=values,
                                     conflict_message=conflict)
    synthesis_audit_record(chapter=section.chapter, objective=section.objective, user=user,
                           before={_highlight_field(review): before},
                           after={_highlight_field(review): _highlight_label(highlight)})
    return highlight


@transaction.atomic
def highlight_reset(*, section: ObjectiveSynthesis, review: Review, base_version: int, user) -> None:
    """Go back to the default passage for a country under an objective (the first sentence of its answer to
    the objective's first question), if the choice is still the one the page showed (`base_version`)."""
    _check_may_write(user)
    _check_review_in_cycle(review=review, chapter=section.chapter, user=user)
    stored = (CountryHighlight.objects.select_for_update(of=("self",)).select_related("updated_by")
              .filter(section=section, review=review).first())
    if stored is None:
        return  # already the default: nothing to record
    if stored.version != base_version:
        raise EditConflict(_("%(name)s chose another passage for this country since you loaded the page. Look "
                             "at their choice before going back to the default.")
                           % {"name": stored.updated_by or _("Someone")}, current=stored)
    synthesis_audit_record(chapter=section.chapter, objective=section.objective, user=user,
                           before={_highlight_field(review): _highlight_label(stored)},
                           after={_highlight_field(review): ""})
    stored.delete()
