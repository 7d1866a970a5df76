from django.apps import AppConfig
from django.db.models.signals import pre_save


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims and verdicts"

    def ready(self):
        from claims.platform.security import clean_text_fields

        for model in self.get_models():
            pre_save.connect(clean_text_fields, sender=model, dispatch_uid=f"clean-{model}")
