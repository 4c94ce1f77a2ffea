"""The portal's URLs plus /bench/baseline/ (see bench/settings.py)."""

from django.shortcuts import render
from django.urls import path

from gcm_portal.urls import urlpatterns as portal_urlpatterns


def baseline(request):
    return render(request, "bench/baseline.html", {"items": range(10)})


urlpatterns = [path("bench/baseline/", baseline, name="bench_baseline"), *portal_urlpatterns]
