"""Each app's catalogue is what the site shows.

Django merges the catalogues into one: the project's (LOCALE_PATHS) over every app's, and an app
listed earlier in INSTALLED_APPS over a later one. A text without a context that two catalogues
translate differently is shown one way everywhere, so an app's own words can silently lose: the
events calendar's "From" was the e-mail's "Lähettäjä" (sender). Such a text needs a context
(pgettext, `{% translate … context … %}`) or the same words in both catalogues.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from tests.core.test_translations import TRANSLATED_LANGUAGES, parse_po

APPS_DIR = Path(settings.BASE_DIR)


def _app_catalogues(language: str) -> list[Path]:
    return sorted(APPS_DIR.glob(f"*/locale/{language}/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_no_app_catalogue_is_overridden_by_another(language):
    catalogues = _app_catalogues(language)
    assert len(catalogues) >= 5, "the apps' catalogues were not found"
    lost = []
    with translation.override(language):
        for path in catalogues:
            _header, entries = parse_po(path)
            for entry in entries:
                if entry.fuzzy or not entry.translated:
                    continue
                if entry.msgid_plural:
                    pairs = [
                        (translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n), expected)
                        if entry.msgctxt
                        else (translation.ngettext(entry.msgid, entry.msgid_plural, n), expected)
                        for n, expected in ((1, entry.msgstr_plural[0]), (2, entry.msgstr_plural[1]))
                    ]
                else:
                    shown = (
                        translation.pgettext(entry.msgctxt, entry.msgid)
                        if entry.msgctxt
                        else translation.gettext(entry.msgid)
                    )
                    pairs = [(shown, entry.msgstr)]
                for shown, expected in pairs:
                    if shown != expected:
                        app = path.relative_to(APPS_DIR).parts[0]
                        lost.append(f"{app}: {entry.describe()} says {expected!r}, the site shows {shown!r}")
    assert not lost, "\n".join(lost)
