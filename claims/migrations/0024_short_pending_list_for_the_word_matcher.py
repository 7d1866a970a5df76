from django.contrib.postgres.indexes import GinIndex
from django.db import migrations


class Migration(migrations.Migration):
    """The word matcher's index keeps a short pending list (see Claim.Meta). The index is
    altered in place: rebuilding it would take minutes on a large newsroom."""

    dependencies = [
        ("claims", "0023_freshness_of_vectors_from_an_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(model_name="claim", name="claim_stems_gin"),
                migrations.AddIndex(
                    model_name="claim",
                    index=GinIndex(
                        fields=["stems"], name="claim_stems_gin", gin_pending_list_limit=64
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    "ALTER INDEX claim_stems_gin SET (gin_pending_list_limit = 64)",
                    reverse_sql="ALTER INDEX claim_stems_gin RESET (gin_pending_list_limit)",
                ),
            ],
        ),
    ]
