"""The governance pages."""

urlpatterns = []
