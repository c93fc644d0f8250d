"""The participation app's models live with their parts; Django finds them through this module."""

from kumppani.participation.consultations.models import *  # noqa: F403
from kumppani.participation.knowledge.models import *  # noqa: F403
from kumppani.participation.surveys.models import *  # noqa: F403
