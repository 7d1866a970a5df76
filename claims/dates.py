"""Dates as the newsroom and readers read them, one way everywhere: "6 Nov 14:05" this year,
"6 Nov 2020 14:05" another year; a day alone as "6 Nov" or "6 Nov 2020"."""

import datetime as dt

from django.utils import timezone
from django.utils.dateformat import format as date_format


def readable(value, with_time=True) -> str:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    day = "j M" if value.year == timezone.localdate().year else "j M Y"
    if with_time and isinstance(value, dt.datetime):
        return date_format(value, f"{day} H:i")
    return date_format(value, day)
