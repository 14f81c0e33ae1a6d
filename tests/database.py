"""The whole database as data, so a test can say "nothing changed" and mean every row."""

from django.apps import apps

APP_LABELS = {"councils", "notices", "auth", "axes", "admin"}


def database_state() -> dict[str, list[dict]]:
    """Every row of every model of ours, of accounts and of login records."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.app_label in APP_LABELS
    }
