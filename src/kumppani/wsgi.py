"""The WSGI application that gunicorn serves (`gunicorn kumppani.wsgi`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kumppani.settings")
application = get_wsgi_application()
