"""Writing a review's content from the portal's own export format (reviews/selectors/exports.py, export_json):
the one shape both bringing in an earlier cycle's reviews (services/past_reviews.py) and starting a review from
the previous one (services/carry_over.py) read.

The data is checked before anything is written: an unknown question, objective, code or choice, or a value
the field refuses, is reported with where it is, in the user's language, and nothing is written.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from reviews.models import (
    Answer,
    Consultation,
    GoodPractice,
    GoodPracticeCriterion,
    GovernmentEntity,
    GuidingPrinciple,
    GuidingPrompt,
    Indicator,
    Language,
    Objective,
    PlannedAction,
    Policy,
    PracticeType,
    Review,
    ReviewCycle,
    ReviewObjective,
    SdgTarget,
    StakeholderCategory,
    SuggestedIndicator,
)
from reviews.services.errors import DomainError
from reviews.services.search import search_index_many

ERRORS_SHOWN = 10
ORDER = (Answer, GovernmentEntity, Consultation, Policy, PlannedAction, ReviewObjective, GoodPractice, Indicator)


class _Lookups:
    """The target cycle's questions and the reference lists, by the codes the export writes."""

    def __init__(self, cycle: ReviewCycle):
        self.prompts = {(p.part.number, p.code): p for p in
                        GuidingPrompt.objects.filter(part__cycle=cycle).select_related("part")}
        self.objectives = {o.number: o for o in Objective.objects.all()}
        self.codes = {
            "principles": dict(GuidingPrinciple.objects.values_list("code", "pk")),
            "stakeholders": dict(StakeholderCategory.objects.values_list("code", "pk")),
            "practice_types": dict(PracticeType.objects.values_list("code", "pk")),
            "criteria": dict(GoodPracticeCriterion.objects.values_list("code", "pk")),
            "sdg_targets": dict(SdgTarget.objects.values_list("code", "pk")),
            "indicators": dict(SuggestedIndicator.objects.values_list("code", "pk")),
        }


class ContentWriter:
    """Rows of one or more reviews built from export tables, checked, then written in one bulk insert per table."""

    def __init__(self, *, cycle: ReviewCycle, user, carried_over_from: ReviewCycle | None = None):
        """`carried_over_from`: the answers are copies from that cycle's review, and a question the target
        cycle's template no longer asks is left behind rather than refused."""
        self.lookups = _Lookups(cycle)
        self.user = user
        self.carried_over_from = carried_over_from
        self.rows = defaultdict(list)
        self.links = []
        self.errors: list[str] = []

    # --- reading -------------------------------------------------------------------------------------

    def _error(self, table: str, number: int, message: str) -> None:
        self.errors.append(_("%(table)s, row %(row)s: %(message)s") % {"table": table, "row": number,
                                                                          "message": message})

    def _objective(self, table, number, value) -> Objective | None:
        found = self.lookups.objectives.get(value) if isinstance(value, int) else None
        if found is None:
            self._error(table, number, _("“%(value)s” is not an objective of the Global Compact (1 to 23).")
                        % {"value": value})
        return found

    def _pks(self, table, number, kind: str, codes) -> list[int]:
        known = self.lookups.codes[kind]
        if not isinstance(codes, list):
            self._error(table, number, _("a list of codes was expected."))
            return []
        unknown = [str(code) for code in codes if code not in known]
        if unknown:
            self._error(table, number, _("unknown codes: %(codes)s.") % {"codes": ", ".join(unknown)})
        return [known[code] for code in dict.fromkeys(codes) if code in known]

    def _add(self, table: str, number: int, row, **links):
        exclude = [f.name for f in row._meta.fields if f.is_relation] + ["uid", "version"]
        try:
            row.clean_fields(exclude=exclude)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                self._error(table, number, f"{name}: {' '.join(messages)}")
            return row
        row.updated_by = self.user
        self.rows[type(row)].append(row)
        self.links += [(type(row)._meta.get_field(name), row, targets) for name, targets in links.items()]
        return row

    def review_read(self, *, review: Review, tables: dict[str, list[dict]]) -> None:
        """Build the review's rows from its tables (each row of the export, without its country)."""
        objectives = {}
        for number, data in enumerate(tables.get("objectives_reported", []), start=1):
            objective = self._objective("objectives_reported", number, data.get("objective"))
            if objective is None:
                continue
            row = ReviewObjective(review=review, objective=objective, is_reported=True,
                                  is_priority=bool(data.get("is_priority")), stage=data.get("stage") or "")
            objectives[objective.number] = self._add(
                "objectives_reported", number, row,
                principles=self._pks("objectives_reported", number, "principles", data.get("principles", [])),
                sdg_targets=self._pks("objectives_reported", number, "sdg_targets", data.get("sdg_targets", [])),
                partners=self._pks("objectives_reported", number, "stakeholders", data.get("partners", [])))
        self._answers_read(review, tables.get("answers", []), objectives)
        self._tables_read(review, tables, objectives)

    def _answers_read(self, review: Review, answers: list[dict], objectives: dict) -> None:
        for number, data in enumerate(answers, start=1):
            prompt = self.lookups.prompts.get((data.get("part"), data.get("prompt")))
            if prompt is None and self.carried_over_from is not None:
                continue
            if prompt is None:
                self._error("answers", number, _("question %(code)s of part %(part)s is not in this cycle's "
                                                 "template.") % {"code": data.get("prompt"), "part": data.get("part")})
                continue
            objective = None
            if data.get("objective") is not None:
                objective = objectives.get(data["objective"])
                if objective is None:
                    self._error("answers", number, _("objective %(number)s is not among the objectives reported.")
                                % {"number": data["objective"]})
                    continue
                objective = objective.objective
            if (objective is None) != (prompt.scope == GuidingPrompt.Scope.PART):
                self._error("answers", number, _("question %(code)s is answered once for the part, or once per "
                                                 "objective reported.") % {"code": prompt.code})
                continue
            language = data.get("original_language") or Language.AR
            self._add("answers", number, Answer(
                review=review, prompt=prompt, objective=objective, text_ar=data.get("text_ar") or "",
                text_en=data.get("text_en") or "", original_language=language,
                carried_over_from=self.carried_over_from))

    def _tables_read(self, review: Review, tables: dict, objectives: dict) -> None:
        for number, data in enumerate(tables.get("entities", []), start=1):
            self._add("entities", number, GovernmentEntity(review=review, name=data.get("name") or "",
                                                           level=data.get("level") or "",
                                                           role=data.get("role") or ""))
        for number, data in enumerate(tables.get("consultations", []), start=1):
            try:
                held_on = date.fromisoformat(str(data.get("date")))
            except ValueError:
                self._error("consultations", number, _("“%(value)s” is not a date (YYYY-MM-DD).")
                            % {"value": data.get("date")})
                continue
            self._add("consultations", number, Consultation(
                review=review, held_on=held_on, format=data.get("format") or "",
                participants=data.get("participants"), summary=data.get("summary") or ""),
                categories=self._pks("consultations", number, "stakeholders", data.get("categories", [])))
        for number, data in enumerate(tables.get("policies", []), start=1):
            self._add("policies", number, Policy(
                review=review, title=data.get("title") or "", kind=data.get("kind") or "", year=data.get("year"),
                status=data.get("status") or "", link=data.get("link") or ""),
                objectives=self._numbers("policies", number, data.get("objectives", [])))
        for number, data in enumerate(tables.get("planned_actions", []), start=1):
            self._add("planned_actions", number, PlannedAction(
                review=review, part_number=data.get("part") or 5, action=data.get("action") or "",
                lead_entity=data.get("lead_entity") or "", timeframe=data.get("timeframe") or "",
                support_needed=data.get("support_needed") or ""),
                objectives=self._numbers("planned_actions", number, data.get("objectives", [])))
        for number, data in enumerate(tables.get("practices", []), start=1):
            parent = objectives.get(data.get("objective"))
            kind = self.lookups.codes["practice_types"].get(data.get("kind"))
            if parent is None or kind is None:
                self._error("practices", number, _("its objective is not reported, or its kind is unknown."))
                continue
            self._add("practices", number, GoodPractice(
                review_objective=parent, title=data.get("title") or "", kind_id=kind,
                description=data.get("description") or "", period=data.get("period") or "",
                link=data.get("link") or ""),
                criteria=self._pks("practices", number, "criteria", data.get("criteria", [])),
                partners=self._pks("practices", number, "stakeholders", data.get("partners", [])))
        for number, data in enumerate(tables.get("indicators", []), start=1):
            self._indicator_read(number, data, objectives)

    def _numbers(self, table, number, values) -> list[int]:
        found = [self._objective(table, number, value) for value in values or []]
        return [objective.pk for objective in found if objective is not None]

    def _indicator_read(self, number: int, data: dict, objectives: dict) -> None:
        parent = objectives.get(data.get("objective"))
        if parent is None:
            self._error("indicators", number, _("objective %(number)s is not among the objectives reported.")
                        % {"number": data.get("objective")})
            return
        suggested = None
        if data.get("code"):
            suggested = self.lookups.codes["indicators"].get(data["code"])
            if suggested is None:
                self._error("indicators", number, _("unknown codes: %(codes)s.") % {"codes": data["code"]})
                return
        if suggested is None and not data.get("name"):
            self._error("indicators", number, _("an indicator needs a suggested indicator's code or a name."))
            return
        values = {}
        for name in ("baseline_value", "latest_value"):
            try:
                values[name] = Decimal(str(data[name])) if data.get(name) not in (None, "") else None
            except InvalidOperation:
                self._error("indicators", number, _("“%(value)s” is not a number.") % {"value": data[name]})
                return
        self._add("indicators", number, Indicator(
            review_objective=parent, suggested_id=suggested, name=data.get("name") or "", unit=data.get("unit") or "",
            baseline_year=data.get("baseline_year"), latest_year=data.get("latest_year"),
            source=data.get("source") or "", **values))

    # --- writing -------------------------------------------------------------------------------------

    def check(self) -> None:
        if self.errors:
            shown = self.errors[:ERRORS_SHOWN]
            more = len(self.errors) - len(shown)
            message = _("Nothing was imported: the data has %(count)s problem(s). %(problems)s") % {
                "count": len(self.errors), "problems": " ".join(shown)}
            if more:
                message += " " + _("And %(count)s more.") % {"count": more}
            raise DomainError(message)

    def save(self) -> None:
        """Check, then write every row, their links and their search documents; call in a transaction."""
        self.check()
        for model in ORDER:
            model.objects.bulk_create(self.rows[model])
        through_rows = defaultdict(list)
        for field, row, targets in self.links:
            through = field.remote_field.through
            through_rows[through] += [
                through(**{field.m2m_column_name(): row.pk, field.m2m_reverse_name(): target}) for target in targets]
        for through, rows in through_rows.items():
            through.objects.bulk_create(rows)
        search_index_many(items=[row for model in ORDER if model is not ReviewObjective for row in self.rows[model]])


def tables_by_country(data: dict) -> dict[str, dict[str, list[dict]]]:
    """The export's tables split per country (ISO2 code), each row as it is."""
    found: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for name, rows in data.items():
        if not isinstance(rows, list):
            continue
        for row in rows:
            if isinstance(row, dict) and row.get("country"):
                found[str(row["country"]).upper()][name].append(row)
    return found
