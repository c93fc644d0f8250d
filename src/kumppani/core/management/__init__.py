"""Core's management commands (see commands/)."""
