"""The NGO register's `kumppani` commands (none yet)."""
