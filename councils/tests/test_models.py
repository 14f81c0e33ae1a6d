import pytest
from django.core.exceptions import ValidationError

from councils.models import Council

pytestmark = pytest.mark.django_db


def test_duplicate_council_slug_is_refused(make_council):
    make_council(slug="northshire")
    duplicate = Council(name="Another Northshire", slug="northshire", kind=Council.Kind.COUNTY)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug" in error.value.message_dict


@pytest.mark.parametrize("number", ["Z1234567", "ZA123456", "ZB987654"])
def test_ico_registration_numbers_in_the_register_format_are_accepted(make_council, number):
    make_council(ico_registration_number=number)


@pytest.mark.parametrize("number", ["12345678", "Z123456", "z1234567", "ZAB12345", "Z12345678"])
def test_ico_registration_numbers_in_other_formats_are_refused(number):
    council = Council(name="X", slug="x", kind=Council.Kind.COUNTY, ico_registration_number=number)
    with pytest.raises(ValidationError) as error:
        council.full_clean()
    assert "ico_registration_number" in error.value.message_dict


def test_councils_list_by_name(make_council):
    make_council(name="Zeta Council", slug="zeta")
    make_council(name="Alpha Council", slug="alpha")
    assert list(Council.objects.by_name().values_list("slug", flat=True)) == ["alpha", "zeta"]
