from django.contrib.sitemaps import Sitemap

from claims import selectors


class VerdictSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return selectors.published_verdicts().order_by("pk")

    def lastmod(self, verdict):
        return verdict.updated_at

    def location(self, verdict):
        return verdict.public_url()


class StaticSitemap(Sitemap):
    priority = 0.5

    def items(self):
        return ["/", "/verdicts/", "/methodology/", "/corrections/", "/ask/"]

    def location(self, path):
        return path
