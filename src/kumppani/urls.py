"""The site's addresses: the API outside the language prefix, every page under /fi/, /sv/ or /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from kumppani.core.urls import auth_urlpatterns

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("kumppani.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("kumppani.core.urls")),
    *auth_urlpatterns,
    path("", include("kumppani.organisations.urls")),
    path("", include("kumppani.activities.urls")),
    path("", include("kumppani.grants.urls")),
    path("", include("kumppani.events.urls")),
    path("", include("kumppani.premises.urls")),
    path("tietoa/", include("kumppani.about.urls")),
    path("yhteistyo/", include("kumppani.cooperation.urls")),
    path("", include("kumppani.participation.urls")),
    path("hyvinvointi/", include("kumppani.welfare.urls")),
    path("admin/", admin.site.urls),
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
