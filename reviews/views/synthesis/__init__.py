"""The synthesis editor's views: the chapters and their texts, the key messages, the country highlights."""

from reviews.views.synthesis.chapters import (
    overview,
    chapter,
    text_save,
    verify,
    cite,
    citation_remove,
    feature,
    practices,
    preview,
)
from reviews.views.synthesis.highlights import highlights, highlight, highlight_choose, highlight_reset
from reviews.views.synthesis.key_messages import key_message_add, key_message_save, key_message_move, key_message_delete

__all__ = [
    "overview",
    "chapter",
    "text_save",
    "verify",
    "cite",
    "citation_remove",
    "feature",
    "practices",
    "preview",
    "highlights",
    "highlight",
    "highlight_choose",
    "highlight_reset",
    "key_message_add",
    "key_message_save",
    "key_message_move",
    "key_message_delete",
]
