"""Consultation pages under /<lang>/kuulemiset/ (namespace "participation")."""

from django.urls import path

from kumppani.participation.consultations import views

urlpatterns = [
    path("alueet/<slug:body>/", views.consultation_list, name="consultation_list"),
    path("alueet/<slug:body>/uusi/", views.consultation_create, name="consultation_create"),
    path("<int:pk>/", views.consultation_detail, name="consultation_detail"),
    path("<int:pk>/muokkaa/", views.consultation_edit, name="consultation_edit"),
    path("<int:pk>/osat/uusi/", views.consultation_section_add, name="consultation_section_add"),
    path("osat/<int:pk>/muokkaa/", views.consultation_section_edit, name="consultation_section_edit"),
    path("<int:pk>/asiakirjat/uusi/", views.consultation_document_add, name="consultation_document_add"),
    path("asiakirjat/<int:pk>/", views.consultation_document, name="consultation_document"),
    path("<int:pk>/avaa/", views.consultation_open, name="consultation_open"),
    path("<int:pk>/sulje/", views.consultation_close, name="consultation_close"),
    path("<int:pk>/vastaus/", views.consultation_respond, name="consultation_respond"),
    path("<int:pk>/vastaus/julkaise/", views.consultation_response_publish, name="consultation_response_publish"),
    path("<int:pk>/paata/", views.consultation_finish, name="consultation_finish"),
    path(
        "<int:pk>/lausunto/<slug:organisation>/", views.consultation_statement_edit, name="consultation_statement_edit"
    ),
    path("<int:pk>/neuvoston-lausunto/", views.consultation_council_statement, name="consultation_council_statement"),
    path("<int:pk>/kommentoi/", views.consultation_comment, name="consultation_comment"),
    path("lausunnot/<int:pk>/", views.consultation_statement, name="consultation_statement"),
    path("lausunnot/<int:pk>/laheta/", views.consultation_statement_send, name="consultation_statement_send"),
    path("lausunnot/<int:pk>/poytakirja/", views.consultation_minutes, name="consultation_minutes"),
    path("kommentit/<uuid:token>/vahvista/", views.consultation_comment_confirm, name="consultation_comment_confirm"),
    path("kommentit/<int:pk>/piilota/", views.consultation_comment_hide, name="consultation_comment_hide"),
]
