"""Keeping the search index current: every service that writes a searchable text calls `search_index` (or
`search_unindex` when the row goes), and `search_reindex` rebuilds everything (the command, the migration
that adds the index with its historical models, the demo loader and a restore).

One document per text and language (models/search.py). The builders read stored fields only, no model
methods, so the migration can run them on its historical models.
"""

from collections.abc import Iterable

from django.apps import apps as live_apps
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction

from reviews.models.search import TEXT_SEARCH_CONFIGURATIONS
from reviews.search.normalise import language_of, searchable

# Each table's searchable columns (by model name), and its kind in reviews.tables.TABLES.
ROW_TEXTS = {
    "governmententity": ("name", "role"),
    "consultation": ("summary",),
    "policy": ("title",),
    "goodpractice": ("title", "description"),
    "indicator": ("name", "source"),
    "plannedaction": ("action", "lead_entity", "support_needed"),
}
ROW_TABLES = {"governmententity": "entities", "consultation": "consultations", "policy": "policies",
              "goodpractice": "practices", "indicator": "indicators"}
SYNTHESIS_MODELS = ("synthesischapter", "objectivesynthesis", "keymessage")
BATCH = 500


def _document(model, *, source: str, kind: str, language: str, text: str, **keys):
    return model(source=source, kind=kind, language=language, text=text, normalised=f" {searchable(text)} ", **keys)


def _bilingual(model, *, source: str, kind: str, row, **keys) -> list:
    return [_document(model, source=source, kind=kind, language=language, text=text, **keys)
            for language, text in (("ar", row.text_ar), ("en", row.text_en)) if text.strip()]


def _answer_documents(model, answer) -> list:
    review, prompt, objective = answer.review, answer.prompt, answer.objective
    if objective is not None:
        route_kwargs = {"uid": str(review.uid), "number": objective.number}
        route = "reviews:objective"
    else:
        route_kwargs = {"uid": str(review.uid), "number": prompt.part.number}
        route = "reviews:part"
    return _bilingual(
        model, source=f"answer:{answer.pk}", kind="answer", row=answer, cycle_id=review.cycle_id, review=review,
        country_id=review.country_id, part_number=prompt.part.number, objective=objective,
        round_table_id=objective.round_table_id if objective else None, prompt=prompt, route=route,
        route_kwargs=route_kwargs, fragment=f"prompt-{prompt.code}",
    )


def _row_documents(model, row) -> list:
    name = row._meta.model_name
    text = "\n".join(value for value in (getattr(row, field) for field in ROW_TEXTS[name]) if value and value.strip())
    if not text:
        return []
    review_objective = getattr(row, "review_objective", None)
    if review_objective is not None:
        review, objective = review_objective.review, review_objective.objective
        part_number, route = 3, "reviews:objective"
        route_kwargs = {"uid": str(review.uid), "number": objective.number}
    else:
        review, objective = row.review, None
        part_number = row.part_number if name == "plannedaction" else {"governmententity": 1, "consultation": 1,
                                                                        "policy": 2}[name]
        route, route_kwargs = "reviews:part", {"uid": str(review.uid), "number": part_number}
    table = ROW_TABLES.get(name) or ("means" if part_number == 4 else "actions")
    return [_document(
        model, source=f"{name}:{row.pk}", kind="row", language=language_of(text), text=text,
        cycle_id=review.cycle_id, review=review, country_id=review.country_id, part_number=part_number,
        objective=objective, round_table_id=objective.round_table_id if objective else None, table=table,
        route=route, route_kwargs=route_kwargs, fragment=f"row-{row.uid}",
    )]


def _synthesis_documents(model, item) -> list:
    name = item._meta.model_name
    chapter = item if name == "synthesischapter" else item.chapter
    objective = item.objective if name == "objectivesynthesis" else None
    round_table_id = objective.round_table_id if objective else chapter.round_table_id
    return _bilingual(
        model, source=f"{name}:{item.pk}", kind="synthesis", row=item, cycle_id=chapter.cycle_id, objective=objective,
        round_table_id=round_table_id, chapter=chapter, route="reviews:synthesis_chapter",
        route_kwargs={"slug": chapter.cycle.slug, "uid": str(chapter.uid)},
        fragment=_synthesis_fragment(name, objective),
    )


def _synthesis_fragment(name: str, objective) -> str:
    """The text's place on the chapter's page (templates/reviews/synthesis/chapter.html)."""
    if name == "synthesischapter":
        return "chapter-text"
    return f"objective-{objective.number}" if objective else ""


def _comment_documents(model, comment, *, prompts: dict, objectives: dict) -> list:
    review = comment.review
    objective_id = objectives.get(comment.objective_number)
    kind, _separator, rest = comment.anchor.partition(":")
    prompt_id = prompts.get((review.cycle_id, comment.part_number, rest.split(":")[0])) if kind == "answer" else None
    if comment.objective_number:
        route, number = "reviews:objective", comment.objective_number
    else:
        route, number = "reviews:part", comment.part_number
    return [_document(
        model, source=f"comment:{comment.pk}", kind="comment", language=language_of(comment.body), text=comment.body,
        cycle_id=review.cycle_id, review=review, country_id=review.country_id, part_number=comment.part_number,
        objective_id=objective_id, round_table_id=objectives.get(("round_table", comment.objective_number)),
        comment_visibility=comment.visibility, prompt_id=prompt_id, route=route,
        route_kwargs={"uid": str(review.uid), "number": number}, fragment=f"comments-{comment.anchor}",
    )]


def _comment_keys(apps, comments: list) -> tuple[dict, dict]:
    """The prompts and objectives comments name by code and number, looked up once for all of them."""
    objectives = {}
    for objective in apps.get_model("reviews", "Objective").objects.all():
        objectives[objective.number] = objective.pk
        objectives[("round_table", objective.number)] = objective.round_table_id
    cycles = {comment.review.cycle_id for comment in comments}
    prompts = {
        (cycle_id, part_number, code): pk
        for pk, cycle_id, part_number, code in apps.get_model("reviews", "GuidingPrompt").objects.filter(
            part__cycle_id__in=cycles).values_list("pk", "part__cycle_id", "part__number", "code")
    }
    return prompts, objectives


def _documents_of(apps, items: list) -> list:
    model = apps.get_model("reviews", "SearchDocument")
    documents = []
    comments = [item for item in items if item._meta.model_name == "comment"]
    prompts, objectives = _comment_keys(apps, comments) if comments else ({}, {})
    for item in items:
        name = item._meta.model_name
        if name == "answer":
            documents += _answer_documents(model, item)
        elif name in ROW_TEXTS:
            documents += _row_documents(model, item)
        elif name in SYNTHESIS_MODELS:
            documents += _synthesis_documents(model, item)
        elif name == "comment":
            documents += _comment_documents(model, item, prompts=prompts, objectives=objectives)
    return documents


def _vectors_fill(documents) -> None:
    """On PostgreSQL, each document's tsvector in its language's configuration; SQLite matches the
    normalised column instead."""
    if connection.vendor != "postgresql":
        return
    for language, configuration in TEXT_SEARCH_CONFIGURATIONS.items():
        documents.filter(language=language).update(vector=SearchVector("normalised", config=configuration))


def is_searchable(item) -> bool:
    return item._meta.model_name in ("answer", "comment", *ROW_TEXTS, *SYNTHESIS_MODELS)


def search_index(*, item) -> None:
    """Index one text's row (an answer, a table row, a synthesis text, a comment) as it is stored now. Runs in
    the transaction of the service that saved the row (each is atomic), so the text and its documents change
    together, without a savepoint of its own on every save."""
    model = live_apps.get_model("reviews", "SearchDocument")
    source = f"{item._meta.model_name}:{item.pk}"
    model.objects.filter(source=source).delete()
    created = model.objects.bulk_create(_documents_of(live_apps, [item]))
    if created:
        _vectors_fill(model.objects.filter(source=source))


def search_index_many(*, items: list) -> None:
    """Index rows just created in bulk (none has documents yet), in their caller's transaction."""
    if not items:
        return
    model = live_apps.get_model("reviews", "SearchDocument")
    created = model.objects.bulk_create(_documents_of(live_apps, items), batch_size=BATCH)
    if created:
        _vectors_fill(model.objects.filter(pk__in=[document.pk for document in created]))


def search_unindex(*, item) -> None:
    """Forget a row that is being deleted (call before deleting it: its primary key names its documents)."""
    live_apps.get_model("reviews", "SearchDocument").objects.filter(
        source=f"{item._meta.model_name}:{item.pk}").delete()


def _sources(apps) -> Iterable[list]:
    """Every searchable row, in batches, with what its documents need in the same queries."""
    def get(name):
        return apps.get_model("reviews", name).objects
    querysets = [
        get("Answer").select_related("review", "prompt__part", "objective"),
        get("GovernmentEntity").select_related("review"),
        get("Consultation").select_related("review"),
        get("Policy").select_related("review"),
        get("PlannedAction").select_related("review"),
        get("GoodPractice").select_related("review_objective__review", "review_objective__objective"),
        get("Indicator").select_related("review_objective__review", "review_objective__objective"),
        get("SynthesisChapter").select_related("cycle"),
        get("ObjectiveSynthesis").select_related("chapter__cycle", "objective"),
        get("KeyMessage").select_related("chapter__cycle"),
        get("Comment").select_related("review"),
    ]
    for queryset in querysets:
        batch = []
        for item in queryset.order_by("pk").iterator(chunk_size=BATCH):
            batch.append(item)
            if len(batch) == BATCH:
                yield batch
                batch = []
        if batch:
            yield batch


@transaction.atomic
def search_reindex(*, apps=live_apps) -> int:
    """Rebuild every search document from the stored texts; idempotent. Returns the number of documents.
    `apps` is the migration's registry when a migration calls it."""
    model = apps.get_model("reviews", "SearchDocument")
    model.objects.all().delete()
    count = 0
    for batch in _sources(apps):
        count += len(model.objects.bulk_create(_documents_of(apps, batch), batch_size=BATCH))
    _vectors_fill(model.objects.all())
    return count
