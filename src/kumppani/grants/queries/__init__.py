"""Grants' reads, one module per page or export that needs them: the programme summary, the
board's list, the decided grants, the continuity of NGO funding and the applications a user may see.

Each reads what it needs in a fixed number of queries however much data there is; none changes
anything (the changes are in `grants.services`).
"""
