"""The cooperation record's pages under /<lang>/yhteistyo/ (the governance pages are included)."""

from django.urls import include, path, re_path

from kumppani.cooperation.views import record

app_name = "cooperation"

_form = "muodot/<uuid:uuid>/"
_body = "<slug:body>/"
urlpatterns = [
    path("koordinaattorit/", record.coordinators, name="coordinators"),
    path(_form, record.form_detail, name="form"),
    path(_form + "vahvista/", record.form_confirm, name="form_confirm"),
    path(_form + "paatos/", record.form_decide, name="form_decide"),
    path(_form + "toteutuminen/", record.form_mark, name="form_mark"),
    path(_form + "muokkaa/", record.form_edit, name="form_edit"),
    path(_form + "paata/", record.form_end, name="form_end"),
    path("jarjestot/<slug:organisation>/", record.ngo, name="ngo"),
    path("jarjestot/<slug:organisation>/ehdota/<slug:body>/", record.propose, name="propose"),
    path("", include("kumppani.cooperation.governance.urls")),
    path(_body, record.body, name="body"),
    path(_body + "toimialat/", record.sectors, name="sectors"),
    path(_body + "toimialat/<slug:sector>/", record.sector, name="sector"),
    path(_body + "yhteystiedot/", record.contact, name="contact"),
    path(_body + "uusi/", record.form_create, name="form_create"),
    re_path(
        r"^(?P<body>[-\w]+)/(?P<kind>varaus|sarja)/(?P<pk>[0-9]+)/kirjaa/$", record.from_booking, name="from_booking"
    ),
    path(_body + "toteutuminen/", record.summary, name="summary"),
    re_path(r"^(?P<body>[-\w]+)/toteutuminen\.(?P<fmt>csv|xlsx)$", record.summary_export, name="summary_export"),
    re_path(r"^(?P<body>[-\w]+)/kirjaus\.(?P<fmt>csv|xlsx)$", record.export, name="export"),
    path(_body + "jarjestot/<slug:organisation>/", record.record, name="record"),
]
