"""The activities' `kumppani` commands (none yet)."""
