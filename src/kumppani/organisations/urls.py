"""The register's addresses, in Finnish: /jarjestot/ for NGOs, /alueet/ for bodies' people."""

from django.urls import path

from kumppani.organisations import views

app_name = "organisations"

urlpatterns = [
    path("jarjestot/", views.directory, name="directory"),
    path("jarjestot/uusi/", views.create, name="create"),
    path("jarjestot/tuonti/", views.import_view, name="import"),
    path("jarjestot/vienti.<str:fmt>", views.export, name="export"),
    path("jarjestot/<slug:slug>/", views.detail, name="detail"),
    path("jarjestot/<slug:slug>/muokkaa/", views.edit, name="edit"),
    path("jarjestot/<slug:slug>/vahvista/", views.verify, name="verify"),
    path("jarjestot/<slug:slug>/tila/", views.set_status, name="set_status"),
    path("jarjestot/<slug:slug>/yhdista/", views.merge, name="merge"),
    path("jarjestot/<slug:slug>/edustajat/", views.members, name="members"),
    path("jarjestot/<slug:slug>/edustajat/<int:pk>/poista/", views.remove_member, name="remove_member"),
    path("jarjestot/<slug:slug>/historia/", views.history, name="history"),
    path("jarjestot/<slug:slug>/pyyda-oikeudet/", views.request_membership, name="request_membership"),
    path("pyynnot/<int:pk>/", views.decide_request, name="decide_request"),
    path("alueet/<slug:slug>/kutsu/", views.invite_to_body, name="invite_to_body"),
    path("alueet/<slug:slug>/ihmiset/", views.body_people, name="body_people"),
    path("kutsu/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("rekisteroidy/", views.signup, name="signup"),
]
