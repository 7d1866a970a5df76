import datetime as dt

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from claims.selectors import HIGHLIGHT_START, HIGHLIGHT_STOP

register = template.Library()


@register.filter
def highlighted(snippet):
    """A search snippet, escaped, with only our own match markers turned into <mark>."""
    text = escape(snippet or "")
    return mark_safe(  # noqa: S308 - everything but our markers was escaped above
        text.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    )


# Dates: one format everywhere. "6 Nov 14:05" this year, "6 Nov 2020 14:05" another year;
# days alone as "6 Nov" / "6 Nov 2020". Always in a <time> with the machine-readable value.


def _local(value):
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _readable(value, with_time) -> str:
    value = _local(value)
    this_year = timezone.localdate().year
    day = "j M" if value.year == this_year else "j M Y"
    if with_time and isinstance(value, dt.datetime):
        return date_format(value, f"{day} H:i")
    return date_format(value, day)


@register.simple_tag
def when(value, with_time=True):
    """`{% when claim.due_at %}`: a <time> element in the newsroom's one date format."""
    if not value:
        return ""
    machine = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return format_html('<time datetime="{}">{}</time>', machine, _readable(value, with_time))


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
    return _readable(value, with_time=False)
