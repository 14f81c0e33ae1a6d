"""Fixtures for the alert tests: a way to publish with the after-commit work run, and a
confirmed subscriber."""

import pytest
from django.utils import timezone

from notices.models import AlertSubscription


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a block's after-commit callbacks (where alerts are queued), as a real commit would,
    including those that the callbacks themselves add."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def subscriber(db):
    def make(email: str, council=None, *, confirmed: bool = True) -> AlertSubscription:
        return AlertSubscription.objects.create(
            email=email, council=council, confirmed_at=timezone.now() if confirmed else None
        )

    return make
