"""Which kinds of record a retention row covers, read from its own words
(notices.public.record_kind_words)."""

import time

import pytest

from notices.public.record_kind_words import KindName, kinds_named

KINDS = (
    KindName("lac", "Looked-after children's case records"),
    KindName("adoption", "Adoption records"),
    KindName("cin", "Child in need records"),
    KindName("cp", "Child protection records"),
    KindName("leavers", "Care leaver records"),
    KindName("biometric", "Biometric data"),
    KindName("contacts", "Contacts that do not lead to a referral"),
)


@pytest.mark.parametrize(
    "record_type, notes, own, expected",
    [
        ("Child in need and child protection records", "", "cin", ["cin", "cp"]),
        ("Child protection and child in need records", "", "cp", ["cp", "cin"]),
        (
            "Looked-after children's case records",
            "Includes care leavers' records, which form part of the same case record.",
            "lac",
            ["lac", "leavers"],
        ),
        # A mention that is not an inclusion does not count.
        (
            "Care leaver records",
            "Kept with the young person's looked-after case record.",
            None,
            ["leavers"],
        ),
        # "Care Leavers Hub" is a service, not care leavers' records.
        ("Care Leavers Hub face check images", "", "biometric", ["biometric"]),
        ("Leaving care payment records", "Covers allowances only.", None, []),
        ("Case records of looked-after children", "", None, ["lac"]),
        ("CHILD PROTECTION FILES", "", None, ["cp"]),
        ("Notes of contacts that do not lead to a referral", "", None, ["contacts"]),
        ("Adoptive parents' assessments", "", None, []),
        ("", "", None, []),
    ],
)
def test_a_row_covers_its_own_kind_and_those_its_words_name(record_type, notes, own, expected):
    assert kinds_named(record_type=record_type, notes=notes, kinds=KINDS, own=own) == expected


def test_a_long_hostile_name_is_read_quickly():
    text = ("child " * 20_000) + "protection"
    started = time.perf_counter()
    found = kinds_named(record_type=text, notes="includes " + text, kinds=KINDS)
    assert time.perf_counter() - started < 1
    assert found == []
