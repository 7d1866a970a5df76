from django.conf import settings

from accounts import roles, two_factor


def newsroom(request):
    user_roles = roles.roles_of(request.user) if hasattr(request, "user") else frozenset()
    if user_roles and two_factor.is_missing(request.user):
        user_roles = frozenset()  # no newsroom links until the second factor is given
    unread = 0
    if user_roles:
        unread = request.user.notifications.filter(read_at__isnull=True).count()
    return {
        "NEWSROOM_NAME": settings.NEWSROOM_NAME,
        "unread_notifications": unread,
        "user_roles": user_roles,
        "is_editor": bool(user_roles & {roles.EDITOR, roles.ADMIN}),
        "is_newsroom": bool(user_roles),
    }
