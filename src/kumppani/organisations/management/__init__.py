"""Management commands of the NGO register (none of its own yet)."""
