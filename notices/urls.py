from django.urls import path

from notices import views

app_name = "notices"

urlpatterns = [
    path("councils/<slug:council_slug>/<slug:kind>/", views.notice_detail, name="detail"),
]
