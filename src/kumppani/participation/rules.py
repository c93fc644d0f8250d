"""The participation app's permissions live with its parts; django-rules finds them through this module."""

# Surveys and knowledge reports (one line each part).
from kumppani.participation.knowledge import rules as _knowledge_rules  # noqa: F401
from kumppani.participation.surveys import rules as _surveys_rules  # noqa: F401
