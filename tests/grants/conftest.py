"""Grant attachments are private files (settings.PRIVATE_MEDIA_ROOT): in tests they go to a
temporary directory, like the media files in tests/conftest.py."""

import pytest


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
