from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Log-in, the second factor, roles and API tokens. No models of its own: roles are
    Django groups, and tokens are kept with the newsroom's data (claims.models.ApiToken)."""

    name = "accounts"
    verbose_name = "Accounts and access"
