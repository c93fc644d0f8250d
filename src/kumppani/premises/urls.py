"""Finding and booking spaces, a booking's page, and the managers' and the usage pages."""

from django.urls import path

from kumppani.premises.views import booking, manage, public

app_name = "premises"

# Finding and booking spaces; "tilat/<slug>/" is one word, so "tilat/varaukset/<pk>/" never clashes.
_booking = "tilat/varaukset/<int:pk>/"
urlpatterns = [
    path("tilat/", public.space_list, name="list"),
    path("tilat/<slug:slug>/", public.space_detail, name="detail"),
    path("tilat/<slug:slug>/varaa/", booking.book, name="book"),
    path(_booking, booking.booking_detail, name="booking"),
    path(_booking + "kalenteri.ics", booking.booking_ics, name="booking_ics"),
    path(_booking + "peru/", booking.booking_cancel, name="booking_cancel"),
    path(_booking + "paatos/", booking.booking_decide, name="booking_decide"),
    path("jarjestot/<slug:slug>/tilavaraukset/", booking.ngo_bookings, name="ngo_bookings"),
]

# The premises manager's pages and the officials' usage report.
urlpatterns += [
    path("alueet/<slug:body>/tilojen-hallinta/", manage.manage, name="manage"),
    path("alueet/<slug:body>/tilojen-hallinta/uusi/", manage.space_create, name="create"),
    path("alueet/<slug:body>/tilojen-kaytto/", manage.usage, name="usage"),
    path("tilat/<slug:slug>/muokkaa/", manage.space_edit, name="edit"),
    path("tilat/<slug:slug>/suljetut-paivat/", manage.closed_day, name="closed_day"),
    path("tilat/<slug:slug>/estot/", manage.block, name="block"),
    path("tilat/<slug:slug>/kuvat/<int:pk>/", manage.photo, name="photo"),
]
