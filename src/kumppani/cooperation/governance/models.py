"""The governance models (expert requests, councils, meetings, the yearly negotiation)."""

__all__ = []
