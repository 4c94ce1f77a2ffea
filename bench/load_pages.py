"""What the load test requests, shared by bench/locustfile.py (locust's virtualenv) and
bench/load_test.py (the project's): plain data, no imports of either."""

import os

CYCLE = os.environ.get("BENCH_CYCLE", "arab-2028")
COUNTRIES = "dz bh km dj eg iq jo kw lb ly mr ma om ps qa sa so sd sy tn ae ye".split()
# The first countries' reviews are sent back for revision so that their focal points edit them;
# the others are accepted (load_test.py prepares that).
EDITED_COUNTRIES = int(os.environ.get("BENCH_EDITED_COUNTRIES", "15"))
BASELINE_NAME = "baseline: minimal view and template"
# The capacity phase: name in the tables → (who asks, path). {review} is the focal point's review,
# {objective} one it reports, {other} a country's review seen by regional staff.
CAPACITY_PAGES = {
    "workspace: overview": ("fp", "/ar/reviews/{review}/"),
    "workspace: part page": ("fp", "/ar/reviews/{review}/parts/1/"),
    "workspace: objective page": ("fp", "/ar/reviews/{review}/objectives/{objective}/"),
    "regional: dashboard": ("staff", f"/ar/reviews/cycles/{CYCLE}/dashboard/"),
    "regional: answers side by side": ("staff", f"/ar/reviews/cycles/{CYCLE}/compilations/?objective=6"),
    "regional: objectives matrix": ("staff", f"/ar/reviews/cycles/{CYCLE}/matrix/"),
    "regional: good practices": ("staff", f"/ar/reviews/cycles/{CYCLE}/practices/"),
    "regional: figures": ("staff", f"/ar/reviews/cycles/{CYCLE}/figures/"),
    "regional: a country's review": ("staff", "/ar/reviews/{other}/"),
}
