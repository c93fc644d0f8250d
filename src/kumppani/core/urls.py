"""Core's URLs (under the language prefix): the home page, the bodies, the dashboard and the outbox,
and the sign-in and password-reset URLs that kumppani.urls adds outside the app namespace."""

from django.contrib.auth import views as auth_views
from django.urls import path

from kumppani.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("haku/", views.search_all, name="search"),
    path("alueet/", views.body_list, name="body_list"),
    path("alueet/<slug:slug>/", views.body_detail, name="body"),
    path("oma/", views.dashboard, name="dashboard"),
    path("oma/api-avain/", views.api_key, name="api_key"),
    path("oma/lahtenyt-posti/", views.outbox, name="outbox"),
    path("oma/lahtenyt-posti/<int:pk>/", views.outbox_message, name="outbox_message"),
]

# Sign-in and password reset use Django's own views (outside the app namespace so their
# built-in redirects and e-mail templates find them).
auth_urlpatterns = [
    path("kirjaudu/", views.LoginView.as_view(), name="login"),
    path("kirjaudu-ulos/", auth_views.LogoutView.as_view(), name="logout"),
    path("salasana/", views.PasswordResetView.as_view(), name="password_reset"),
    path("salasana/lahetetty/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("salasana/uusi/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("salasana/valmis/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
