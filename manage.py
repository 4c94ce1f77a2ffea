#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcm_portal.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    # Settings that refuse to load (no SECRET_KEY with DEBUG off) say why here: Django's command line would
    # otherwise carry on without them and fail later with "Models aren't loaded yet" (makemigrations, say).
    settings.INSTALLED_APPS
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
