"""Small guards for third-party code meeting hostile input."""

import re

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class JSONBodyParser(JSONParser):
    """DRF's JSON parser, with a 400 instead of a crash for absurdly nested documents."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("The JSON is nested too deeply.") from None


def login_username(request, credentials):
    """The user name django-axes records: at most 150 characters, like a real one."""
    username = (credentials or {}).get("username") or request.POST.get("username") or ""
    return str(username)[:150]


# C0 control characters but tab and line breaks: invisible, and fatal to XML (the feeds).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def strip_control_characters(text: str) -> str:
    return _CONTROL.sub("", text)


def clean_text_fields(sender, instance, raw=False, **kwargs):
    """pre_save, for every model of the app: forms, the API, the admin, ingestion and
    imports all save through here, so no stored text carries a control character."""
    for field in instance._meta.concrete_fields:
        if field.get_internal_type() in ("CharField", "TextField", "SlugField"):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and _CONTROL.search(value):
                setattr(instance, field.attname, strip_control_characters(value))
