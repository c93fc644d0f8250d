"""The welfare app: the NGO-friendly municipality index (and, to come, the welfare report). It reads
every other app; no app reads it."""
