"""Shared test setup, kept small: fixtures belong next to the tests that use them.

pytest-django provides the usual ones (client, admin_client, settings, mailoutbox, django_db_blocker,
live_server, …); tests/browser/conftest.py adds Chromium, `page` and `axe_check`.
"""

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import translation


def pytest_report_header(config):
    return f"database: {connection.vendor}"  # tells the SQLite and PostgreSQL passes apart in a log


@pytest.fixture(autouse=True, scope="session")
def _scratch_dirs(tmp_path_factory):
    """Uploads and static files live in temporary directories during tests, never in the development var/."""
    media, static = tmp_path_factory.mktemp("media"), tmp_path_factory.mktemp("static")
    with override_settings(MEDIA_ROOT=media, STATIC_ROOT=static):
        yield


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Tasks (e-mails, reminders) run as soon as they are queued, so a test sees their effect.
    tests/core/test_worker.py runs the real database queue and worker instead."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache, so that no page comes from an earlier test's data."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _finnish_by_default():
    """Every test starts in Finnish, the site's default, whatever language an earlier test left active."""
    with translation.override("fi"):
        yield


@pytest.fixture
def reference_data():
    """For transactional tests: the public bodies and vocabularies of the data migration, which an
    earlier transactional test may have flushed away."""
    from kumppani.core import reference
    from kumppani.core.models import PublicBody

    if not PublicBody.objects.exists():
        reference.load_public_bodies()
        reference.load_vocabularies()
