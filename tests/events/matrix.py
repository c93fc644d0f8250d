"""URL names of the events app that its own permission tests cover (public pages included).

tests/test_permissions.py fails for any URL name of the project that no matrix lists."""

URL_NAMES: set[str] = set()

# The public calendar, its feeds and embed, and an event's page: anyone; a draft or an event awaiting
# approval is 404 to everyone but its NGO and the editors it was sent to (tests/events/test_permissions.py).
URL_NAMES |= {
    "events:calendar",
    "events:feed_ics",
    "events:feed_rss",
    "events:embed",
    "events:embed_snippet",
    "events:detail",
    "events:event_ics",
}

# An NGO's own events: refused to the anonymous, to another NGO's representative and to a body's
# coordinator (tests/events/test_permissions.py), and nothing changes.
URL_NAMES |= {"events:manage", "events:create", "events:edit", "events:submit", "events:set_status"}

# A body's own events: its coordinators and officials only; refused to NGOs and to another body's editors.
URL_NAMES |= {
    "events:body_manage",
    "events:body_create",
    "events:body_edit",
    "events:body_submit",
    "events:body_set_status",
}

# A body's queue and decisions (its coordinators and officials), its trusted NGOs and bulletin
# (its coordinators): refused to the editors of another body and to NGOs. A published bulletin issue
# is public (tests/events/test_bulletin.py); a draft issue is refused like the rest.
URL_NAMES |= {
    "events:queue",
    "events:decide",
    "events:trusted",
    "events:bulletin",
    "events:bulletin_issue",
    "events:bulletin_pdf",
}

# The API: /api/v1/events/, /api/v1/event-places/, /api/v1/keywords/ (tests/events/test_api.py).
URL_NAMES |= {"api-event-list", "api-event-detail", "api-event-place-list", "api-keyword-list", "api-keyword-detail"}
