"""The benchmark server's settings: the project's own, with an empty view added as the ceiling."""

from kumppani.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls_bench"
