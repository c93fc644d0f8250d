"""The WSGI application that gunicorn serves (`gunicorn kumppani.wsgi`)."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kumppani.settings")
application = get_wsgi_application()

# Python's cyclic garbage collector walked every object of the process (Django, the project's code,
# the search indexes) every dozen or so requests, 50–100 ms each time: most of the slowest answers.
# What is loaded by now lives as long as the process, so it is set aside from the walks (gc.freeze;
# reference counting still frees what is no longer used), and the young objects of the requests
# are collected less often. See docs/performance.md.
get_resolver().url_patterns  # noqa: B018 (imports every view before the freeze)
gc.collect()
gc.freeze()
gc.set_threshold(10_000, 20, 20)
