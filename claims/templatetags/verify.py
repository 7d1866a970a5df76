from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from claims.selectors import HIGHLIGHT_START, HIGHLIGHT_STOP

register = template.Library()


@register.filter
def highlighted(snippet):
    """A search snippet, escaped, with only our own match markers turned into <mark>."""
    text = escape(snippet or "")
    return mark_safe(  # noqa: S308 - everything but our markers was escaped above
        text.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    )
