"""Grants on the yearly negotiation's agenda: what each NGO was granted by the body in the year.
Registered with the cooperation app in GrantsConfig.ready() (cooperation cannot read grants)."""

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from kumppani.cooperation.governance.agenda import AgendaTable
from kumppani.grants.euros import format_euros
from kumppani.grants.models import Decision


def granted_per_ngo(body, year: int) -> AgendaTable | None:
    """The sum the body granted each NGO in the year's programmes (decided amounts). One query."""
    rows = (
        Decision.objects.filter(application__programme__body=body, application__programme__year=year, amount__gt=0)
        .values("application__organisation__name")
        .annotate(total=Sum("amount"), count=Count("pk"))
        .order_by("application__organisation__name")
    )
    return AgendaTable(
        _("Grants to NGOs in %(year)s") % {"year": year},
        [_("NGO"), _("Grants"), _("Granted")],
        [[row["application__organisation__name"], str(row["count"]), format_euros(row["total"])] for row in rows],
    )
