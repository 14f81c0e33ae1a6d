"""Every kind of public HTML page of the demo site, with its odd cases (a bad filter, an unknown
item, a hostile search, a date before the first version): what the checks that walk the whole
site (valid HTML, no inline code) go through."""

from councils.models import Council

SITE_PATHS = (
    "/",
    "/?q=ash&kind=county",
    "/?kind=not-a-kind",
    "/councils/no-such-council/",
    "/no-such-page/",
    "/compare/",
    "/compare/recipients/",
    "/compare/recipients/?item=no-such-item",
    "/compare/recipients/police/",
    "/compare/recipients/no-such-item/",
    "/compare/data-categories/",
    "/compare/retention/",
    "/compare/retention/?council=harrowmere&council=kestrelford&council=&council=",
    "/compare/retention/?council=no-such-council",
    "/compare/retention/looked-after-case-records/",
    "/search/",
    "/search/?q=foster+carers",
    "/search/?q=%3Cscript%3E",
    "/accessibility/",
    "/developers/",
    "/privacy/",
    "/alerts/",
    "/alerts/check-your-email/",
    "/alerts/confirm/not-a-token/",
    "/alerts/unsubscribe/not-a-token/",
)


def demo_html_paths() -> list[str]:
    paths = list(SITE_PATHS)
    for council in Council.objects.all():
        paths.append(council.get_absolute_url())
        paths.append(f"/alerts/councils/{council.slug}/")
        for notice in council.notices.all():
            base = notice.get_absolute_url()
            latest = notice.versions.count()
            paths += [
                base,
                f"{base}history/",
                f"{base}versions/1/",
                f"{base}embed/",
                f"{base}versions/1/embed/",
                f"{base}versions/{latest}/",
                f"{base}compare/",
                f"{base}compare/1...1/",
                f"{base}compare/1...{latest}/",
                f"{base}?at=2000-01-01",
                f"{base}?at=not-a-date",
            ]
    return paths
