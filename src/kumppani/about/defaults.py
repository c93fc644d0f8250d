"""The notice a body starts from: what Kumppani processes for every body, in the three languages. The
coordinator edits it to name the body's own contacts, retention rules and any further purposes."""

from django.utils import translation
from django.utils.translation import gettext as _

from kumppani.about.models import PrivacyNotice
from kumppani.core.models import PublicBody

LANGUAGES = ("fi", "sv", "en")


def _texts() -> dict[str, str]:
    return {
        "purposes": _(
            "We process personal data to keep the register of NGOs and their activities, to publish events "
            "and spaces, to handle grant applications, decisions, payments and reports, to book premises and "
            "to record cooperation with NGOs. The legal basis is the performance of our statutory tasks and "
            "the exercise of official authority (GDPR article 6(1)(e)) and, for grant matters, the "
            "Administrative Procedure Act and the Act on Discretionary Government Transfers."
        ),
        "data_categories": _(
            "Names, e-mail addresses and telephone numbers of NGO representatives and officials; the "
            "organisations' details; grant applications with their attachments, decisions and payments; "
            "bookings; the history of changes (who changed what and when)."
        ),
        "sources": _("From the people themselves and from the NGOs they represent."),
        "recipients": _(
            "Data is not disclosed outside the body except where the law requires it. Grant decisions and the "
            "NGOs' public details are public. The service is run for us by the service provider as our "
            "processor; data is not transferred outside the EU or the EEA."
        ),
        "retention": _(
            "Grant matters are kept as our records management plan requires. A person's account is removed "
            "when they ask for it or when it has not been used for three years; the history of changes to "
            "public records is kept with the records."
        ),
    }


def default_notice(body: PublicBody) -> PrivacyNotice:
    """An unsaved notice filled with the default texts in every language."""
    notice = PrivacyNotice(body=body, controller=str(body), version=0)
    for language in LANGUAGES:
        with translation.override(language):
            for name, text in _texts().items():
                setattr(notice, f"{name}_{language}", text)
    return notice


def notice_for(body: PublicBody) -> PrivacyNotice:
    try:
        return body.privacy_notice
    except PrivacyNotice.DoesNotExist:
        return default_notice(body)
