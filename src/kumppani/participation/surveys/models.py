"""Surveys models."""

__all__: list[str] = []
