from django.urls import path

from notices.alerts import views

app_name = "alerts"

urlpatterns = [
    path("alerts/", views.subscribe, name="subscribe-all"),
    path("alerts/councils/<slug:council_slug>/", views.subscribe, name="subscribe"),
    path("alerts/check-your-email/", views.check_email, name="check-email"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("privacy/", views.privacy, name="privacy"),
]
