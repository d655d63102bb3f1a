"""How values read on screen (ui/text.py) and whose language it is (ui/i18n.py's Language, owned by the app)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from checkpoint import codelists
from ui.i18n import Language, set_language
from ui.qt import QApplication, QCoreApplication
from ui.text import code_label, code_text, content_language, current_language, local_date, local_datetime


@pytest.fixture
def khmer(qapp) -> Iterator[QApplication]:
    if not set_language(qapp, "km"):
        pytest.fail("checkpoint_km.qm is missing: `make qm` builds it (make test does)")
    yield qapp
    set_language(qapp, "en")


@pytest.mark.parametrize(("list_name", "code", "shown"), [
    ("provinces", "01", "Banteay Meanchey"),
    ("provinces", "99", "99"),                       # unknown code: shown as recorded
    ("health_facilities", "Wat Bo clinic", "Wat Bo clinic"),   # free text typed into an editable combo
    ("no_such_list", "X", "X"),                      # unknown list: still no exception
    ("provinces", None, ""),
    ("provinces", "", ""),
    ("sexes", 7, "7"),                               # not even a string
])
def test_code_label_shows_the_label_or_what_was_recorded_and_never_raises(qapp, list_name, code, shown) -> None:
    assert code_label(list_name, code) == shown


def test_labels_follow_the_language_of_the_application(khmer) -> None:
    assert current_language() == "km" and content_language() == "km"
    assert Language.of(khmer).code == "km"
    assert code_label("provinces", "12") == "ភ្នំពេញ"
    france = next(c for c in codelists.countries() if c.code == "FRA")
    assert code_text(france) == "France"             # no Khmer name yet: English


def test_the_pseudo_locale_shows_english_content(qapp) -> None:
    try:
        assert set_language(qapp, "pseudo")
        assert current_language() == "pseudo" and content_language() == "en"
        assert QCoreApplication.translate("Errors", "Wrong user name or passphrase.").startswith("[Wrong")
    finally:
        set_language(qapp, "en")
    assert QCoreApplication.translate("Errors", "Wrong user name or passphrase.") == "Wrong user name or passphrase."


def test_the_language_is_one_object_owned_by_the_application(qapp) -> None:
    lang = Language.of(qapp)
    assert Language.of() is lang and lang.parent() is qapp
    with_changed: list[str] = []
    lang.changed.connect(with_changed.append)
    try:
        set_language(qapp, "km")
        set_language(qapp, "en")
    finally:
        lang.changed.disconnect(with_changed.append)
    assert with_changed == ["km", "en"]


@pytest.mark.parametrize(("iso", "dt", "d"), [
    ("2026-11-22T03:00:00+00:00", "2026-11-22 10:00", "2026-11-22"),
    ("2026-11-22T20:30:00+00:00", "2026-11-23 03:30", "2026-11-23"),   # after 17:00 UTC it is tomorrow here
    (None, "", ""),
    ("", "", ""),
    ("not a date", "not a date", "not a date"),
])
def test_local_date_and_time_are_checkpoint_time(iso, dt, d) -> None:
    assert local_datetime(iso) == dt
    assert local_date(iso) == d[:10]
