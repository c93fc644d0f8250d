"""The demo's management command (see commands/)."""
