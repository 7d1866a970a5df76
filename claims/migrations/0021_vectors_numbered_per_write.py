"""Vectors numbered per write, in place of one global "indexed" flag: each index file records
the number it holds everything up to, so every machine can keep a file of its own. An index
file made before this has no such number and is made anew by the next merge."""

from django.db import migrations, models

import claims.models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0020_claim_reviewed_under_75"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE claims_claimvector_written",
            "DROP SEQUENCE claims_claimvector_written",
        ),
        migrations.RemoveIndex(
            model_name="claimvector",
            name="claimvector_waiting",
        ),
        migrations.RemoveField(
            model_name="claimvector",
            name="indexed",
        ),
        migrations.AddField(
            model_name="claimvector",
            name="written",
            field=models.BigIntegerField(
                db_default=claims.models.NextWritten(), db_index=True, editable=False
            ),
        ),
    ]
