"""The grants pages' addresses (namespace "grants"), part by part as the views are split."""

from django.urls import path

from kumppani.grants.views import applying, board, programmes, public, reporting, review

app_name = "grants"

# Each part of the app adds its pages here; the views live in views/<part>.py.
urlpatterns = [
    # Programmes (views/programmes.py)
    path("avustukset/", programmes.programme_list, name="programme_list"),
    path("avustukset/ohjelmat/<int:pk>/", programmes.programme_detail, name="programme"),
    path("avustukset/ohjelmat/<int:pk>/muokkaa/", programmes.programme_edit, name="programme_edit"),
    path("avustukset/ohjelmat/<int:pk>/muutokset/", programmes.programme_history, name="programme_history"),
    path("avustukset/ohjelmat/<int:pk>/julkaise/", programmes.programme_publish, name="programme_publish"),
    path("avustukset/ohjelmat/<int:pk>/hakemukset/", programmes.programme_applications, name="programme_applications"),
    path("alueet/<slug:slug>/avustukset/", programmes.body_programmes, name="body_programmes"),
    path("alueet/<slug:slug>/avustukset/uusi/", programmes.programme_create, name="programme_create"),
    # Applying (views/applying.py)
    path("avustukset/omat/", applying.my_applications, name="my_applications"),
    path("avustukset/ohjelmat/<int:pk>/hae/", applying.application_start, name="application_start"),
    path("avustukset/hakemukset/<int:pk>/", applying.application_detail, name="application"),
    path("avustukset/hakemukset/<int:pk>/vaihe/<int:step>/", applying.application_step, name="application_step"),
    path("avustukset/hakemukset/<int:pk>/laheta/", applying.application_submit, name="application_submit"),
    path(
        "avustukset/hakemukset/<int:pk>/liitteet/<int:attachment_pk>/",
        applying.attachment_download,
        name="attachment_download",
    ),
    path(
        "avustukset/hakemukset/<int:pk>/liitteet/<int:attachment_pk>/poista/",
        applying.attachment_remove,
        name="attachment_remove",
    ),
    path("avustukset/hakemukset/<int:pk>/taydennyspyynto/", applying.completion_request, name="completion_request"),
    path("avustukset/hakemukset/<int:pk>/taydenna/", applying.completion_submit, name="completion_submit"),
    path("avustukset/hakemukset/<int:pk>/peru/", applying.application_withdraw, name="application_withdraw"),
    # Review (views/review.py)
    path("avustukset/hakemukset/<int:pk>/arvioijat/", review.assign, name="assign_reviewers"),
    path("avustukset/hakemukset/<int:pk>/arviointi/", review.review, name="review"),
    path("avustukset/hakemukset/<int:pk>/esteellisyys/", review.declare_conflict, name="declare_conflict"),
    path("avustukset/arvioinnit/", review.my_reviews, name="my_reviews"),
    path("avustukset/ohjelmat/<int:pk>/yhteenveto/", review.programme_summary, name="summary"),
    # Board meetings and decisions (views/board.py)
    path("avustukset/ohjelmat/<int:pk>/kokous/", board.meeting_create, name="meeting_create"),
    path("avustukset/kokoukset/<int:pk>/", board.meeting, name="meeting"),
    path("avustukset/kokoukset/<int:pk>/esitys/", board.proposal, name="proposal"),
    path("avustukset/kokoukset/<int:pk>/esitys-valmis/", board.proposal_ready, name="proposal_ready"),
    path("avustukset/kokoukset/<int:pk>/lista/", board.board_list, name="board_list"),
    path("avustukset/kokoukset/<int:pk>/lista.pdf", board.board_list_pdf, name="board_list_pdf"),
    path("avustukset/kokoukset/<int:pk>/paatos/", board.decision_record, name="decision_record"),
    path("avustukset/kokoukset/<int:pk>/tiedoksianto/", board.decision_notify, name="decision_notify"),
    path("avustukset/kokoukset/<int:pk>/paatokset/", board.meeting_decisions, name="meeting_decisions"),
    path("avustukset/hakemukset/<int:pk>/paatos.pdf", board.decision_letter, name="decision_letter"),
    # Payments, usage reports, history and continuity (views/reporting.py)
    path("avustukset/ohjelmat/<int:pk>/maksut/", reporting.programme_payments, name="programme_payments"),
    path("avustukset/ohjelmat/<int:pk>/vienti.<str:fmt>", reporting.programme_export, name="programme_export"),
    path("avustukset/hakemukset/<int:pk>/maksut/", reporting.application_payments, name="application_payments"),
    path("avustukset/erat/<int:pk>/maksettu/", reporting.instalment_paid, name="instalment_paid"),
    path("avustukset/hakemukset/<int:pk>/selvitys-erapaiva/", reporting.report_due, name="report_due"),
    path("avustukset/hakemukset/<int:pk>/takaisinperinta/", reporting.recovery, name="recovery"),
    path("avustukset/hakemukset/<int:pk>/sulje/", reporting.close, name="close"),
    path("avustukset/hakemukset/<int:pk>/kayttoselvitys/", reporting.usage_report, name="usage_report"),
    path(
        "avustukset/hakemukset/<int:pk>/kayttoselvitys/tarkastus/",
        reporting.usage_report_review,
        name="usage_report_review",
    ),
    path("alueet/<slug:slug>/avustusmaksut/", reporting.payments, name="payments"),
    path("alueet/<slug:slug>/avustusmaksut.csv", reporting.payments_csv, name="payments_csv"),
    path("alueet/<slug:slug>/avustusten-jatkuvuus/", reporting.continuity_watch, name="continuity"),
    path("jarjestot/<slug:slug>/avustukset/", reporting.grant_history, name="grant_history"),
    # Public grant decisions and open data (views/public.py)
    path("alueet/<slug:slug>/avustuspaatokset/", public.public_decision_years, name="public_decision_years"),
    path("alueet/<slug:slug>/avustuspaatokset/<int:year>/", public.public_decisions, name="public_decisions"),
    path(
        "alueet/<slug:slug>/avustuspaatokset/<int:year>/360giving.json",
        public.giving360_download,
        name="giving360",
    ),
]
