"""Signals of premises for the apps above it (which premises must not import).

`bookings_cancelled` is sent after a transaction that cancelled bookings has committed, with
`bookings` (the cancelled Booking rows) and `by` (who cancelled). The events app uses it to tell an
NGO whose announced event was to take place in the cancelled time."""

from django.dispatch import Signal

bookings_cancelled = Signal()
