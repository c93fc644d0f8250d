"""The README is the administrator's manual: it must name every setting the environment can change."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_configuration_table_lists_every_environment_variable_that_settings_read():
    settings = (ROOT / "src/kumppani/settings.py").read_text()
    read = set(re.findall(r'env_(?:str|int|bool|list)\(\s*"([A-Z0-9_]+)"', settings))
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("## Configuration for production") :]
    table = table[: table.index("\n## ", 1)]
    listed = set(re.findall(r"`([A-Z0-9_]+)`", table))
    assert "DATABASE_URL" in read  # the pattern finds what settings.py reads
    assert read - listed == set(), "settings.py reads environment variables the README does not list"
