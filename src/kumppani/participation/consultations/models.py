"""Consultations models."""

__all__: list[str] = []
