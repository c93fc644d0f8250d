from django.urls import path  # noqa: F401

app_name = "activities"

# Each part of the app adds its pages here; the views live in views/<part>.py.
urlpatterns = []
