"""Templates ask a rule (`can_take`, `can_upload`...) rather than compare a review's status themselves."""

import re
from pathlib import Path

from reviews.models import Review

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def test_no_template_compares_a_review_status():
    statuses = "|".join(Review.Status.values)
    comparison = re.compile(rf"""review\.status\s*(==|!=|in)|status\s*(==|!=)\s*["']({statuses})["']""")
    found = sorted(f"{path.relative_to(TEMPLATES)}:{number}" for path in TEMPLATES.rglob("*.html")
                   for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                   if comparison.search(line.replace("translation_status", "")))

    assert found == []
