"""The newsroom's roles: Django groups and the model permissions each one carries.

What a role may do in the workflow (assign, publish...) is decided in claims/workflow.py; the
model permissions here govern the Django admin and are the baseline for the API.
"""

from django.apps import apps as global_apps

FACT_CHECKER = "Fact-checker"
EDITOR = "Editor"
ADMIN = "Admin"
ROLES = (FACT_CHECKER, EDITOR, ADMIN)

_NEWSROOM_WORK = {
    "claims": {
        "article": "view add change",
        "claim": "view add change",
        "claimlink": "view add change delete",
        "evidence": "view add change delete",
        "verdict": "view add change",
        "actor": "view add change",
        "actoralias": "view add change",
        "side": "view",
        "outlet": "view add change",
        "topic": "view add",
        "ratingscale": "view",
        "rating": "view",
    }
}
_EDITING = {
    "claims": {
        **_NEWSROOM_WORK["claims"],
        "side": "view add change",
        "topic": "view add change",
        "actoralias": "view add change delete",
    }
}
_ALL = "view add change delete"

ROLE_PERMISSIONS = {
    FACT_CHECKER: _NEWSROOM_WORK,
    EDITOR: _EDITING,
    ADMIN: {
        "claims": "*",
        "auth": {"user": _ALL, "group": "view"},
        # To see who has a second factor and to remove a lost one (the owner then sets up
        # a new authenticator at the next log-in).
        "otp_totp": {"totpdevice": "view delete"},
        "otp_static": {"staticdevice": "view delete", "statictoken": "view delete"},
    },
}


def sync_roles(apps=global_apps):
    """Create the role groups and give each exactly its permissions. Safe to run again.

    Takes an app registry so that a data migration can pass its historical one.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # Permissions are normally created after migrate; roles need them now.
        had_models = getattr(app_config, "models_module", None)
        app_config.models_module = had_models or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = had_models

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, grants in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = Permission.objects.none()
        for app_label, models in grants.items():
            in_app = Permission.objects.filter(content_type__app_label=app_label)
            if models == "*":
                wanted |= in_app
                continue
            for model, actions in models.items():
                codenames = [f"{action}_{model}" for action in actions.split()]
                wanted |= in_app.filter(content_type__model=model, codename__in=codenames)
        group.permissions.set(wanted)


def roles_of(user) -> frozenset[str]:
    """The user's role names, read once per request-scoped user object."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_verify_roles", None)
    if cached is None:
        cached = frozenset(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
        if user.is_superuser:
            cached |= {ADMIN}
        user._verify_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))
