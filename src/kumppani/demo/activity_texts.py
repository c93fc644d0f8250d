"""What the demo NGOs do: a few typical activities for each kind of NGO, in Finnish and Swedish
(and the name in English), and the words around them.

data/activities.csv has one row per activity: the kind of NGO, the type of activity, the schedule,
tags, the name in fi/sv/en and the short description in fi/sv. Schedule: W every week, W2 twice a
week, D every weekday, B every other week, M a weekday of the month, A by appointment. Tags: fee (a
small fee), online (meets online), register (sign up first), and the words the demo service paths
look for (memory, carers, mental_peer, clubhouse, …). The other texts are in
data/activity_texts.toml; each is a pair (fi, sv).
"""

from kumppani.demo.datafiles import by_language, csv_rows, pairs, toml

FI_SV = ("fi", "sv")

# The activities of each kind of NGO, in the file's order (the demo samples from them).
ACTIVITIES: dict[str, list[dict[str, str]]] = {}
for _row in csv_rows("activities.csv"):
    ACTIVITIES.setdefault(_row.pop("ngo_kind"), []).append(_row)

_DATA = toml("activity_texts.toml")
# Hand-written demo NGOs (organisations.HANDWRITTEN) and the kind of activities each has.
HANDWRITTEN_KINDS: dict[str, str] = _DATA["handwritten_kinds"]
# What a resident reads after the short description, by type of activity (fi, sv).
ABOUT = {kind: by_language(texts, FI_SV) for kind, texts in _DATA["about"].items()}
JOIN = {way: by_language(texts, FI_SV) for way, texts in _DATA["join"].items()}

# Where activities meet (fi, sv), by how the NGO works.
PLACE_NAMES = pairs(_DATA["places"]["usual"])
SPORT_PLACES = pairs(_DATA["places"]["sport"])
VILLAGE_PLACES = pairs(_DATA["places"]["village"])
_NOTES = _DATA["notes"]
ACCESSIBILITY = tuple(_NOTES["accessibility"])
APPOINTMENT_NOTE = tuple(_NOTES["appointment_note"])
ONLINE_NOTE = tuple(_NOTES["online_note"])
SUMMER_BREAK = tuple(_NOTES["summer_break"])
CHRISTMAS_BREAK = tuple(_NOTES["christmas_break"])
FEES = pairs(_NOTES["fees"])

# Times of day by type of activity: (start, end) pairs to choose from.
TIMES = {kind: pairs(times) for kind, times in _DATA["times"].items()}
YOUTH_TIMES = pairs(_DATA["youth_times"]["meeting_place"])
