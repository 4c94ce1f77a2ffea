"""What the PDFs print, gathered once per edition (run inside `translation.override(language)`: the
reference names, status labels and figure labels come out in that edition's language).

Every review comes through `reviews_visible_to` (via the compilation selectors), so the report never
holds more than the user may see, and a draft never reaches the regional report. The regional report and
the compendium print each review's last submitted version (a review sent back for revision included, and
said so), never the country's edits in progress. The cost is a fixed number of queries whatever the number
of countries.
"""

from reviews.report.data.compendium import compendium
from reviews.report.data.country import country_review
from reviews.report.data.regional import regional_report

__all__ = ["compendium", "country_review", "regional_report"]
