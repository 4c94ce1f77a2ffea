"""Settings of the load test: the portal's own settings, plus a baseline page.

The baseline is the least a Django page can cost on this stack (the same middleware, session,
template engine and gunicorn): a view rendering a small template. The load test reports each
page's throughput as a ratio of it. It exists only under these settings, never in the product.
"""

import os
from pathlib import Path

from gcm_portal.settings import *  # noqa: F403
from gcm_portal.settings import BASE_DIR, STATIC_ROOT, TEMPLATES

ROOT_URLCONF = "bench.urls"
# collectstatic for the run goes to the run's own folder, not the checkout's staticfiles/.
STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT", STATIC_ROOT))
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
