"""Surveys pages."""

urlpatterns: list = []
