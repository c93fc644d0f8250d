"""URL names of the about app that its own tests cover (tests/about/test_about.py).

tests/test_permissions.py fails for any URL name of the project that no matrix lists."""

# Public: the accessibility statement, the privacy notices and the feedback form.
URL_NAMES = {"about:accessibility", "about:privacy", "about:body_privacy", "about:feedback"}

# Only the body's coordinators and the platform's admins edit a body's notice: test_about.py tries
# the anonymous, an official of the same body, another body's coordinator and an NGO's representative.
URL_NAMES |= {"about:body_privacy_edit"}
