"""The API's version in force on a date is the version the notice page shows for `?at=` that
date, on every day of a demo council's history."""

import datetime
import re

import pytest
from django.utils import timezone

from notices.demo.history import NOTICE_HISTORIES
from notices.models import NoticeVersion

KIND = "childrens-social-care"


@pytest.mark.django_db
def test_in_force_agrees_with_the_notice_page_every_day(client, demo):
    # The demo council with the longest history: it also gets the shared block update.
    slug = max(NOTICE_HISTORIES, key=lambda s: len(NOTICE_HISTORIES[s].steps))
    versions = NoticeVersion.objects.filter(notice__council__slug=slug)
    assert versions.count() >= 4
    first = timezone.localtime(versions.order_by("number").first().published_at).date()
    day = first - datetime.timedelta(days=1)
    numbers_seen = set()
    while day <= timezone.localdate():
        page = client.get(f"/councils/{slug}/{KIND}/", {"at": day.isoformat()})
        api = client.get(
            f"/api/v1/councils/{slug}/notices/{KIND}/in-force", {"at": day.isoformat()}
        )
        if page.status_code == 404:
            assert api.status_code == 404, day
        else:
            assert page.status_code == 200, day
            shown = re.search(r"Version (\d+), published", page.content.decode())
            assert shown, day
            assert api.json()["number"] == int(shown.group(1)), day
            numbers_seen.add(int(shown.group(1)))
        day += datetime.timedelta(days=1)
    assert numbers_seen == set(versions.values_list("number", flat=True))
