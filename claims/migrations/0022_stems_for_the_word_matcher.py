"""The word matcher asks for whole stems (words cut to five letters) in a column of their own,
not for prefixes of the words in `search`: at a million claims each statement's word search
went from about 22 ms to 4 ms in PostgreSQL. The full-table index on `search` served only
the word matcher, so it goes; readers' search keeps its index of published claims.

Adding a stored column rewrites the claims table: about two minutes at a million claims on
these machines, during which claims cannot be written. Run it in a quiet hour.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.conf import settings
from django.db import migrations, models

import claims.models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0021_vectors_numbered_per_write"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="claim",
            name="claim_search_gin",
        ),
        migrations.AddField(
            model_name="claim",
            name="stems",
            field=models.GeneratedField(
                db_persist=True,
                expression=claims.models.StemsVector("checkable_text", "text"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["stems"], name="claim_stems_gin"
            ),
        ),
    ]
