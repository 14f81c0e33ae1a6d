"""Which notices and versions the public sees, read across councils."""

from notices.publishing import history


def test_current_versions_are_the_latest_of_each_published_notice_only(
    make_council, make_notice, publish
):
    older = make_notice(council=make_council(name="Ashby County Council"))
    publish(older)
    older.title = "Children's social care privacy notice, revised"
    older.save()
    publish(older, "Second")
    publish(make_notice(council=make_council(name="Brook Borough Council")))
    make_notice(council=make_council(name="Carrow Council"))  # never published

    current = list(history.current_versions())

    assert [(v.notice.council.name, v.number) for v in current] == [
        ("Ashby County Council", 2),
        ("Brook Borough Council", 1),
    ]
    assert list(history.current_versions(kind="no-such-kind")) == []
