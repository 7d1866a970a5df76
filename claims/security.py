"""Small guards for third-party code meeting hostile input."""

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
