"""Smoke tests for the test setup itself (see also tests/browser/test_browser_harness.py)."""

import os
import subprocess
import sys

import pytest
from django.db import connection
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from kumppani.core import views


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_visitors_urls_resolve_to_core_views_in_each_language(language):
    """The URLs carry the active language's prefix and the same Finnish path in every language."""
    with translation.override(language):
        assert resolve(f"/{language}/").func is views.home
        body = resolve(f"/{language}/alueet/salo/")
        assert (body.func, body.kwargs) == (views.body_detail, {"slug": "salo"})
        assert resolve(f"/{language}/kirjaudu/").func.view_class is views.LoginView
        assert resolve(f"/{language}/salasana/").func.view_class is views.PasswordResetView
        assert reverse("core:home") == f"/{language}/"
        assert reverse("core:body", kwargs={"slug": "salo"}) == f"/{language}/alueet/salo/"
        assert reverse("login") == f"/{language}/kirjaudu/"


def test_pages_are_only_under_a_language_prefix():
    for path in ("/alueet/salo/", "/kirjaudu/", "/de/"):
        with pytest.raises(Resolver404):
            resolve(path)


@pytest.mark.django_db
def test_a_visitor_without_a_language_is_sent_to_the_finnish_pages(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


@pytest.mark.django_db
def test_database_is_the_one_asked_for():
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_the_web_process_sets_its_loaded_code_aside_from_the_garbage_collectors_walks(tmp_path):
    # In a process of its own: the freeze is for the web server's workers, not for the tests.
    program = "import gc, kumppani.wsgi; print(gc.get_freeze_count(), *gc.get_threshold())"
    environment = {**os.environ, "DEBUG": "1", "KUMPPANI_VAR_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", program], env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    frozen, *thresholds = map(int, result.stdout.split())
    assert frozen > 50_000  # Django and the project's modules, every view included
    assert thresholds == [10_000, 20, 20]
