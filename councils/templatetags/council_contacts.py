from django import template

from councils.contact_lines import contact_lines

register = template.Library()


@register.simple_tag(name="contact_lines")
def contact_lines_tag(label: str, name: str, address: str) -> list[str]:
    """`{% contact_lines "Data controller" council.name council.controller_address as lines %}`"""
    return contact_lines(label=label, name=name or "", address=address or "")
