import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from reviews.models import Review
from tests.reviews.past import past_export

pytestmark = pytest.mark.django_db


def test_import_past_reviews_loads_a_json_export_into_a_closed_cycle(organiser, egypt, tmp_path):
    path = tmp_path / "gcm-arab-2024.json"
    path.write_text(json.dumps(past_export()), encoding="utf-8")
    out = StringIO()

    call_command("import_past_reviews", "--cycle", "arab-2024", "--file", str(path), "--user", "organiser", stdout=out)

    review = Review.objects.get(cycle__slug="arab-2024", country=egypt)
    assert (review.status, review.imported_from) == ("accepted", "gcm-arab-2024.json")
    assert out.getvalue().splitlines()[-1] == "Imported 1 review(s) into arab-2024 from gcm-arab-2024.json."


def test_import_past_reviews_refuses_an_open_cycle_with_a_clear_message(organiser, egypt, open_cycle, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(past_export()), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        call_command("import_past_reviews", "--cycle", "arab-2028", "--file", str(path), "--user", "organiser")

    assert str(error.value) == ("The cycle arab-2028 is open: reviews are brought in only into a closed cycle, where "
                                "nobody writes any more. Nothing was imported.")
