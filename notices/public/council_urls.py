"""The council pages' addresses, in the `councils` namespace they have always had
(`councils:index`, `councils:detail`)."""

from django.urls import path

from notices.public.views import councils

app_name = "councils"

urlpatterns = [
    path("", councils.council_index, name="index"),
    path("councils/<slug:slug>/", councils.council_detail, name="detail"),
    # Not under councils/: it is not a council, and no council's slug may take its address.
    path("northern-ireland/", councils.northern_ireland, name="northern-ireland"),
]
