"""Dates and times as they are written in Finland, in Swedish and English too (FORMAT_MODULE_PATH):
5.12.2026 and 18.00, never an ISO date or the US month-first order. Finnish uses Django's own."""
