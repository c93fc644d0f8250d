"""The participation app's translated fields: each part registers its own (django-modeltranslation
finds this module; the parts' modules are imported here)."""

from kumppani.participation.consultations import translation as _consultations_translation  # noqa: F401
from kumppani.participation.knowledge import translation as _knowledge_translation  # noqa: F401
from kumppani.participation.surveys import translation as _surveys_translation  # noqa: F401
