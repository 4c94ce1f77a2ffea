"""An earlier cycle's review, brought in as an organiser does (from the JSON export's shape): shared by the
tests of the comparison, the carry-over and the import."""

from reviews.models import Review, ReviewCycle
from reviews.services.past_reviews import cycle_reviews_import


def past_export(iso2: str = "EG", *, stage: str = "planned", objectives=(1, 2), priorities=(1,),
                policies=("Old labour strategy",)) -> dict:
    """A small JSON export of one country's 2024 review: part answers, objectives with their answers, a policy."""
    answers = [{"country": iso2, "part": 1, "prompt": "1.1", "objective": None, "text_ar": "نص 2024",
                "text_en": "The team met twice in 2024.", "original_language": "en"}]
    answers += [{"country": iso2, "part": 3, "prompt": "3.a", "objective": number, "text_ar": "",
                 "text_en": f"Objective {number}: a pilot programme in two regions.", "original_language": "en"}
                for number in objectives]
    return {
        "cycle": "arab-2024", "generated_at": "2024-06-01T10:00:00+03:00", "statuses": None,
        "countries": [{"country": iso2, "status": "accepted", "plan_status": "in_preparation"}],
        "objectives_reported": [{"country": iso2, "objective": number, "is_priority": number in priorities,
                                 "stage": stage, "principles": ["human-rights"], "sdg_targets": ["10.7"],
                                 "partners": ["civil-society"]} for number in objectives],
        "answers": answers,
        "policies": [{"country": iso2, "title": title, "kind": "strategy", "year": 2022, "status": "adopted",
                      "objectives": [1], "link": ""} for title in policies],
        "consultations": [{"country": iso2, "date": "2024-01-15", "format": "meeting",
                           "categories": ["civil-society"], "participants": 30, "summary": "Workshop."}],
        "entities": [{"country": iso2, "name": "Ministry of Labour", "level": "national", "role": "Lead"}],
        "practices": [{"country": iso2, "objective": objectives[0], "title": "One-stop shop", "kind": "project",
                       "description": "Services in one place.", "criteria": [], "period": "2021–2023",
                       "partners": [], "link": ""}],
        "indicators": [{"country": iso2, "objective": objectives[0], "code": None, "name": "People served",
                        "unit": "persons", "baseline_value": "100.00", "baseline_year": 2019,
                        "latest_value": "250.00", "latest_year": 2023, "source": "Ministry"}],
        "planned_actions": [{"country": iso2, "part": 5, "action": "Extend the pilot", "objectives": [1],
                             "lead_entity": "Ministry of Labour", "timeframe": "2025", "support_needed": ""}],
    }


def past_review_import(organiser, iso2: str = "EG", **options) -> Review:
    cycle = ReviewCycle.objects.get(slug="arab-2024")
    [review] = cycle_reviews_import(cycle=cycle, data=past_export(iso2, **options), user=organiser,
                                    source="Test export")
    return review
