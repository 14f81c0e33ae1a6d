"""Reads a rendered HTML form into the data a browser would post, for submitting admin pages."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.data: dict[str, str] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self._select_first: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form" and attributes.get("id") == self.form_id:
            self.in_form = True
        if not self.in_form:
            return
        name = attributes.get("name")
        if tag == "input" and name:
            kind = attributes.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attributes:
                    self.data[name] = attributes.get("value", "on")
            elif kind not in {"submit", "button", "file", "image"}:
                self.data[name] = attributes.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
            self._select_first = None
        elif tag == "option" and self._select:
            value = attributes.get("value", "")
            if self._select_first is None:
                self._select_first = value
                self.data.setdefault(self._select, "")
            if "selected" in attributes:
                self.data[self._select] = value

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            # The template puts a newline after <textarea>; browsers drop it.
            current = self.data[self._textarea]
            self.data[self._textarea] = (
                (current + data).removeprefix("\n") if not current else current + data
            )


def form_data(html: str, form_id: str) -> dict[str, str]:
    reader = _FormReader(form_id)
    reader.feed(html)
    reader.close()
    # Forms under the template prefix (__prefix__) are hidden templates, never submitted.
    return {name: value for name, value in reader.data.items() if "__prefix__" not in name}
