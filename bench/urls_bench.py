"""The project's URLs plus /bench/empty/: a Django view that does nothing, through every middleware."""

from django.http import HttpResponse
from django.urls import path

from kumppani.urls import urlpatterns as project_urlpatterns


def empty(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/empty/", empty), *project_urlpatterns]
