"""schema.org JSON-LD for an activity's page: an Event with its regular times as a Schedule."""

from kumppani.activities.models import Activity, Frequency
from kumppani.core.opendata import json_for_script

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_REPEAT = {Frequency.WEEKLY: "P1W", Frequency.BIWEEKLY: "P2W", Frequency.MONTHLY: "P1M"}


def _schedule(rule) -> dict:
    data = {
        "@type": "Schedule",
        "byDay": f"https://schema.org/{_DAYS[rule.weekday]}",
        "startTime": f"{rule.start_time:%H:%M}",
        "endTime": f"{rule.end_time:%H:%M}",
        "repeatFrequency": _REPEAT.get(rule.frequency, "P1W"),
        "scheduleTimezone": "Europe/Helsinki",
    }
    if rule.frequency == Frequency.MONTHLY and rule.week_of_month:
        data["byMonthWeek"] = rule.week_of_month
    if rule.valid_from:
        data["startDate"] = rule.valid_from.isoformat()
    if rule.valid_until:
        data["endDate"] = rule.valid_until.isoformat()
    return data


def _place(place) -> dict:
    data = {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": place.street_address,
            "postalCode": place.postal_code,
            "addressLocality": place.municipality.name,
            "addressCountry": "FI",
        },
    }
    if place.name:
        data["name"] = place.name
    if place.latitude is not None and place.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    return data


def activity(request, activity: Activity) -> str:
    places = list(activity.places.all())
    if activity.is_online and places:
        mode = "MixedEventAttendanceMode"
    elif activity.is_online:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    locations = [_place(place) for place in places]
    if activity.is_online:
        locations.append({"@type": "VirtualLocation", **({"url": activity.online_url} if activity.online_url else {})})
    organisation = activity.organisation
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activity.name,
        "url": request.build_absolute_uri(activity.get_absolute_url()),
        "description": activity.short_description or activity.description[:300],
        "organizer": {
            "@type": "NGO",
            "name": organisation.name,
            "url": request.build_absolute_uri(organisation.get_absolute_url()),
        },
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "isAccessibleForFree": activity.is_free,
        "inLanguage": [language.code for language in activity.languages.all()],
        "location": locations,
        "eventSchedule": [_schedule(rule) for rule in activity.schedule_rules.all()],
    }
    if not activity.is_free and activity.fee is not None:
        data["offers"] = {"@type": "Offer", "price": str(activity.fee), "priceCurrency": "EUR"}
    # "</" cannot end the script element early when escaped this way.
    return json_for_script(data)
