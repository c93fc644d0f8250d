"""The welfare pages under /<lang>/hyvinvointi/ (namespace "welfare")."""

from django.urls import path, re_path

from kumppani.welfare import views

app_name = "welfare"

urlpatterns = [
    path("indeksi/", views.national_table, name="index"),
    re_path(r"^indeksi\.(?P<fmt>csv|xlsx)$", views.national_export, name="index_export"),
    path("<slug:body>/indeksi/", views.body_index, name="body_index"),
    path("<slug:body>/indeksi/<int:year>/laske/", views.recompute, name="recompute"),
    path("<slug:body>/indeksi/<int:year>/arvio/<slug:criterion>/", views.self_assess, name="self_assess"),
]

urlpatterns += [
    path("<slug:body>/kertomukset/", views.reports, name="reports"),
    path("kertomukset/<int:pk>/", views.report, name="report"),
]

urlpatterns += [
    path("kertomukset/<int:pk>/jarjestoluku/", views.ngo_chapter_generate, name="ngo_chapter_generate"),
    path("<slug:body>/kertomukset/uusi/", views.report_new, name="report_new"),
    path("kertomukset/<int:pk>/tyo/", views.report_work, name="report_work"),
    path("kertomukset/<int:pk>/historia/", views.report_history, name="report_history"),
    path("kertomukset/<int:pk>/<slug:move>/", views.report_move, name="report_move"),
    path("kertomukset/luku/<int:pk>/", views.chapter_edit, name="chapter_edit"),
    path("kertomukset/luku/<int:pk>/siirra/", views.chapter_move, name="chapter_move"),
    path("indikaattorit/tuonti/", views.indicator_import, name="indicator_import"),
    path("<slug:body>/indikaattorit/", views.indicator_values, name="indicator_values"),
]

urlpatterns += [
    re_path(
        r"^kertomukset/(?P<pk>\d+)/kertomus-(?P<lang>fi|sv)\.(?P<fmt>pdf|docx)$",
        views.report_document,
        name="report_document",
    ),
]
