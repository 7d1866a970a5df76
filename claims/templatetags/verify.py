from django import template
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from claims.dates import readable
from claims.selectors import HIGHLIGHT_START, HIGHLIGHT_STOP

register = template.Library()


@register.filter
def highlighted(snippet):
    """A search snippet, escaped, with only our own match markers turned into <mark>."""
    text = escape(snippet or "")
    return mark_safe(  # noqa: S308 - everything but our markers was escaped above
        text.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    )


# Dates: one format everywhere (claims/dates.py), always in a <time> with the machine value.


@register.simple_tag
def when(value, with_time=True):
    """`{% when claim.due_at %}`: a <time> element in the newsroom's one date format."""
    if not value:
        return ""
    machine = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return format_html('<time datetime="{}">{}</time>', machine, readable(value, with_time))


@register.simple_tag
def day(value):
    """`{% day claim.made_on %}`: the date without the time."""
    return when(value, with_time=False)


@register.filter
def ago(value):
    """How long ago, in words a person uses: "just now", "5 minutes ago", "yesterday"."""
    if not value:
        return ""
    seconds = (timezone.now() - value).total_seconds()
    if seconds < 60:
        return _("just now")
    minutes = int(seconds // 60)
    if minutes < 60:
        return ngettext("%(n)d minute ago", "%(n)d minutes ago", minutes) % {"n": minutes}
    hours = minutes // 60
    if hours < 24:
        return ngettext("%(n)d hour ago", "%(n)d hours ago", hours) % {"n": hours}
    if hours < 48:
        return _("yesterday")
    return readable(value, with_time=False)
