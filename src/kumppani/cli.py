"""The `kumppani` console command: Django's management commands plus the project's own
(`kumppani demo`, `kumppani serve`, `kumppani worker`, `kumppani import-ngos`, …)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kumppani.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")  # `kumppani import-ngos` runs import_ngos
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
