"""Survey pages under /<lang>/kyselyt/."""

from django.urls import path, re_path

from kumppani.participation.surveys import views

urlpatterns = [
    path("", views.survey_list, name="survey_list"),
    path("alue/<slug:body>/", views.survey_body, name="survey_body"),
    path("alue/<slug:body>/uusi/", views.survey_create, name="survey_create"),
    path("vastaa/<str:token>/", views.survey_answer_link, name="survey_answer_link"),
    path("<slug:slug>/", views.survey_detail, name="survey_detail"),
    path("<slug:slug>/kiitos/", views.survey_thanks, name="survey_thanks"),
    path("<slug:slug>/hallinta/", views.survey_manage, name="survey_manage"),
    path("<slug:slug>/muokkaa/", views.survey_edit, name="survey_edit"),
    path("<slug:slug>/kysymykset/<int:question>/poista/", views.survey_question_delete, name="survey_question_delete"),
    path("<slug:slug>/julkaise/", views.survey_publish, name="survey_publish"),
    path("<slug:slug>/tulokset/", views.survey_results, name="survey_results"),
    re_path(
        r"^(?P<slug>[-\w]+)/tulokset\.(?P<fmt>csv|xlsx)$", views.survey_results_export, name="survey_results_export"
    ),
]
