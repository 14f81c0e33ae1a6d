"""Issue 17, readers: a saved council web page built from <div>s, whose menus, banners,
breadcrumbs, share links, feedback and footer are marked only by class names, and whose <title>
is furniture."""

from notices.importing.reading import read_document

DIV_PAGE = """<!DOCTYPE html><html><head><title>Skip to main content | Brackenford Council</title>
</head><body>
<a href="#content" class="visually-hidden">Skip to main content</a>
<div class="alert-banner"><p>Our website will be unavailable on Sunday morning while we carry
out maintenance.</p></div>
<div id="cookie-notice"><p>We use cookies to make this website work.</p>
<button>Accept all cookies</button></div>
<div class="header"><a href="/">Brackenford Council</a><ul class="menu">
<li><a href="/bins">Bins</a></li><li><a href="/tax">Council tax</a></li></ul></div>
<div class="crumbs"><a href="/">Home</a> &gt; <a href="/council">Council</a> &gt; Privacy</div>
<div class="page-body">
<h2>Children's social care privacy notice</h2>
<p>This notice explains how Brackenford Council uses information about children and families.</p>
<h3>Who we are</h3>
<p>Brackenford Council is the data controller for the information in this notice.</p>
<h3>Who do we share your information with?</h3>
<p>We share information with the police and schools when the law allows us to.</p>
</div>
<div class="feedback"><p>Was this page useful?</p><a href="#">Yes</a> <a href="#">No</a></div>
<div class="share">Share this page: <a href="https://facebook.example">Facebook</a></div>
<div class="site-footer"><a href="/accessibility">Accessibility</a>
<p>\u00a9 Brackenford Council 2026</p></div>
</body></html>"""


def test_chrome_named_by_class_is_left_out_and_the_notice_heading_is_the_title():
    document = read_document(DIV_PAGE.encode(), "notice.html")
    assert document.title == "Children's social care privacy notice"
    assert document.markdown.startswith("# Children's social care privacy notice\n")
    for furniture in ("maintenance", "cookies", "Bins", "Home", "useful", "Facebook", "\u00a9"):
        assert furniture not in document.markdown
    assert (
        "Left out the page's header, breadcrumbs, cookie banner, service banner, share links, "
        "feedback form and footer" in document.notes
    )
    assert "## Who do we share your information with?" in document.markdown


def test_a_notice_s_own_alert_inside_its_main_content_is_kept():
    page = (
        "<html><body><div class='menu'><a href='/'>Home</a></div><main>"
        "<h1>Privacy notice</h1><div class='alert'><p>Read this part first.</p></div>"
        "<div class='share'><p>We share records with the police.</p></div></main></body></html>"
    )
    markdown = read_document(page.encode(), "notice.html").markdown
    assert "Read this part first." in markdown
    assert "We share records with the police." in markdown
    assert "Home" not in markdown


def test_a_wrapper_named_like_chrome_that_holds_the_sections_is_kept():
    page = (
        "<html><body><div class='header'><h1>Privacy notice</h1>"
        "<h2>Who we are</h2><p>The council.</p><h2>Your rights</h2><p>Ask us.</p></div>"
        "</body></html>"
    )
    markdown = read_document(page.encode(), "notice.html").markdown
    assert "## Who we are" in markdown and "## Your rights" in markdown


def test_a_bar_of_share_links_inside_the_main_content_is_left_out():
    page = (
        "<html><body><div role='main'><article><h1>Privacy notice</h1>"
        "<p>We keep records safe.</p></article>"
        "<div class='share'><a href='#'>Share this page</a></div></div></body></html>"
    )
    document = read_document(page.encode(), "notice.html")
    assert "Share this page" not in document.markdown
    assert "We keep records safe." in document.markdown
    assert "Share this page" in document.left_out
