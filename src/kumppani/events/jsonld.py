"""schema.org Event of an event page, as JSON-LD that is safe inside a <script> element."""

import json

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from kumppani.events.models import HELSINKI, Event, EventStatus

_STATUS = {
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
}


def event_jsonld(event: Event, language: str) -> str:
    def text(field):
        return getattr(event, f"{field}_{language}", None) or getattr(event, f"{field}_fi", None) or ""

    start, end = timezone.localtime(event.start, HELSINKI), timezone.localtime(event.end, HELSINKI)
    status = _STATUS.get(event.status)
    if status is None:
        status = "https://schema.org/EventRescheduled" if event.previous_start else "https://schema.org/EventScheduled"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": text("name"),
        "description": text("short_description") or text("description"),
        "startDate": start.date().isoformat() if event.all_day else start.isoformat(),
        "endDate": end.date().isoformat() if event.all_day else end.isoformat(),
        "eventStatus": status,
        "url": settings.SITE_URL + event.get_absolute_url(),
        "inLanguage": [language.code for language in event.languages.all()],
        "isAccessibleForFree": event.is_free,
    }
    if event.previous_start:
        data["previousStartDate"] = timezone.localtime(event.previous_start, HELSINKI).isoformat()
    if event.is_online and not event.street_address:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation", "url": event.online_url}
    else:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["location"] = {
            "@type": "Place",
            "name": text("place_name") or event.street_address,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.street_address,
                "postalCode": event.postal_code,
                "addressLocality": event.municipality.name if event.municipality_id else "",
                "addressCountry": "FI",
            },
        }
        if event.space_id:
            data["location"]["url"] = settings.SITE_URL + reverse("premises:detail", args=[event.space.slug])
    organiser = event.organiser
    if organiser is not None:
        data["organizer"] = {
            "@type": "Organization",
            "name": organiser.name,
            "url": settings.SITE_URL + organiser.get_absolute_url(),
        }
    offer = {"@type": "Offer", "url": settings.SITE_URL + event.get_absolute_url()}
    if event.is_free:
        offer.update({"price": "0", "priceCurrency": "EUR"})
    else:
        offer["description"] = text("price")
    data["offers"] = offer
    if event.image:
        data["image"] = {
            "@type": "ImageObject",
            "url": settings.SITE_URL + event.image.url,
            "caption": text("image_alt"),
        }
    # Escaped so that no text of the event can close the <script> element it is written in.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
