"""The warnings for a notice whose law does not fit its council's nation, and the statute
library behind them."""

from councils.models import Nation
from notices.publishing.legislation import statutes_cited
from notices.publishing.nation_law_checks import nation_law_warnings


def snapshot(*legislation: str, sections: tuple[str, ...] = (), sources: tuple[str, ...] = ()):
    return {
        "notice": {"introduction": ""},
        "lawful_bases": [{"legislation": text} for text in legislation],
        "retention_periods": [{"source": text} for text in sources],
        "sections": [{"body": text} for text in sections],
    }


def keys(warnings) -> list[str]:
    return [warning.key for warning in warnings]


def test_a_welsh_notice_citing_only_english_law_is_warned():
    warnings = nation_law_warnings(
        snapshot("Children Act 1989\nChildren Act 2004"), nation=Nation.WALES
    )
    assert keys(warnings) == ["no-national-law"]
    assert warnings[0].message.startswith("The notice cites only English law.")
    assert "Social Services and Well-being (Wales) Act 2014" in warnings[0].message


def test_a_welsh_notice_citing_the_2014_act_and_the_children_act_is_not_warned():
    text = "Social Services and Well-being (Wales) Act 2014\nChildren Act 1989"
    assert nation_law_warnings(snapshot(text), nation=Nation.WALES) == []


def test_the_welsh_act_found_in_a_section_counts_too():
    welsh = snapshot(
        "Children Act 1989",
        sections=("We act under the Social Services and Well-being  (Wales) Act 2014.",),
    )
    assert nation_law_warnings(welsh, nation=Nation.WALES) == []


def test_a_scottish_notice_citing_the_children_act_1989_is_warned():
    warnings = nation_law_warnings(
        snapshot("Children (Scotland) Act 1995\nChildren Act 1989"), nation=Nation.SCOTLAND
    )
    assert keys(warnings) == ["law-of-another-nation"]
    assert "Children Act 1989" in warnings[0].message
    assert "does not apply to children's social care in Scotland" in warnings[0].message


def test_a_scottish_notice_with_no_scottish_act_is_warned_twice():
    warnings = nation_law_warnings(snapshot("Children Act 1989"), nation=Nation.SCOTLAND)
    assert keys(warnings) == ["no-national-law", "law-of-another-nation"]


def test_a_scottish_notice_citing_scottish_acts_only_is_not_warned():
    text = "Children's Hearings (Scotland) Act 2011\nData Protection Act 2018"
    assert nation_law_warnings(snapshot(text), nation=Nation.SCOTLAND) == []


def test_an_english_notice_citing_welsh_law_or_welsh_regulations_is_warned():
    warnings = nation_law_warnings(
        snapshot(
            "Social Services and Well-being (Wales) Act 2014",
            sources=("Care Planning, Placement and Case Review (Wales) Regulations 2015",),
        ),
        nation=Nation.ENGLAND,
    )
    assert keys(warnings) == ["law-of-another-nation", "regulations-of-another-nation"]
    assert "made for Wales" in warnings[1].message


def test_a_welsh_notice_keeping_english_regulations_as_a_retention_source_is_warned():
    warnings = nation_law_warnings(
        snapshot(
            "Social Services and Well-being (Wales) Act 2014",
            sources=("Care Planning, Placement and Case Review (England) Regulations 2010",),
        ),
        nation=Nation.WALES,
    )
    assert keys(warnings) == ["regulations-of-another-nation"]


def test_an_english_notice_citing_english_law_is_not_warned():
    text = "Children Act 1989\nChildren and Families Act 2014"
    assert nation_law_warnings(snapshot(text), nation=Nation.ENGLAND) == []


def test_statutes_are_recognised_whatever_the_apostrophe_and_case():
    cited = statutes_cited("the children’s hearings (scotland) act 2011 applies")
    assert [statute.title for statute in cited] == ["Children's Hearings (Scotland) Act 2011"]


def test_every_demo_notice_fits_its_nations_law():
    from notices.demo import content

    for council in content.COUNCILS:
        notice = council["notice"]
        warnings = nation_law_warnings(
            {
                "notice": notice,
                "lawful_bases": notice["lawful_bases"],
                "retention_periods": notice["retention_periods"],
                "sections": notice["sections"],
            },
            nation=council.get("nation", Nation.ENGLAND),
        )
        assert warnings == [], council["slug"]


def test_the_notice_editor_and_publish_page_show_the_warning_for_a_scottish_notice(
    client, make_staff, make_council, make_notice
):
    from django.urls import reverse

    council = make_council(nation=Nation.SCOTLAND)
    notice = make_notice(council)  # its lawful bases cite the Children Act 1989
    client.force_login(make_staff(council, "publisher"))

    for name in ("admin:notices_notice_change", "admin:notices_notice_publish"):
        page = client.get(reverse(name, args=[notice.pk])).content.decode()
        assert "Law for Scotland" in page, name
        assert "not apply to children&#x27;s social care in Scotland" in page, name
