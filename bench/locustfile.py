"""Load-test scenario of the portal (locust 2.47, see bench/requirements.txt and bench/README.md).

`bench/load_test.py` prepares the database and the server and runs this file; it expects the
full demo (`load_demo --full`) with the reviews of the first EDITED_COUNTRIES countries sent back
for revision (so their focal points can edit), the others accepted.

Who does what (the user classes):
- FocalPointEditor: a country team member editing answers. Opens a part or objective page,
  then types into one answer, autosaving as static/js/autosave.js does (a POST of the form's
  fields a few seconds after typing stops, the version returned by one save is sent with the
  next). Two editors share each country, so sometimes both edit the same answer: the server then
  answers 409 with the stored text, which is the portal working as designed, not an error. Like
  the script's "save my merged text", the editor saves again on the version it was shown.
  Each 409 is also counted as a "CONFLICT" entry.
- Reviewer: regional staff on the dashboard, the compilation pages (answers side by side,
  objectives matrix, good practices, figures) and a country's review.
- ReportBuilder (one user): asks once for the regional PDF report (forced build), follows its
  progress as the page's script does, and downloads it; the time from request to ready is
  reported as a "BUILD" entry. The background worker must run (load_test.py starts it).
- Baseline and PageCapacity: used by load_test.py's capacity phase (one page at a time, no
  think time): the baseline view of bench/settings.py, and each page of the scenario.
"""

import itertools
import os
import random
import re
import time
from html.parser import HTMLParser

from load_pages import BASELINE_NAME, CAPACITY_PAGES, COUNTRIES, CYCLE, EDITED_COUNTRIES
from locust import HttpUser, between, constant, task

PASSWORD = os.environ.get("DEMO_PASSWORD", "gcm-demo-2026")
REGIONAL_STAFF = ["reviewer-escwa", "reviewer-iom", "reviewer-las", "organiser"]
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
REPORT_TIMEOUT_S = 600

_editor_numbers = itertools.count()
_staff_numbers = itertools.count()


class AnswerForms(HTMLParser):
    """The answer forms of a page (`form.answer-form`): their action and the fields the browser's
    FormData would send (inputs, textareas, the selected option)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "answer-form" in (attrs.get("class") or "").split():
            self._form = {"action": attrs.get("action", ""), "fields": {}}
        elif self._form is None:
            return
        elif tag == "input" and attrs.get("name") and attrs.get("type") not in ("submit", "button"):
            self._form["fields"][attrs["name"]] = attrs.get("value") or ""
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = attrs["name"]
            self._form["fields"][self._textarea] = ""
        elif tag == "select" and attrs.get("name"):
            self._select = attrs["name"]
            self._form["fields"].setdefault(self._select, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self._form["fields"][self._select] = attrs.get("value") or ""

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None


def answer_forms(page: str) -> list[dict]:
    parser = AnswerForms()
    parser.feed(page)
    return parser.forms


def csrf_token(page: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    return match.group(1) if match else ""


def log_in(user: HttpUser, username: str) -> None:
    """Sign in through the login form, as a person does (CSRF token, then the POST)."""
    page = user.client.get("/ar/accounts/login/", name="login: page")
    with user.client.post("/ar/accounts/login/", name="login: submit", allow_redirects=False, catch_response=True,
                          data={"username": username, "password": PASSWORD,
                                "csrfmiddlewaretoken": csrf_token(page.text)}) as response:
        if response.status_code == 302 and "/login/" not in response.headers.get("Location", ""):
            response.success()
        else:
            response.failure(f"login of {username} refused ({response.status_code})")


def find_own_review(user: HttpUser) -> tuple[str, list[str]]:
    """The country team's review in the open cycle (the home page links it) and the objectives it
    reports (the objectives page links them)."""
    home = user.client.get("/ar/", name="home")
    match = re.search(rf'<tr class="table-active">.*?/reviews/({UUID})/', home.text, flags=re.DOTALL)
    if match is None:
        raise RuntimeError(f"no review of the open cycle on the home page of {user}")
    review = match.group(1)
    page = user.client.get(f"/ar/reviews/{review}/objectives/", name="workspace: objectives")
    return review, sorted(set(re.findall(rf"/reviews/{review}/objectives/(\d+)/", page.text)), key=int) or ["1"]


def fire(user: HttpUser, kind: str, name: str, milliseconds: float) -> None:
    """An entry in locust's table that is not one HTTP request (a conflict, a whole build)."""
    user.environment.events.request.fire(request_type=kind, name=name, response_time=milliseconds,
                                         response_length=0, exception=None, context={})


def fire_failure(user: HttpUser, name: str, message: str) -> None:
    user.environment.events.request.fire(request_type="BUILD", name=name, response_time=0, response_length=0,
                                         exception=RuntimeError(message), context={})


class FocalPointEditor(HttpUser):
    weight = 3
    wait_time = between(2, 6)

    def on_start(self):
        number = next(_editor_numbers)
        self.country = COUNTRIES[number % EDITED_COUNTRIES]
        log_in(self, f"fp-{self.country}")
        self.review, self.objectives = find_own_review(self)

    @task(1)
    def overview(self):
        self.client.get(f"/ar/reviews/{self.review}/", name="workspace: overview")

    @task(4)
    def edit_a_part(self):
        part = random.choice([1, 2, 4, 5])
        page = self.client.get(f"/ar/reviews/{self.review}/parts/{part}/", name="workspace: part page")
        self._type_into_one_answer(page.text)

    @task(3)
    def edit_an_objective(self):
        number = random.choice(self.objectives)
        page = self.client.get(f"/ar/reviews/{self.review}/objectives/{number}/", name="workspace: objective page")
        self._type_into_one_answer(page.text)

    def _type_into_one_answer(self, page: str) -> None:
        forms = answer_forms(page)
        if not forms:
            return
        form = random.choice(forms)
        fields = dict(form["fields"])
        prefix = next((name[: -len("-version")] for name in fields if name.endswith("-version")), "")
        for burst in range(random.randint(2, 5)):
            time.sleep(random.uniform(3, 8))  # typing, then the 2.5 s pause that triggers a save
            fields[f"{prefix}-text_ar"] = (fields.get(f"{prefix}-text_ar", "") + f" إضافة {burst}")[-15000:]
            if random.random() < 0.3:
                fields[f"{prefix}-text_en"] = (fields.get(f"{prefix}-text_en", "") + f" added {burst}")[-15000:]
            self._autosave(form["action"], fields, prefix)

    def _autosave(self, action: str, fields: dict, prefix: str) -> None:
        started = time.perf_counter()
        with self.client.post(action, data=fields, name="workspace: autosave", catch_response=True,
                              headers={"X-Requested-With": "fetch"}) as response:
            if response.status_code == 200:
                fields[f"{prefix}-version"] = str(response.json()["version"])
                response.success()
            elif response.status_code == 409:  # somebody saved first: shown side by side, merged
                fields[f"{prefix}-version"] = str(response.json()["version"])
                response.success()
                fire(self, "CONFLICT", "workspace: autosave answered 409 (expected)",
                     (time.perf_counter() - started) * 1000)
            else:
                response.failure(f"autosave answered {response.status_code}: {response.text[:200]}")


class Reviewer(HttpUser):
    weight = 2
    wait_time = between(3, 8)

    def on_start(self):
        log_in(self, REGIONAL_STAFF[next(_staff_numbers) % len(REGIONAL_STAFF)])
        self.reviews = []
        self.dashboard()

    @task(3)
    def dashboard(self):
        page = self.client.get(f"/ar/reviews/cycles/{CYCLE}/dashboard/", name="regional: dashboard")
        self.reviews = sorted(set(re.findall(rf"/reviews/({UUID})/", page.text))) or self.reviews

    @task(3)
    def compilations(self):
        query = random.choice([f"?objective={random.randint(1, 23)}", "?prompt=1.1", ""])
        self.client.get(f"/ar/reviews/cycles/{CYCLE}/compilations/{query}", name="regional: answers side by side")

    @task(1)
    def matrix(self):
        self.client.get(f"/ar/reviews/cycles/{CYCLE}/matrix/", name="regional: objectives matrix")

    @task(1)
    def practices(self):
        self.client.get(f"/ar/reviews/cycles/{CYCLE}/practices/", name="regional: good practices")

    @task(1)
    def figures(self):
        self.client.get(f"/ar/reviews/cycles/{CYCLE}/figures/", name="regional: figures")

    @task(2)
    def a_review(self):
        if self.reviews:
            self.client.get(f"/ar/reviews/{random.choice(self.reviews)}/", name="regional: a country's review")


class ReportBuilder(HttpUser):
    """One organiser asks for the regional report once in the run and waits for it."""

    fixed_count = 1
    wait_time = constant(30)

    def on_start(self):
        log_in(self, "organiser")
        self.built = False

    @task
    def build_the_report_once(self):
        if self.built:
            self.client.get(f"/ar/reviews/cycles/{CYCLE}/reports/", name="reports: page")
            return
        self.built = True
        page = self.client.get(f"/ar/reviews/cycles/{CYCLE}/reports/", name="reports: page")
        if page.status_code == 404:  # the route is not there: see bench/README.md
            return
        known = set(re.findall(rf"/reviews/reports/({UUID})/", page.text))
        started = time.perf_counter()
        answer = self.client.post(f"/ar/reviews/cycles/{CYCLE}/reports/", name="reports: request a build",
                                  data={"languages": "both", "include_submitted": "on", "force": "on",
                                        "csrfmiddlewaretoken": csrf_token(page.text)})
        new = [uid for uid in re.findall(rf"/reviews/reports/({UUID})/", answer.text) if uid not in known]
        if not new:
            fire_failure(self, "reports: request a build", "no new report listed after the request")
            return
        while time.perf_counter() - started < REPORT_TIMEOUT_S:
            time.sleep(2)  # static/js/report_progress.js polls at this pace
            state = self.client.get(f"/ar/reviews/reports/{new[0]}/status/", name="reports: progress (polled)")
            data = state.json() if state.status_code == 200 else {}
            if data.get("finished"):
                if data.get("status") != "done":
                    fire_failure(self, "reports: build", f"the build ended {data.get('status')}")
                    return
                fire(self, "BUILD", "reports: regional PDF, request to ready", (time.perf_counter() - started) * 1000)
                self.client.get(data["download_url"], name="reports: download the PDF")
                return
        fire_failure(self, "reports: build", f"not ready after {REPORT_TIMEOUT_S} s")


# --- the capacity phase of load_test.py: one page at a time, as fast as the server answers ----------------

class Baseline(HttpUser):
    """The minimal Django view of bench/settings.py, signed in like every page measured against it,
    so the session and the middleware cost the same."""

    wait_time = constant(0)

    def on_start(self):
        log_in(self, REGIONAL_STAFF[next(_staff_numbers) % len(REGIONAL_STAFF)])

    @task
    def baseline(self):
        self.client.get("/bench/baseline/", name=BASELINE_NAME)


class PageCapacity(HttpUser):
    """Requests the page named in BENCH_PAGE (a key of CAPACITY_PAGES) with no think time."""

    wait_time = constant(0)

    def on_start(self):
        self.page = os.environ["BENCH_PAGE"]
        role, path = CAPACITY_PAGES[self.page]
        review = objective = other = ""
        if role == "fp":
            log_in(self, f"fp-{COUNTRIES[next(_editor_numbers) % EDITED_COUNTRIES]}")
            review, objectives = find_own_review(self)
            objective = objectives[0]
        else:
            log_in(self, REGIONAL_STAFF[next(_staff_numbers) % len(REGIONAL_STAFF)])
            dashboard = self.client.get(f"/ar/reviews/cycles/{CYCLE}/dashboard/", name="regional: dashboard")
            other = (re.findall(rf"/reviews/({UUID})/", dashboard.text) or [""])[0]
        self.path = path.format(review=review, objective=objective, other=other)

    @task
    def page(self):
        self.client.get(self.path, name=self.page)
