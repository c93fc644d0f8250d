"""Benchmarks: `make bench` runs run.py."""
