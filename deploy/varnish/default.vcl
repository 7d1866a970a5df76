vcl 4.1;
# Varnish in front of gunicorn for readers' pages (compose.yaml: proxy -> varnish -> web).
#
# - Caches what Django marks public (Cache-Control: public, s-maxage/max-age), per URL;
#   the newsroom, the admin, accounts, the token API and anyone with a session or a
#   pending message go straight to Django, uncached.
# - Purges by tag: every public page carries `Surrogate-Key: site verdict-12 claim-40 …`
#   (claims/public/cache_tags.py). Publishing, correcting or retracting sends
#   `BAN /` with `X-Purge-Tags: verdict-12|claim-40|list` from the worker; every cached
#   page carrying one of those tags is dropped at once.
# - Only the app's own network may purge (acl purgers); nginx refuses BAN from outside.


backend default {
    .host = "web";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    # Varnish appended the proxy's address; Django trusts exactly what nginx set.
    if (req.http.X-Forwarded-For ~ ",") {
        set req.http.X-Forwarded-For = regsub(req.http.X-Forwarded-For, "^([^,]+),.*$", "\1");
    }

    if (req.method == "BAN") {
        if (!client.ip ~ purgers) {
            return (synth(403, "Not allowed to purge"));
        }
        if (req.http.X-Purge-Tags !~ "^[a-z0-9-]+(\|[a-z0-9-]+)*$") {
            return (synth(400, "X-Purge-Tags: tags joined by |"));
        }
        ban("obj.http.Surrogate-Key ~ (^|\s)(" + req.http.X-Purge-Tags + ")(\s|$)");
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(newsroom|admin|accounts|healthz|static/admin)" ||
        (req.url ~ "^/api/" && req.url !~ "^/api/public/")) {
        return (pass);
    }
    # A reader with a session, a message waiting, or who has just posted (pinned to the
    # primary database) sees Django's own answer.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages|verify_primary)=") {
        return (pass);
    }
    # Anything else in the cookie (a CSRF token) does not change a public page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Django decides what is public and for how long; a page that sets a cookie is not.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Kept a little past its time while a fresh copy is fetched.
    set beresp.grace = 30s;
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
