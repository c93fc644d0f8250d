"""The texts of participation in Finnish, Swedish and English (django-modeltranslation), one module per part."""

# Consultations.
from kumppani.participation.consultations import translation as consultations_translation  # noqa: F401
