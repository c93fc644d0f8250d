"""Demo data that reads as real: NGOs in eight municipalities and an account for every role.

`kumppani demo` loads it (idempotent); `make run` runs `kumppani demo --if-empty`.
The demo accounts share a published password: never load demo data on a public server.
"""
