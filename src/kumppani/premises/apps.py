"""The premises app registers its history labels and its parts of core's pages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PremisesConfig(AppConfig):
    name = "kumppani.premises"
    label = "premises"
    verbose_name = _("Premises")

    def ready(self) -> None:
        from kumppani.core import audit
        from kumppani.premises import home, pages

        audit.register_action_labels(
            {
                "space_created": _("Space published"),
                "space_updated": _("Space changed"),
                "space_photo_added": _("Photo added"),
                "space_photo_changed": _("Photo changed"),
                "space_photo_removed": _("Photo removed"),
                "booking_requested": _("Booking requested"),
                "booking_confirmed": _("Booking confirmed"),
                "booking_rejected": _("Booking rejected"),
                "booking_cancelled": _("Booking cancelled"),
                "time_blocked": _("Time blocked"),
            }
        )
        pages.register()
        home.register()
