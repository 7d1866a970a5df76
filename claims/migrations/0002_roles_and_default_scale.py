from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


def create_roles(apps, schema_editor):
    from accounts.roles import sync_roles

    sync_roles(apps)


def create_default_scale(apps, schema_editor):
    from claims.defaults import ensure_default_scale

    ensure_default_scale(
        apps.get_model("claims", "RatingScale"), apps.get_model("claims", "Rating")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("authtoken", "0004_alter_tokenproxy_options"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(create_default_scale, migrations.RunPython.noop),
    ]
