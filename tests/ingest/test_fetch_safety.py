"""The fetcher never lets a URL aim the server at its own network, and fails in plain words.

Private addresses are refused before any packet is sent; the test settings allow only
127.0.0.1 itself, so every other spelling of loopback must still be refused.
"""

import time

import pytest

from claims.ingest.fetch import FetchError, fetch

PAGE = b"<html><body><p>The ministry said that the shelling went on.</p></body></html>"


@pytest.fixture
def site(local_site):
    local_site.pages["/page"] = (200, {}, PAGE)
    return local_site


def port(site):
    return site.server.server_port


def test_a_page_on_an_allowed_host_is_fetched_with_its_checksum(site):
    page = fetch(site.url("/page"))

    assert page.content == PAGE
    assert page.content_type == "text/html"
    assert len(page.sha256) == 64


@pytest.mark.parametrize(
    "host",
    [
        "localhost",  # a name that resolves to loopback
        "2130706433",  # 127.0.0.1 as one decimal number
        "0177.0.0.1",  # octal
        "0x7f.0.0.1",  # hexadecimal
        "127.1",  # short form
        "[::1]",
        "[::ffff:127.0.0.1]",  # IPv4-mapped IPv6
        "[::ffff:7f00:1]",
    ],
)
def test_other_spellings_of_loopback_are_refused(site, host):
    with pytest.raises(FetchError, match="private network"):
        fetch(f"http://{host}:{port(site)}/page")


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://100.64.0.1/",  # carrier-grade NAT
        "http://0.0.0.0/",
        "http://224.0.0.1/",  # multicast
        "http://[fd00::1]/",  # unique local IPv6
        "http://[fe80::1]/",  # link-local IPv6
    ],
)
def test_private_and_reserved_addresses_are_refused_before_connecting(url):
    with pytest.raises(FetchError, match="private network"):
        fetch(url)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "Only http"),
        ("javascript:alert(1)", "Only http"),
        ("ftp://example.org/x", "Only http"),
        ("not a web address", "Only http"),
        ("http://", "no host name"),
        ("http://user:secret@127.0.0.1/", "user name or password"),
        ("http://[::1", "not a valid web address"),
    ],
)
def test_malformed_urls_get_a_clear_error(url, message):
    with pytest.raises(FetchError, match=message):
        fetch(url)


@pytest.mark.parametrize(
    "target",
    ["http://10.0.0.1/", "http://localhost:{port}/page", "file:///etc/passwd"],
)
def test_a_redirect_to_a_private_address_is_refused(site, target):
    site.pages["/jump"] = (302, {"Location": target.format(port=port(site))}, b"")
    with pytest.raises(FetchError, match="private network|Only http"):
        fetch(site.url("/jump"))


def test_a_short_redirect_chain_is_followed_and_a_long_one_refused(site):
    for n in range(7):
        site.pages[f"/r{n}"] = (302, {"Location": f"/r{n + 1}"}, b"")
    site.pages["/r7"] = (200, {}, PAGE)

    assert fetch(site.url("/r3")).url == site.url("/r7")  # four hops
    with pytest.raises(FetchError, match="more than 5 times"):
        fetch(site.url("/r0"))  # seven hops


def test_a_page_over_the_size_limit_is_refused_even_without_a_length(site):
    site.pages["/big"] = (200, {}, lambda: b"a" * 2_000_000)
    site.pages["/declared"] = (200, {"Content-Length": "40000000"}, b"")

    with pytest.raises(FetchError, match=r"larger than the 1 MB limit"):
        fetch(site.url("/big"), max_bytes=1_000_000)
    with pytest.raises(FetchError, match=r"40 MB, larger than the 5 MB limit"):
        fetch(site.url("/declared"))


@pytest.mark.parametrize(
    ("headers", "body", "message"),
    [
        ({"Content-Type": "image/png"}, b"\x89PNG\r\n", "only HTML and plain text"),
        ({"Content-Type": "application/pdf"}, b"%PDF-1.7", "only HTML and plain text"),
        ({}, b"", "empty"),
        ({}, b"   \n  ", "empty"),
    ],
)
def test_what_is_not_a_page_is_refused(site, headers, body, message):
    site.pages["/odd"] = (200, headers, body)
    with pytest.raises(FetchError, match=message):
        fetch(site.url("/odd"))


def test_an_error_status_is_reported(site):
    with pytest.raises(FetchError, match="error 404"):
        fetch(site.url("/missing"))


def test_a_site_that_does_not_answer_in_time_is_given_up(site):
    def slow():
        time.sleep(5)
        return PAGE

    site.pages["/slow"] = (200, {}, slow)
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer in 3 s"):
        fetch(site.url("/slow"))
    assert time.monotonic() - started < 5
