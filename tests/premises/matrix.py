"""URL names of the premises app that its own permission tests cover (public pages included).

tests/test_permissions.py fails for any URL name of the project that no matrix lists."""

URL_NAMES: set[str] = set()

# Finding a space: public, no sign-in; who booked is shown only to the space's managers
# (tests/premises/test_permissions.py).
URL_NAMES |= {"premises:list", "premises:detail"}

# Booking and one booking's pages: signed in; an NGO's representatives and the space's managers
# only (tests/premises/test_permissions.py refuses another NGO, another body's manager and the
# anonymous, and checks that nothing changes).
URL_NAMES |= {
    "premises:book",
    "premises:booking",
    "premises:booking_ics",
    "premises:booking_cancel",
    "premises:booking_decide",
    "premises:ngo_bookings",
}

# The premises manager's pages and the officials' usage report (tests/premises/test_permissions.py).
URL_NAMES |= {
    "premises:manage",
    "premises:create",
    "premises:usage",
    "premises:edit",
    "premises:closed_day",
    "premises:block",
    "premises:photo",
}

# The API (/api/v1/spaces/, /api/v1/bookings/): tests/premises/test_api.py.
URL_NAMES |= {"api-space-list", "api-space-detail", "api-space-availability", "api-booking-list", "api-booking-detail"}
