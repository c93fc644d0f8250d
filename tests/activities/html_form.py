"""What a browser would send for a form on a page: every field with its current value.

data = form_values(response.content.decode(), "activity-form")  # the <form class="activity-form">
data["name_fi"] = "New name"
client.post(url, data)
"""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self, css_class: str):
        super().__init__(convert_charrefs=True)
        self.css_class, self.inside = css_class, False
        self.values: dict[str, list[str]] = {}
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._textarea: str | None = None

    def _add(self, name: str, value: str) -> None:
        self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = self.css_class in (attrs.get("class") or "").split()
            return
        if not self.inside:
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
            self.inside = False
        elif tag == "select" and self._select:
            if not self._select_chosen and self._select_first is not None:
                self._add(self._select, self._select_first)
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea][-1] += data.removeprefix("\n") if not self.values[self._textarea][-1] else data


def form_values(html: str, css_class: str) -> dict[str, list[str] | str]:
    """The fields of the page's form of that CSS class, as Django's test client takes them."""
    parser = _FormParser(css_class)
    parser.feed(html)
    return {name: values[0] if len(values) == 1 else values for name, values in parser.values.items()}
