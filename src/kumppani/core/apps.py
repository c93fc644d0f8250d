"""Core starts the collation for Finnish sorting, the OpenAPI extensions and its own daily job."""

import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kumppani.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from kumppani.core import collation, home, schedule
        from kumppani.core.api import schema  # noqa: F401  (registers the OpenAPI extensions)

        collation.install()
        home.register()
        schedule.register(
            schedule.Job("database-statistics", dt.time(2, 30), "kumppani.core.tasks.refresh_database_statistics")
        )
