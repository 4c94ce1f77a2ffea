"""The regional report and the country reviews as bilingual PDFs: data gathering (data.py), HTML
templates (templates/reviews/report/), fonts and a locked-down fetcher, and the WeasyPrint call (build.py)."""
