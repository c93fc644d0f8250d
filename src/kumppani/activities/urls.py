"""The activities' addresses, in Finnish: /toiminta/, /ohjauslista/, an NGO's /jarjestot/<slug>/toiminta/
and a body's /alueet/<slug>/palvelupolut/."""

from django.urls import path

from kumppani.activities.client_lists import views as client_list
from kumppani.activities.paths import views as paths
from kumppani.activities.views import manage, public

app_name = "activities"

# Each part of the app adds its pages here; the views live in views/<part>.py or in the part's package (paths/, client_lists/).
urlpatterns = []

# Service paths: public pages, and the coordinator's editor under /alueet/<body>/palvelupolkujen-hallinta/.
_manage = "alueet/<slug:body>/palvelupolkujen-hallinta/"
_step = _manage + "<slug:slug>/vaiheet/<int:pk>/"
urlpatterns += [
    path("alueet/<slug:body>/palvelupolut/", paths.path_list, name="paths"),
    path("alueet/<slug:body>/palvelupolut/<slug:slug>/", paths.path_detail, name="path"),
    path(_manage, paths.manage, name="manage_paths"),
    path(_manage + "uusi/", paths.path_create, name="path_create"),
    path(_manage + "<slug:slug>/", paths.path_edit, name="path_edit"),
    path(_manage + "<slug:slug>/tiedot/", paths.path_update, name="path_update"),
    path(_manage + "<slug:slug>/muutokset/", paths.path_history, name="path_history"),
    path(_manage + "<slug:slug>/julkaisu/", paths.path_publish, name="path_publish"),
    path(_manage + "<slug:slug>/poista/", paths.path_delete, name="path_delete"),
    path(_manage + "<slug:slug>/vaiheet/uusi/", paths.step_create, name="step_create"),
    path(_step, paths.step_update, name="step_update"),
    path(_step + "siirra/", paths.step_move, name="step_move"),
    path(_step + "poista/", paths.step_delete, name="step_delete"),
    path(_step + "toiminnot/", paths.step_activities, name="step_activities"),
]

# Finding activities, and the client list (ohjauslista) a professional collects for a client.
# "toiminta/<slug>/" catches every single word after toiminta/: other pages under it need two words.
urlpatterns += [
    path("toiminta/", public.directory, name="directory"),
    path("toiminta/<slug:slug>/", public.detail, name="detail"),
    path("ohjauslista/", client_list.draft, name="client_list_draft"),
    path("ohjauslista/lisaa/", client_list.add, name="client_list_add"),
    path("ohjauslista/poista/", client_list.remove, name="client_list_remove"),
    path("ohjauslista/tyhjenna/", client_list.clear, name="client_list_clear"),
    path("ohjauslista/<str:token>/", client_list.shared, name="client_list"),
]

# An NGO's own activities ("Our activities") and a coordinator's list of out-of-date ones.
_ours = "jarjestot/<slug:slug>/toiminta/"
urlpatterns += [
    path(_ours, manage.manage, name="manage"),
    path(_ours + "uusi/", manage.create, name="create"),
    path(_ours + "vahvista-kaikki/", manage.confirm_all, name="confirm_all"),
    path(_ours + "<slug:activity>/muokkaa/", manage.edit, name="edit"),
    path(_ours + "<slug:activity>/muutokset/", manage.history, name="history"),
    path(_ours + "<slug:activity>/vahvista/", manage.confirm, name="confirm"),
    path(_ours + "<slug:activity>/tila/", manage.set_status, name="set_status"),
    path("alueet/<slug:body>/vanhentuneet-toiminnot/", manage.stale_report, name="stale_report"),
]
