"""`python -m kumppani`: the same as the `kumppani` command."""

from kumppani.cli import main

main()
