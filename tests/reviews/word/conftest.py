import pytest

from reviews.word import import_writes, importing


@pytest.fixture
def import_file():
    """`import_file(review, user, content, replace=None)`: preview then confirm, as the pages do; with
    `replace=None` every answer the preview offers to replace is ticked."""

    def run(review, user, content, replace=None):
        plan = importing.import_plan(review=review, user=user, content=content)
        seen = import_writes.import_seen(review=review, plan=plan)
        keys = {item.key for item in plan.items if item.action == importing.REPLACE} if replace is None else replace
        return import_writes.import_apply(review=review, user=user, content=content, seen=seen, replace=keys)

    return run
