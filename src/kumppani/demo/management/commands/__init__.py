"""`kumppani demo`."""
