import pytest
from django.contrib.auth.models import Group, Permission

from accounts import roles

pytestmark = pytest.mark.django_db


def test_the_migrations_create_the_three_roles_with_permissions():
    # No fixture: what migrate alone leaves in a fresh database.
    groups = {group.name: group for group in Group.objects.all()}
    assert set(groups) >= {"Fact-checker", "Editor", "Admin"}
    checker = set(groups["Fact-checker"].permissions.values_list("codename", flat=True))
    editor = set(groups["Editor"].permissions.values_list("codename", flat=True))
    admin = set(groups["Admin"].permissions.values_list("codename", flat=True))
    assert {"add_evidence", "change_verdict", "view_claim"} <= checker
    assert "delete_claim" not in checker and "add_user" not in checker
    assert "change_side" in editor and "change_side" not in checker
    assert {"add_user", "change_user", "delete_claim", "change_ratingscale"} <= admin


def test_sync_roles_is_idempotent_and_repairs_a_role():
    checker = Group.objects.get(name=roles.FACT_CHECKER)
    checker.permissions.add(Permission.objects.get(codename="delete_claim"))

    roles.sync_roles()
    roles.sync_roles()

    assert Group.objects.filter(name__in=roles.ROLES).count() == 3
    assert not checker.permissions.filter(codename="delete_claim").exists()


def test_roles_of_reads_groups_and_ignores_inactive_users(make_user):
    editor = make_user(role=roles.EDITOR)
    gone = make_user(role=roles.EDITOR, is_active=False)

    assert roles.roles_of(editor) == {roles.EDITOR}
    assert roles.roles_of(gone) == frozenset()
