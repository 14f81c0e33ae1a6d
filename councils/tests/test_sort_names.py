"""Councils listed under their place name (councils.sort_names)."""

import pytest

from councils.sort_names import sort_key, sort_name


@pytest.mark.parametrize(
    "name, place",
    [
        ("London Borough of Ashcombe Vale", "ashcombe vale"),
        ("Brackendale Metropolitan Borough Council", "brackendale"),
        ("Harrowmere County Council", "harrowmere"),
        ("Kestrelford Council", "kestrelford"),
        ("City of Merrowgate Corporation", "merrowgate"),
        ("Royal Borough of Kingsbury", "kingsbury"),
        ("The Royal Borough of Kingsbury", "kingsbury"),
        ("Metropolitan Borough of Wexley", "wexley"),
        ("Wexley Metropolitan Borough", "wexley"),
        ("Lowdon City Council", "lowdon"),
        ("Eastmoor District Council", "eastmoor"),
        ("City and County of Porthwen", "porthwen"),
        # Kind words inside a place name stay.
        ("Councillor's Green Council", "councillor's green"),
        ("Kestrel City Harbour Council", "kestrel city harbour"),
        # A name of kind words only sorts by itself.
        ("Council", "council"),
        ("  London   Borough of  Ashcombe Vale ", "ashcombe vale"),
    ],
)
def test_a_council_sorts_by_its_place_name(name, place):
    assert sort_name(name) == place


def test_the_demo_councils_sort_by_place():
    names = [
        "London Borough of Ashcombe Vale",
        "Kestrelford Council",
        "City of Merrowgate Corporation",
        "Harrowmere County Council",
        "Brackendale Metropolitan Borough Council",
        "Ashby Council",
    ]
    assert sorted(names, key=sort_key) == [
        "Ashby Council",
        "London Borough of Ashcombe Vale",
        "Brackendale Metropolitan Borough Council",
        "Harrowmere County Council",
        "Kestrelford Council",
        "City of Merrowgate Corporation",
    ]
