"""The step that asks before an action that cannot be undone or that reaches people outside (a
cancelled booking, a rejected event, a cooperation marked as not realised). Without JavaScript: the
page's button sends its form, the answer is templates/confirm.html carrying what was typed, and the
same form sent again with `confirmed` does it. A GET of the action's address shows the same question."""

from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def confirmed(request: HttpRequest) -> bool:
    """Whether the person has answered yes on the confirmation page."""
    return request.method == "POST" and bool(request.POST.get("confirmed"))


def ask(
    request: HttpRequest,
    *,
    title: str,
    question: str,
    confirm_label: str,
    cancel_url: str,
    consequences: Iterable[str] = (),
) -> HttpResponse:
    """The confirmation page; the values of the form that was sent come along in hidden fields."""
    fields = [
        (name, value)
        for name, values in (request.POST.lists() if request.method == "POST" else [])
        if name not in ("csrfmiddlewaretoken", "confirmed")
        for value in values
    ]
    return render(
        request,
        "confirm.html",
        {
            "title": title,
            "question": question,
            "consequences": list(consequences),
            "action": request.path,
            "fields": fields,
            "confirm_label": confirm_label,
            "cancel_url": cancel_url,
        },
    )
