import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from psycopg import sql


class Command(BaseCommand):
    help = "Create the PostgreSQL database named in DATABASE_URL if it does not exist yet."

    def handle(self, *args, **options):
        db = settings.DATABASES["default"]
        params = {
            "dbname": "postgres",
            "user": db.get("USER") or None,
            "password": db.get("PASSWORD") or None,
            "host": db.get("HOST") or None,
            "port": db.get("PORT") or None,
            "connect_timeout": 5,
        }
        try:
            with psycopg.connect(**{k: v for k, v in params.items() if v}) as conn:
                conn.autocommit = True
                exists = conn.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
                ).fetchone()
                if exists:
                    self.stdout.write(f"Database {db['NAME']} exists.")
                    return
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
        except psycopg.OperationalError as exc:
            raise CommandError(f"Cannot reach PostgreSQL at {db.get('HOST')}: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Created database {db['NAME']}."))
