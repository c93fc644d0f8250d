"""The Finnish and Swedish catalogues are complete, compiled, and in use.

The .po files are parsed with a small standard-library parser, so the tests need neither polib nor
gettext's tools; where msgfmt is installed it checks the files as well. The .mo files are committed
(a machine without gettext must work), so a test compares each compiled catalogue with its .po:
file times say nothing after a git clone.
"""

import ast
import gettext
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

TRANSLATED_LANGUAGES = ["fi", "sv"]
ALL_LANGUAGES = ["fi", "sv", "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def _locale_dir() -> Path:
    return Path(settings.LOCALE_PATHS[0])


def _po_path(language: str) -> Path:
    return _locale_dir() / language / "LC_MESSAGES" / "django.po"


def _mo_path(language: str) -> Path:
    return _locale_dir() / language / "LC_MESSAGES" / "django.mo"


@dataclass
class Entry:
    line: int
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translations(self) -> list[str]:
        return [self.msgstr_plural[i] for i in sorted(self.msgstr_plural)] if self.msgid_plural else [self.msgstr]

    @property
    def translated(self) -> bool:
        return all(self.translations) and (not self.msgid_plural or len(self.msgstr_plural) > 0)

    def describe(self) -> str:
        context = f" [{self.msgctxt}]" if self.msgctxt else ""
        return f"line {self.line}{context}: {self.msgid!r}"


_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')


def parse_po(path: Path) -> tuple[Entry, list[Entry]]:
    """The header entry and the other entries of a .po file. Obsolete (#~) entries are left out."""
    entries: list[Entry] = []
    current: Entry | None = None
    flags: set[str] = set()
    target: tuple[str, int | None] | None = None  # what a continuation line "…" extends

    def finish():
        nonlocal current
        if current is not None:
            entries.append(current)
        current = None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        in_msgstr = target is not None and target[0].startswith("msgstr")
        if not line:
            finish()  # entries are separated by blank lines
            target = None
            continue
        if line.startswith("#~"):
            continue  # obsolete
        if line.startswith("#"):
            if in_msgstr:
                finish()  # a comment after a msgstr begins the next entry
                target = None
            if line.startswith("#,"):
                flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, literal = match.groups()
            text = ast.literal_eval(literal)
            if keyword in ("msgctxt", "msgid") and (current is None or in_msgstr):
                finish()
                current, flags = Entry(line=number, flags=flags), set()
            if current is None:
                raise ValueError(f"{path}:{number}: {keyword} outside an entry")
            if index is not None:
                current.msgstr_plural[int(index)] = text
                target = ("msgstr[]", int(index))
            else:
                setattr(current, keyword, text)
                target = (keyword, None)
            continue
        if line.startswith('"') and current is not None and target is not None:
            text = ast.literal_eval(line)
            if target[0] == "msgstr[]":
                current.msgstr_plural[target[1]] += text
            else:
                setattr(current, target[0], getattr(current, target[0]) + text)
            continue
        raise ValueError(f"{path}:{number}: cannot parse {raw!r}")
    finish()
    header = next((e for e in entries if e.msgid == "" and e.msgctxt is None), None)
    if header is None:
        raise ValueError(f"{path}: no header entry")
    return header, [e for e in entries if e is not header]


def _header_field(header: Entry, name: str) -> str:
    for line in header.msgstr.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == name.lower():
            return value.strip()
    return ""


# --- the catalogues are complete ---------------------------------------------------------------


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    header, entries = parse_po(_po_path(language))
    assert entries, f"{_po_path(language)} has no messages"
    problems = [f"untranslated {e.describe()}" for e in entries if not e.translated]
    problems += [f"fuzzy {e.describe()}" for e in entries if e.fuzzy]
    if header.fuzzy:
        problems.append("the header is marked fuzzy")
    assert not problems, f"{language}: {len(problems)} problem(s) in {_po_path(language)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_plural_forms_and_placeholders_match_the_source(language):
    header, entries = parse_po(_po_path(language))
    assert _header_field(header, "Language") == language
    assert "nplurals=2" in _header_field(header, "Plural-Forms").replace(" ", "")
    problems = []
    for e in entries:
        if e.msgid_plural:
            if sorted(e.msgstr_plural) != [0, 1]:
                problems.append(f"needs msgstr[0] and msgstr[1]: {e.describe()}")
            sources = [e.msgid, e.msgid_plural]
        else:
            sources = [e.msgid]
        for source, translation in zip(sources, e.translations, strict=False):
            if not translation:
                continue
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
                problems.append(f"placeholders differ: {e.describe()} -> {translation!r}")
            if source.startswith("\n") != translation.startswith("\n") or source.endswith("\n") != translation.endswith(
                "\n"
            ):
                problems.append(f"leading or trailing newline differs: {e.describe()}")
    assert not problems, f"{language}:\n" + "\n".join(problems)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_msgfmt_accepts_the_catalogue_and_counts_everything_translated(language, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "django.mo"), str(_po_path(language))],
        capture_output=True,
        text=True,
        check=False,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin:/usr/local/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr


# --- the committed .mo files are compiled from the current .po files ---------------------------


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language):
    assert _mo_path(language).exists(), f"{_mo_path(language)} is missing: run `kumppani compilemessages`"
    with _mo_path(language).open("rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    _header, entries = parse_po(_po_path(language))
    stale = []
    for e in entries:
        if e.fuzzy or not e.translated:
            continue  # msgfmt leaves these out; the source text is shown
        if e.msgid_plural:
            for n, expected in ((1, e.msgstr_plural[0]), (2, e.msgstr_plural[1])):
                if e.msgctxt is None:
                    got = catalogue.ngettext(e.msgid, e.msgid_plural, n)
                else:
                    got = catalogue.npgettext(e.msgctxt, e.msgid, e.msgid_plural, n)
                if got != expected:
                    stale.append(f"{e.describe()} (n={n}): .mo has {got!r}, .po has {expected!r}")
        else:
            got = catalogue.gettext(e.msgid) if e.msgctxt is None else catalogue.pgettext(e.msgctxt, e.msgid)
            if got != e.msgstr:
                stale.append(f"{e.describe()}: .mo has {got!r}, .po has {e.msgstr!r}")
    assert not stale, (
        f"{_mo_path(language)} is older than its .po file; run `kumppani compilemessages` "
        f"in src/kumppani and commit the .mo files.\n" + "\n".join(stale)
    )


# --- the site speaks the language of its address ----------------------------------------------


def _translation_of(language: str, msgid: str) -> str:
    _header, entries = parse_po(_po_path(language))
    found = [e.msgstr for e in entries if e.msgid == msgid and e.msgctxt is None]
    assert found, f"{msgid!r} is no longer in {_po_path(language)}; choose another text for this test"
    return found[0]


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_front_page_is_in_the_language_of_its_address(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    for msgid in ("Find activities", "Browse NGOs", "Skip to content"):
        translated = _translation_of(language, msgid)
        assert translated and translated != msgid
        assert translated in html, f"/{language}/ does not show {translated!r} (for {msgid!r})"
        assert msgid not in html, f"/{language}/ still shows the English {msgid!r}"


@pytest.mark.django_db
def test_front_page_speaks_finnish_and_swedish_in_plain_words(client):
    assert "Etsitkö tukea tai tekemistä?" in client.get("/fi/").content.decode()
    assert "Söker du stöd eller aktiviteter?" in client.get("/sv/").content.decode()
    assert "Search activities, NGOs and events" in client.get("/en/").content.decode()
