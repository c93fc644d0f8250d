"""The world of the cooperation record's tests, for every module here that has none of its own."""

from tests.cooperation.record_world import world_fixture  # noqa: F401
