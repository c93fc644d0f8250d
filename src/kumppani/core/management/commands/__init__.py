"""`kumppani worker`, `kumppani serve` and `kumppani load-bodies`."""
