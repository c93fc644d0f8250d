"""Knowledge pages."""

urlpatterns: list = []
