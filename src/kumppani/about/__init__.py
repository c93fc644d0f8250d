"""The statutory pages every public service has: the accessibility statement, the privacy notices
(the platform's and each body's own, which the body edits), and contact and feedback."""
