"""One search box over everything the user may read (selectors/search.py decides what that is)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from reviews.forms import SearchForm
from reviews.models import Language, Review, RoundTable, SearchDocument
from reviews.notifications import route_link
from reviews.selectors import countries_visible_to, cycles_visible_to
from reviews.selectors.countries import by_country_name
from reviews.selectors.search import SearchFilters, search
from reviews.tables import TABLES


@login_required
def search_page(request):
    form = SearchForm(request.GET)
    filters = form.filters()
    results = search(
        user=request.user, query=filters["q"], group_by=filters["group"], page=filters["page"],
        filters=SearchFilters(**{name: filters[name] for name in ("cycle", "country", "part", "objective",
                                                                   "round_table", "status", "language", "kind")}),
    )
    for group in results.groups:
        for hit in group.hits:
            hit.url = route_link(hit.route, hit.route_kwargs, hit.fragment)
            hit.table_title = TABLES[hit.table].title if hit.table in TABLES else ""
    page_query = request.GET.copy()
    page_query.pop("page", None)
    return render(request, "reviews/search.html", {
        "page_query": page_query.urlencode(),
        "form": form, "filters": filters, "results": results, "query": filters["q"],
        "choices": {
            "cycle": [(cycle.slug, cycle.name) for cycle in cycles_visible_to(request.user)],
            "country": [(country.iso2, country.name)
                        for country in by_country_name(countries_visible_to(request.user))],
            "part": [(number, number) for number in range(1, 6)],
            "objective": [(number, number) for number in range(1, 24)],
            "round_table": [(table.number, table.title) for table in RoundTable.objects.all()],
            "status": Review.Status.choices, "language": Language.choices, "kind": SearchDocument.Kind.choices,
        },
    })
