"""Feedback is read by the platform's admins; coordinators get theirs by e-mail."""

from django.contrib import admin

from kumppani.about.models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ("created_at", "topic", "body", "email")
    list_filter = ("topic",)
    search_fields = ("message", "email", "name")
    readonly_fields = ("created_at",)
