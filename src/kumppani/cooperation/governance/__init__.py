"""Governance: expert requests, councils and working groups, partnership tables and the yearly negotiation."""
