"""The public form where an organisation asks to take part in the regional review."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.lockout import client_ip
from reviews.services.errors import DomainError, RateLimited
from stakeholders.forms import JoinForm
from stakeholders.services.organisations import organisation_request


def join(request):
    form = JoinForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            organisation_request(
                name_ar=data["name_ar"], name_en=data["name_en"], category=data["category"],
                countries=list(data["countries"]), contact_name=data["contact_name"],
                contact_email=data["contact_email"], website=data["website"], client=client_ip(request))
        except RateLimited as error:
            form.add_error(None, error.message)
            status = 429
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("stakeholders:join_done")
    elif request.method == "POST":
        status = 400
    return render(request, "stakeholders/join.html", {"form": form, "title": _("Take part in the regional review")},
                  status=status)


def join_done(request):
    return render(request, "stakeholders/join_done.html")
