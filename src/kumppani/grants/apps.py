"""The grants app's configuration: its history labels and scheduled jobs, registered with core
when Django starts."""

import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "kumppani.grants"
    label = "grants"
    verbose_name = _("Grants")

    def ready(self) -> None:
        from kumppani.core import audit, schedule
        from kumppani.grants import pages
        from kumppani.grants.models import AttachmentKind

        audit.register_change_labels(
            "grants.boardmeeting",
            {"proposed_total": _("total proposed"), "decided_total": _("total decided")},
            money=("decided_total",),
        )
        audit.register_change_labels(
            "grants.application",
            {
                "budget": _("budget"),
                "answers": _("answers"),
                "funding": _("other funding"),
                "instalments": _("instalments"),
                "reviewers": _("reviewers"),
                "amount": _("grant decided"),
                "due_date": _("usage report due"),
            },
            money=("amount",),
        )
        audit.register_change_labels(
            "grants.grantprogramme", {}, choices={"required_attachments": AttachmentKind.choices}
        )
        audit.register_action_labels(
            {
                # Grant programmes and applications (grants.services.programmes, grants.services.applying)
                "programme_created": _("Grant programme created"),
                "programme_updated": _("Grant programme changed"),
                "programme_published": _("Grant programme published"),
                "application_started": _("Application started"),
                "application_saved": _("Application saved"),
                "budget_changed": _("Budget changed"),
                "funding_changed": _("Other funding changed"),
                "answers_saved": _("Answers saved"),
                "attachment_added": _("Attachment added"),
                "attachment_removed": _("Attachment removed"),
                "attachment_read": _("Attachment opened"),
                # Review and board decisions (grants.services.review, grants.services.decisions)
                "reviewers_assigned": _("Reviewers assigned"),
                "reviewer_removed": _("Reviewer taken off"),
                "conflict_declared": _("A reviewer declared a conflict of interest"),
                "review_saved": _("Review saved"),
                "review_completed": _("Review finished"),
                "meeting_created": _("Board meeting created"),
                "proposal_set": _("Proposal to the board changed"),
                "proposal_ready": _("Proposal ready for the board"),
                "decision_recorded": _("Board's decision recorded"),
                "decision_notified": _("Decision sent to the applicant"),
                # Payments, usage reports and recovery (grants.services.reporting)
                "instalments_planned": _("Instalments planned"),
                "instalment_paid": _("Instalment paid"),
                "report_due_changed": _("Due date of the usage report changed"),
                "report_saved": _("Usage report saved"),
                "report_attachment_added": _("Attachment added to the usage report"),
                "report_attachment_removed": _("Attachment removed from the usage report"),
                "recovery_marked": _("Marked for recovery"),
            }
        )
        schedule.register(
            schedule.Job("usage-report-reminders", dt.time(8, 30), "kumppani.grants.tasks.send_report_reminders")
        )
        pages.register()

        from kumppani.cooperation.governance.agenda import register_agenda_source
        from kumppani.grants.queries.negotiation import granted_per_ngo

        register_agenda_source("grants", granted_per_ngo, order=20)
