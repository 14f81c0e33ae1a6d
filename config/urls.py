from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from config import views as site_views
from councils.tokens import staff_link_tokens
from notices.api.endpoints import api
from notices.authoring.markdown_preview import markdown_preview, markdown_upload_disabled
from notices.public.sitemaps import sitemap_xml

# The set-password pages wear the admin's header, as Django's docs suggest for its auth views.
_ADMIN_LOOK = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}

urlpatterns = [
    # DJANGO_ADMIN_PATH, checked when the settings load.
    path(settings.ADMIN_PATH, admin.site.urls),
    # The one-time link `manage.py add_staff` prints. Staff never choose a password in the
    # command line; they set it here, through the password validators. Django's view moves the
    # token into the session and redirects to an address without it, so only this first request
    # carries it (and gunicorn's access log redacts it: config/gunicorn_logging.py).
    path(
        "staff/set-password/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="registration/set_password.html",
            token_generator=staff_link_tokens,
            success_url=reverse_lazy("staff_set_password_done"),
            extra_context={**_ADMIN_LOOK, "title": "Set your password"},
        ),
        name="staff_set_password",
    ),
    path(
        "staff/set-password/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="registration/set_password_done.html",
            extra_context={**_ADMIN_LOOK, "title": "Password set"},
        ),
        name="staff_set_password_done",
    ),
    # django-markdownx's own URL names, so its editor finds them; its views are not used because
    # they have no permission checks and its upload view accepts images from anyone.
    path("markdownx/markdownify/", markdown_preview, name="markdownx_markdownify"),
    path("markdownx/upload/", markdown_upload_disabled, name="markdownx_upload"),
    path("accessibility/", site_views.accessibility_statement, name="accessibility-statement"),
    path("developers/", site_views.developers, name="developers"),
    path("robots.txt", site_views.robots_txt, name="robots"),
    path("healthz", site_views.healthz, name="healthz"),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("api/v1/", api.urls),
    # Email alerts and the site's privacy page (notices.alerts).
    path("", include("notices.alerts.urls")),
    path("", include("notices.public.council_urls")),
    path("", include("notices.public.urls")),
]

handler403 = "config.views.permission_denied"
