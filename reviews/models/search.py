"""The search index: one stored document per searchable text, in its language, kept by the services that
write the texts (services/search.py) and rebuilt by `manage.py search_reindex`.

The document holds the original text (for the snippet) and its normalised form (for matching), plus the
keys the filters and the visibility rules need. On PostgreSQL `vector` holds the normalised text as a
tsvector in the `arabic` or `english` configuration (stemming, clitics), behind a GIN index the migration
adds on PostgreSQL only; on SQLite it stays empty and matching is by whole normalised words.
A review's status is not copied here: the search reads it through the review, so a transition needs no
re-indexing.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from reviews.models.cycles import GuidingPrompt, ReviewCycle
from reviews.models.reference import Country, Objective, RoundTable
from reviews.models.review import Review
from reviews.models.synthesis import SynthesisChapter

# PostgreSQL's text search configuration for a document, by its language: stemming, and for Arabic the
# clitics (و ف ب ك ل ال) a word is written with.
TEXT_SEARCH_CONFIGURATIONS = {"ar": "arabic", "en": "english"}


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        ANSWER = "answer", _("Answers")
        ROW = "row", _("Table rows")
        SYNTHESIS = "synthesis", _("Regional synthesis")
        COMMENT = "comment", _("Comments")

    # "<model>:<pk>": the text's own row; one document per language it is written in.
    source = models.CharField(max_length=60)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    language = models.CharField(max_length=2)
    text = models.TextField()
    normalised = models.TextField()
    vector = SearchVectorField(null=True)

    cycle = models.ForeignKey(ReviewCycle, on_delete=models.CASCADE, related_name="+")
    review = models.ForeignKey(Review, on_delete=models.CASCADE, null=True, related_name="+")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, null=True, related_name="+")
    part_number = models.PositiveSmallIntegerField(null=True)
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, null=True, related_name="+")
    round_table = models.ForeignKey(RoundTable, on_delete=models.CASCADE, null=True, related_name="+")
    comment_visibility = models.CharField(max_length=10, blank=True)

    # What the result says and where it leads.
    prompt = models.ForeignKey(GuidingPrompt, on_delete=models.CASCADE, null=True, related_name="+")
    chapter = models.ForeignKey(SynthesisChapter, on_delete=models.CASCADE, null=True, related_name="+")
    table = models.CharField(max_length=20, blank=True)  # a key of reviews.tables.TABLES
    route = models.CharField(max_length=60)
    route_kwargs = models.JSONField(default=dict)
    fragment = models.CharField(max_length=160, blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["source"]), models.Index(fields=["review", "kind"])]
        constraints = [
            models.UniqueConstraint(fields=["source", "language"], name="search_document_once_per_language"),
        ]

    def __str__(self):
        return f"{self.source} {self.language}"
