"""Governance pages under /<lang>/yhteistyo/ (included by the cooperation app's urls.py)."""

from django.urls import path

from kumppani.cooperation.governance import views

urlpatterns = [
    path("alueet/<slug:body>/ryhmat/", views.groups, name="groups"),
    path("alueet/<slug:body>/ryhmat/uusi/", views.group_create, name="group_create"),
    path("ryhmat/<int:pk>/", views.group_detail, name="group"),
    path("ryhmat/<int:pk>/muokkaa/", views.group_edit, name="group_edit"),
    path("ryhmat/<int:pk>/nimityspyynto/", views.nomination_request_create, name="nomination_request_create"),
    path("nimityspyynnot/<int:pk>/", views.nomination_request, name="nomination_request"),
    path("nimityspyynnot/<int:pk>/nimea/", views.nominate, name="nominate"),
    path("nimityspyynnot/<int:pk>/vahvista/", views.nomination_confirm, name="nomination_confirm"),
    path("nimityspyynnot/<int:pk>/peru/", views.nomination_cancel, name="nomination_cancel"),
    path("verkostot/", views.networks, name="networks"),
    path("alueet/<slug:body>/verkostot/uusi/", views.network_create, name="network_create"),
    path("verkostot/<slug:slug>/", views.network_detail, name="network"),
    path("verkostot/<slug:slug>/muokkaa/", views.network_edit, name="network_edit"),
    path("verkostot/<slug:slug>/jasenet/", views.network_members, name="network_members"),
    path("alueet/<slug:body>/kokoukset/", views.meetings, name="meetings"),
    path("alueet/<slug:body>/kokoukset/uusi/", views.meeting_create, name="meeting_create"),
    path("kokoukset/<int:pk>/", views.meeting_detail, name="meeting"),
    path("kokoukset/<int:pk>/muokkaa/", views.meeting_edit, name="meeting_edit"),
    path("kokoukset/<int:pk>/hyvaksy/", views.meeting_approve, name="meeting_approve"),
    path("kokoukset/<int:pk>/toimenpiteet/", views.action_add, name="action_add"),
    path("toimenpiteet/<int:pk>/valmis/", views.action_done, name="action_done"),
    path("alueet/<slug:body>/asiantuntijapyynnot/", views.expert_requests, name="expert_requests"),
    path("alueet/<slug:body>/asiantuntijapyynnot/uusi/", views.expert_request_create, name="expert_request_create"),
    path("asiantuntijapyynnot/<int:pk>/", views.expert_request, name="expert_request"),
    path("asiantuntijapyynnot/<int:pk>/vastaa/", views.expert_answer, name="expert_answer"),
    path("asiantuntijapyynnot/<int:pk>/toteutui/", views.expert_fulfil, name="expert_fulfil"),
    path("asiantuntijapyynnot/<int:pk>/sulje/", views.expert_close, name="expert_close"),
    path("alueet/<slug:body>/vuosineuvottelut/", views.negotiations, name="negotiations"),
    path("alueet/<slug:body>/vuosineuvottelut/uusi/", views.negotiation_open, name="negotiation_open"),
    path("vuosineuvottelut/<int:pk>/", views.negotiation_detail, name="negotiation"),
    path("vuosineuvottelut/<int:pk>/muokkaa/", views.negotiation_edit, name="negotiation_edit"),
    path("vuosineuvottelut/<int:pk>/toimenpide/", views.measure_create, name="measure_create"),
    path("vuosineuvottelut/toimenpiteet/<int:pk>/", views.measure_edit, name="measure_edit"),
    path("vuosineuvottelut/<int:pk>/sovi/", views.negotiation_agree, name="negotiation_agree"),
    path("vuosineuvottelut/<int:pk>/vuosineuvottelu.pdf", views.negotiation_pdf, name="negotiation_pdf"),
]
