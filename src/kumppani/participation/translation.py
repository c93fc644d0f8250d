"""The participation app's translated fields: each part registers its own (django-modeltranslation
finds this module; the parts' modules are imported here)."""

# Surveys and knowledge reports (one line each part).
from kumppani.participation.knowledge import translation as _knowledge_translation  # noqa: F401
from kumppani.participation.surveys import translation as _surveys_translation  # noqa: F401
