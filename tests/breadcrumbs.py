"""Reads a page's breadcrumb trail and its heading, for the tests that every page below the top level
says where it sits (tests/test_breadcrumbs_a.py and _b.py)."""

from html.parser import HTMLParser


class Trail(HTMLParser):
    """`trails`: each <nav class="breadcrumbs"> as a list of items {"href", "current", "text"};
    `h1` and `title`: the texts of the page's first heading and of its <title>. The "only in Finnish"
    mark is left out of the texts, as it is not part of the name."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.trails: list[list[dict]] = []
        self.h1: str | None = None
        self.title = ""
        self._nav_depth = 0
        self._item: dict | None = None
        self._h1: list[str] | None = None
        self._in_title = False
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if self._skip or (tag == "span" and "only-in-finnish" in classes):
            self._skip += tag == "span"
            return
        if tag == "nav" and (self._nav_depth or "breadcrumbs" in classes):
            if not self._nav_depth:
                self.trails.append([])
            self._nav_depth += 1
        elif self._nav_depth and tag == "li":
            self._item = {"href": None, "current": attrs.get("aria-current"), "text": ""}
            self.trails[-1].append(self._item)
        elif self._item is not None and tag == "a":
            self._item["href"] = attrs.get("href")
        elif tag == "h1" and self.h1 is None and self._h1 is None:
            self._h1 = []
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if self._skip:
            self._skip -= tag == "span"
            return
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1
        elif tag == "li" and self._item is not None:
            self._item["text"] = " ".join(self._item["text"].split())
            self._item = None
        elif tag == "h1" and self._h1 is not None:
            self.h1 = " ".join("".join(self._h1).split())
            self._h1 = None
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._skip:
            return
        if self._item is not None:
            self._item["text"] += data
        if self._h1 is not None:
            self._h1.append(data)
        if self._in_title:
            self.title += data


def trail_of(html: str) -> Trail:
    trail = Trail()
    trail.feed(html)
    trail.close()
    return trail
