from councils.contact_lines import contact_lines


def test_an_address_that_starts_with_the_name_shown_above_it_does_not_repeat_it():
    assert contact_lines(
        label="Data controller",
        name="Harrowmere County Council",
        address="Harrowmere County Council,\nCounty Hall\n\nCastle Street",
    ) == ["Harrowmere County Council", "County Hall", "Castle Street"]


def test_a_dpo_called_by_the_label_itself_is_not_named_twice():
    assert contact_lines(
        label="Data Protection Officer",
        name="Data Protection Officer",
        address="Data Protection Officer\nHarrowmere County Council\nCounty Hall",
    ) == ["Harrowmere County Council", "County Hall"]


def test_a_named_dpo_and_an_address_with_nothing_repeated_are_kept_whole():
    assert contact_lines(
        label="Data Protection Officer", name="Sam Okafor", address="1 High St"
    ) == [
        "Sam Okafor",
        "1 High St",
    ]
    assert contact_lines(label="Data controller", name="", address="") == []
