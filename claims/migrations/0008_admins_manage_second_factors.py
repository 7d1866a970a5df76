from django.db import migrations


def sync_roles(apps, schema_editor):
    from accounts.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    """Admins may see and remove second-factor devices (django-otp's models)."""

    dependencies = [
        ("claims", "0007_published_claims_search_index"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
