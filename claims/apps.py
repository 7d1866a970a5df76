from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims and verdicts"

    def ready(self):
        from claims.platform import lookups  # noqa: F401 - registers field__any_of
        from claims.platform.security import clean_text_fields

        for model in self.get_models():
            pre_save.connect(clean_text_fields, sender=model, dispatch_uid=f"clean-{model}")
        from claims.meaning.vectors import claim_saved
        from claims.models import Claim

        post_save.connect(claim_saved, sender=Claim, dispatch_uid="embed-claim")
