from django.urls import path

from councils import views

app_name = "councils"

urlpatterns = [
    path("", views.council_index, name="index"),
    path("councils/<slug:slug>/", views.council_detail, name="detail"),
]
