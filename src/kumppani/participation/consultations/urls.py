"""Consultations pages."""

urlpatterns: list = []
