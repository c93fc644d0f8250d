"""URL names of the grants app that its own permission tests cover (public pages included).

tests/test_permissions.py fails for any URL name of the project that no matrix lists."""

URL_NAMES: set[str] = set()
