"""Management commands of the activities (none of their own yet)."""
