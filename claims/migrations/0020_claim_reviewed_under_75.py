"""claimReviewed under 75 characters, as Google asks: a 75-character one is cut at a word."""

from django.db import migrations, models


def shorten(apps, schema_editor):
    Verdict = apps.get_model("claims", "Verdict")
    for verdict in Verdict.objects.filter(claim_reviewed__regex=r"^.{75,}$"):
        text = verdict.claim_reviewed[:73].rsplit(" ", 1)[0]
        Verdict.objects.filter(pk=verdict.pk).update(claim_reviewed=text + "…")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0019_fact_checks_elsewhere"),
    ]

    operations = [
        migrations.RunPython(shorten, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="verdict",
            name="claim_reviewed",
            field=models.CharField(blank=True, max_length=74),
        ),
    ]
