"""The welfare app registers its history labels and the daily computation of the index."""

import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WelfareConfig(AppConfig):
    name = "kumppani.welfare"
    label = "welfare"
    verbose_name = _("Welfare")

    def ready(self) -> None:
        from kumppani.core import audit, schedule
        from kumppani.welfare import pages

        audit.register_action_labels(
            {
                "index_self_assessed": _("Index criterion self-assessed"),
                "index_computed": _("NGO-friendliness index computed"),
                "indicator_values_imported": _("Sotkanet indicator values imported"),
                "indicator_values_fetched": _("Indicator values fetched from Sotkanet"),
                "indicator_value_entered": _("Indicator value entered by hand"),
                "welfare_report_created": _("Welfare report opened"),
                "welfare_chapter_added": _("Chapter added to the welfare report"),
                "welfare_chapter_written": _("Chapter of the welfare report written"),
                "welfare_report_moved": _("Welfare report's status changed"),
                "welfare_chapters_ordered": _("Chapters of the welfare report put in a new order"),
                "welfare_ngo_chapter_generated": _("NGO chapter of the welfare report generated"),
                "welfare_ngo_chapter_refreshed": _("Figures of the welfare report's NGO chapter refreshed"),
            }
        )
        audit.register_change_labels("welfare.welfarereport", {"chapters": _("order of the chapters")})
        schedule.register(schedule.Job("welfare-index", dt.time(4, 30), "kumppani.welfare.tasks.compute_index"))
        schedule.register(schedule.Job("welfare-sotkanet", dt.time(3, 40), "kumppani.welfare.tasks.fetch_indicators"))
        pages.register()
