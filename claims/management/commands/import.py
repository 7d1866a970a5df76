"""python manage.py import FILE: load an export into an empty newsroom (all or nothing)."""

import json

from django.core.management.base import BaseCommand, CommandError

from claims.portability import ImportRefused, import_newsroom


class Command(BaseCommand):
    help = "Import a newsroom exported with `manage.py export` into an empty newsroom."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, file, **options):
        try:
            with open(file, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            raise CommandError(f"There is no file {file}.") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{file} is not a JSON export: {exc}") from None
        try:
            rows = import_newsroom(data)
        except ImportRefused as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Imported {rows} rows. People must set a new password to log in.")
