"""Fetch a page from the open web without letting anyone aim the server at its own network.

requests-hardened resolves each host, refuses private, loopback, link-local, multicast,
reserved, CG-NAT and IPv4-mapped addresses, and connects to the address it checked (so DNS
rebinding cannot swap it). Around it we follow redirects ourselves, checking every hop, and
cap time, size and content type. Failures are FetchError with a sentence for a journalist.
"""

import hashlib
import ipaddress
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.utils import timezone
from requests_hardened import Config, Manager
from requests_hardened.ip_filter import InvalidIPAddress

MAX_REDIRECTS = 5
ALLOWED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


class FetchError(Exception):
    """Why a page could not be fetched, in words for the person who asked."""


@dataclass
class Page:
    url: str  # after redirects
    content: bytes
    content_type: str
    charset: str | None
    sha256: str
    fetched_at: object


def _session(allow_loopback):
    return Manager(
        Config(
            default_timeout=(settings.FETCH_CONNECT_TIMEOUT, settings.FETCH_READ_TIMEOUT),
            ip_filter_enable=True,
            ip_filter_allow_loopback_ips=allow_loopback,
            never_redirect=True,
            user_agent_override=settings.FETCH_USER_AGENT,
        )
    ).get_session()


def check_url(url: str) -> str:
    """The URL, stripped, if it is one we may fetch; FetchError otherwise."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FetchError(f"“{url[:200]}” is not a valid web address.") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError("Only http:// and https:// addresses can be fetched.")
    if not parts.hostname:
        raise FetchError("The address has no host name.")
    if parts.username or parts.password:
        raise FetchError("Addresses with a user name or password are not fetched.")
    host = parts.hostname
    if host in settings.FETCH_ALLOWED_PRIVATE_HOSTS:
        return url
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return url  # a name: requests-hardened checks what it resolves to
    if not address.is_global:
        raise FetchError(f"That address is on a private network ({host}); it is not fetched.")
    return url


def fetch(url: str, max_bytes=None, types=ALLOWED_TYPES) -> Page:
    """The page at `url`, if it is one of `types` (HTML and plain text unless told)."""
    max_bytes = max_bytes or settings.FETCH_MAX_BYTES
    url = check_url(url)
    deadline = time.monotonic() + settings.FETCH_TOTAL_TIMEOUT
    allowed = settings.FETCH_ALLOWED_PRIVATE_HOSTS
    for _hop in range(MAX_REDIRECTS + 1):
        host = urlsplit(url).hostname
        session = _session(allow_loopback=host in allowed)
        response = _get(session, url, types)
        if response.is_redirect:
            location = response.headers.get("Location", "")
            response.close()
            url = check_url(urljoin(url, location))
            continue
        with response:
            return _read(response, url, max_bytes, deadline, types)
    raise FetchError(f"The page redirected more than {MAX_REDIRECTS} times.")


def _get(session, url, types):
    host = urlsplit(url).hostname
    try:
        return session.get(url, stream=True, headers={"Accept": ", ".join(types)})
    except InvalidIPAddress:
        raise FetchError(
            f"That address is on a private network ({host}); it is not fetched."
        ) from None
    except requests.exceptions.ConnectTimeout:
        raise FetchError(
            f"The site did not answer in {settings.FETCH_CONNECT_TIMEOUT:g} s."
        ) from None
    except requests.exceptions.ReadTimeout:
        raise FetchError(f"The site did not answer in {settings.FETCH_READ_TIMEOUT:g} s.") from None
    except requests.exceptions.SSLError:
        raise FetchError(f"The site's security certificate ({host}) is not valid.") from None
    except requests.exceptions.ConnectionError as exc:
        if "resolve" in str(exc).lower():
            raise FetchError(
                f"The site {host} does not exist (its name does not resolve)."
            ) from None
        raise FetchError(f"Could not connect to {host}.") from None
    except requests.exceptions.RequestException as exc:
        raise FetchError(f"The page could not be fetched ({type(exc).__name__}).") from None


def _read(response, url, max_bytes, deadline, types):
    if response.status_code >= 400:
        raise FetchError(f"The site answered with error {response.status_code}.")
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type and content_type not in types:
        raise FetchError(
            f"The address leads to “{content_type}”, not a web page or text; only "
            f"{_kinds(types)} are fetched."
        )
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(_too_big(int(declared), max_bytes))
    chunks, size = [], 0
    try:
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(_too_big(size, max_bytes, at_least=True))
            if time.monotonic() > deadline:
                raise FetchError(
                    f"The site took longer than {settings.FETCH_TOTAL_TIMEOUT:g} s to send "
                    "the page."
                )
            chunks.append(chunk)
    except requests.exceptions.RequestException:
        raise FetchError("The connection broke while the page was being sent.") from None
    content = b"".join(chunks)
    if not content.strip():
        raise FetchError("The page is empty.")
    if not content_type and b"\x00" in content[:4096]:
        raise FetchError("The address leads to a binary file, not a web page or text.")
    return Page(
        url=url,
        content=content,
        content_type=content_type or "text/plain",
        charset=response.encoding
        if "charset" in response.headers.get("Content-Type", "")
        else None,
        sha256=hashlib.sha256(content).hexdigest(),
        fetched_at=timezone.now(),
    )


def _kinds(types):
    words = {"text/html": "HTML", "text/plain": "plain text", "application/json": "JSON"}
    kinds = list(dict.fromkeys(words[t] for t in types if t in words))
    return " and ".join([", ".join(kinds[:-1]), kinds[-1]] if len(kinds) > 1 else kinds)


def _too_big(size, limit, at_least=False):
    """'The page is 40 MB, larger than the 5 MB limit' (or only 'larger', while streaming)."""
    limit_text = f"the {limit / 1_000_000:g} MB limit"
    if at_least:
        return f"The page is larger than {limit_text}; it was not kept."
    return f"The page is {size / 1_000_000:.0f} MB, larger than {limit_text}."
