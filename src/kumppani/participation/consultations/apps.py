"""What the consultations part registers when Django starts (called from participation/apps.py)."""

from django.utils.translation import gettext_lazy as _


def ready() -> None:
    import datetime as dt

    from kumppani.core import audit, schedule
    from kumppani.participation.consultations import pages, rules  # noqa: F401

    audit.register_action_labels(
        {
            "consultation_created": _("Consultation prepared"),
            "consultation_updated": _("Consultation changed"),
            "consultation_section_added": _("Section added to the consultation"),
            "consultation_section_changed": _("Section of the consultation changed"),
            "consultation_document_added": _("Background document added"),
            "consultation_document_read": _("Background document opened"),
            "consultation_opened": _("Consultation opened"),
            "consultation_closed": _("Consultation closed"),
            "consultation_responded": _("Response published"),
            "consultation_finished": _("Consultation closed for good"),
            "statement_drafted": _("Statement drafted"),
            "statement_changed": _("Statement changed"),
            "statement_sent": _("Statement sent"),
            "council_statement_recorded": _("Council's statement recorded"),
            "resident_comment_written": _("Resident's comment written"),
            "resident_comment_confirmed": _("Resident's comment confirmed"),
            "resident_comment_hidden": _("Resident's comment hidden"),
            "consultation_response_saved": _("Response written"),
            "consultation_response_published": _("Response published"),
        }
    )
    schedule.register(
        schedule.Job(
            "consultation-response-reminders",
            dt.time(7, 15),
            "kumppani.participation.consultations.tasks.close_due_consultations",
        )
    )
    pages.register()
