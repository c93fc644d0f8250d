"""The cooperation record's small world (Salo with a coordinator, a sector, an official and an NGO)."""

from tests.cooperation.record_world import world_fixture  # noqa: F401
