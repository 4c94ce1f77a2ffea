# Notifications keep their link as a route name and its arguments instead of a path typed by hand.
#
# Existing rows are converted, then the path column is dropped. The code only ever wrote four shapes of
# path (a review's overview, a part or an objective with the comment thread as fragment, the home page),
# and they are converted exactly, with patterns written here rather than resolved through the URL
# configuration: a migration must do the same thing whatever the routes become later. A path of any other
# shape (none is known) loses its link and keeps its text. Going back rebuilds the paths the same way.

import re

from django.db import migrations, models

UID = r"(?P<uid>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
PATHS = [  # (pattern, route, the path back from the route's arguments)
    (re.compile(rf"^/reviews/{UID}/$"), "reviews:overview", "/reviews/{uid}/"),
    (re.compile(rf"^/reviews/{UID}/parts/(?P<number>[0-9]+)/$"), "reviews:part", "/reviews/{uid}/parts/{number}/"),
    (re.compile(rf"^/reviews/{UID}/objectives/(?P<number>[0-9]+)/$"), "reviews:objective",
     "/reviews/{uid}/objectives/{number}/"),
    (re.compile(r"^/$"), "home", "/"),
]


def route_of(url: str) -> tuple[str, dict, str] | None:
    """The route, its arguments and the fragment of a stored path; None for a path of no known shape."""
    path, _hash, fragment = url.partition("#")
    for pattern, route, _back in PATHS:
        match = pattern.match(path)
        if match:
            kwargs = {name: int(value) if name == "number" else value for name, value in match.groupdict().items()}
            return route, kwargs, fragment
    return None


def path_of(route: str, kwargs: dict, fragment: str) -> str | None:
    backs = {route: back for _pattern, route, back in PATHS}
    if route not in backs:
        return None
    path = backs[route].format(**kwargs)
    return f"{path}#{fragment}" if fragment else path


def paths_to_routes(apps, schema_editor):
    Notification = apps.get_model("reviews", "Notification")
    changed = []
    for notification in Notification.objects.exclude(url="").only("pk", "url"):
        converted = route_of(notification.url)
        if converted:
            notification.route, notification.route_kwargs, notification.fragment = converted
            changed.append(notification)
    Notification.objects.bulk_update(changed, ["route", "route_kwargs", "fragment"], batch_size=500)


def routes_to_paths(apps, schema_editor):
    Notification = apps.get_model("reviews", "Notification")
    changed = []
    for notification in Notification.objects.exclude(route="").only("pk", "route", "route_kwargs", "fragment"):
        notification.url = path_of(notification.route, notification.route_kwargs, notification.fragment) or ""
        changed.append(notification)
    Notification.objects.bulk_update(changed, ["url"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0007_synthesis_chapters_for_cycles"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="route",
            field=models.CharField(blank=True, max_length=60),
        ),
        migrations.AddField(
            model_name="notification",
            name="route_kwargs",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="notification",
            name="fragment",
            field=models.CharField(blank=True, max_length=160),
        ),
        migrations.RunPython(paths_to_routes, routes_to_paths),
        migrations.RemoveField(
            model_name="notification",
            name="url",
        ),
    ]
