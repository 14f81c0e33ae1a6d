from django.contrib import admin
from django.urls import include, path

from notices.views import markdown_preview, markdown_upload_disabled

urlpatterns = [
    path("admin/", admin.site.urls),
    # django-markdownx's own URL names, so its editor finds them; its views are not used because
    # they have no permission checks and its upload view accepts images from anyone.
    path("markdownx/markdownify/", markdown_preview, name="markdownx_markdownify"),
    path("markdownx/upload/", markdown_upload_disabled, name="markdownx_upload"),
    path("", include("councils.urls")),
    path("", include("notices.urls")),
]
