"""Knowledge report pages under /<lang>/kokemustieto/."""

from django.urls import path

from kumppani.participation.knowledge import views

urlpatterns = [
    path("", views.knowledge_list, name="knowledge_list"),
    path("alue/<slug:body>/", views.knowledge_body, name="knowledge_body"),
    path("jarjesto/<slug:slug>/", views.knowledge_ngo, name="knowledge_ngo"),
    path("jarjesto/<slug:slug>/uusi/", views.knowledge_create, name="knowledge_create"),
    path("<int:pk>/", views.knowledge_detail, name="knowledge_detail"),
    path("<int:pk>/muokkaa/", views.knowledge_edit, name="knowledge_edit"),
    path("<int:pk>/laheta/", views.knowledge_send, name="knowledge_send"),
    path("<int:pk>/kuittaa/", views.knowledge_acknowledge, name="knowledge_acknowledge"),
    path("<int:pk>/vastaa/", views.knowledge_answer, name="knowledge_answer"),
]
