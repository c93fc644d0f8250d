"""Platform admins may look at spaces and bookings in Django's admin. Bookings are read-only there:
every change of a booking goes through services.py, so that the rules and the history hold."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from kumppani.premises.models import Booking, ClosedDay, OpeningHours, Space


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class ClosedDayInline(admin.TabularInline):
    model = ClosedDay
    extra = 0


@admin.register(Space)
class SpaceAdmin(TranslationAdmin):
    list_display = ("name", "body", "municipality", "capacity", "is_published")
    list_filter = ("is_published", "is_accessible")
    search_fields = ("name", "slug")
    autocomplete_fields = ()
    raw_id_fields = ("body", "municipality", "managers")
    inlines = [OpeningHoursInline, ClosedDayInline]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ("space", "start", "end", "organisation", "status")
    list_filter = ("status", "is_block")
    list_select_related = ("space", "organisation")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
