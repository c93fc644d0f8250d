"""The calendar's pages, feeds and embed, an NGO's events, and a body's queue, own events and bulletin."""

from django.urls import path

from kumppani.events.views import bulletin, manage, moderation, public

app_name = "events"

# The public calendar, its feeds and embed, and an event's page. "tapahtumat/<slug>/" catches every
# single word after tapahtumat/, so the calendar's own addresses are listed first.
urlpatterns = [
    path("tapahtumat/", public.calendar, name="calendar"),
    path("tapahtumat/kalenteri.ics", public.feed_ics, name="feed_ics"),
    path("tapahtumat/rss/", public.feed_rss, name="feed_rss"),
    path("tapahtumat/upotus/", public.embed, name="embed"),
    path("tapahtumat/upotus/koodi/", public.embed_snippet, name="embed_snippet"),
    path("tapahtumat/<slug:slug>/", public.detail, name="detail"),
    path("tapahtumat/<slug:slug>/kalenteriin.ics", public.event_ics, name="event_ics"),
]

# An NGO's own events.
_ours = "jarjestot/<slug:slug>/tapahtumat/"
urlpatterns += [
    path(_ours, manage.manage, name="manage"),
    path(_ours + "uusi/", manage.create, name="create"),
    path(_ours + "<slug:event>/muokkaa/", manage.edit, name="edit"),
    path(_ours + "<slug:event>/laheta/", manage.submit, name="submit"),
    path(_ours + "<slug:event>/tila/", manage.set_status, name="set_status"),
]

# A body's own events, written by its event editors (coordinators and officials).
_body_ours = "alueet/<slug:slug>/omat-tapahtumat/"
_as_body = {"body": True}
urlpatterns += [
    path(_body_ours, manage.manage, _as_body, name="body_manage"),
    path(_body_ours + "uusi/", manage.create, _as_body, name="body_create"),
    path(_body_ours + "<slug:event>/muokkaa/", manage.edit, _as_body, name="body_edit"),
    path(_body_ours + "<slug:event>/laheta/", manage.submit, _as_body, name="body_submit"),
    path(_body_ours + "<slug:event>/tila/", manage.set_status, _as_body, name="body_set_status"),
]

# A body's event editors and coordinators: the queue, trusted NGOs and the bulletin.
_body = "alueet/<slug:body>/"
urlpatterns += [
    path(_body + "tapahtumajono/", moderation.queue, name="queue"),
    path(_body + "tapahtumajono/<int:pk>/", moderation.decide, name="decide"),
    path(_body + "luotetut-jarjestot/", moderation.trusted, name="trusted"),
    path(_body + "tiedote/", bulletin.issues, name="bulletin"),
    path(_body + "tiedote/<int:pk>/", bulletin.issue, name="bulletin_issue"),
    path(_body + "tiedote/<int:pk>/pdf/", bulletin.issue_pdf, name="bulletin_pdf"),
]
