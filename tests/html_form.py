"""What a browser would send for a form on a page: every field with its current value.

data = form_values(html, css_class="activity-form")  # the <form class="activity-form">
data = form_values(html, field="version")            # the <form method="post"> that has a field "version"
data["name_fi"] = "New name"
client.post(url, data)
"""

from html.parser import HTMLParser


class _Forms(HTMLParser):
    """Every <form> of a page: its attributes and the values a browser would send for its fields."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[dict[str, str | None], dict[str, list[str]]]] = []
        self._fields: dict[str, list[str]] | None = None
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._textarea: str | None = None

    def _add(self, name: str, value: str) -> None:
        self._fields.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._fields = {}
            self.forms.append((attrs, self._fields))
            return
        if self._fields is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._add(name, attrs.get("value", "on"))
            elif kind not in ("submit", "button", "reset", "file"):
                self._add(name, attrs.get("value") or "")
        elif tag == "select" and name:
            self._select, self._select_first, self._select_chosen = name, None, False
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in attrs:
                self._add(self._select, value)
                self._select_chosen = True
        elif tag == "textarea" and name:
            self._textarea = name
            self._add(name, "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None
        elif tag == "select" and self._select:
            if not self._select_chosen and self._select_first is not None and self._fields is not None:
                self._add(self._select, self._select_first)
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self._fields is not None:
            values = self._fields[self._textarea]
            values[-1] += data.removeprefix("\n") if not values[-1] else data


def form_values(html: str, *, css_class: str | None = None, field: str | None = None) -> dict[str, list[str] | str]:
    """The fields of the page's one form of that CSS class, or of its one post form that has `field`,
    as Django's test client takes them."""
    parser = _Forms()
    parser.feed(html)
    found = [
        fields
        for attrs, fields in parser.forms
        if (css_class is None or css_class in (attrs.get("class") or "").split())
        and (field is None or ((attrs.get("method") or "").lower() == "post" and field in fields))
    ]
    assert len(found) == 1, f"{len(found)} forms with class {css_class!r} and field {field!r}"
    return {name: values[0] if len(values) == 1 else values for name, values in found[0].items()}
