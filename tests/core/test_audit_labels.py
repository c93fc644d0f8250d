"""The history speaks plainly: recorded values are shown as people write them — dates as 5.12.2026,
times as 18.00, money as 1 234,50 € — and no raw key reaches the page."""

import pytest
from django.utils import translation

from kumppani.core import audit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_recorded_date_reads_day_first_never_iso(language):
    with translation.override(language):
        shown = audit.value_label("grants.grantprogramme", "report_due", "2027-03-31")
    assert shown == "31.3.2027"


def test_a_recorded_moment_reads_in_finnish_time():
    with translation.override("fi"):
        shown = audit.value_label("grants.grantprogramme", "opens_at", "2027-01-05 07:00:00+00:00")
    assert shown == "5.1.2027 9.00"  # 7.00 UTC is 9.00 in Helsinki in winter


def test_a_date_under_a_key_that_is_no_field_is_not_shown_as_iso():
    with translation.override("fi"):
        assert audit.value_label("grants.application", "due_date", "2027-04-30") == "30.4.2027"


def test_money_reads_as_euros():
    with translation.override("fi"):
        assert audit.value_label("grants.application", "amount_requested", "3000.00") == "3\xa0000,00\xa0€"
        assert audit.value_label("grants.application", "amount", "1234.5") == "1\xa0234,50\xa0€"


def test_a_time_reads_with_a_dot():
    with translation.override("fi"):
        assert audit.value_label("activities.schedulerule", "start_time", "18:00:00") == "18.00"


def test_keys_that_are_no_fields_have_names():
    with translation.override("en"):
        assert audit.field_label("organisations.organisation", "member") == "representative"
        assert audit.field_label("core.publicbody", "coordinator") == "NGO coordinator"
        assert audit.field_label("grants.application", "budget") == "budget"
        assert audit.field_label("grants.grantprogramme", "name_fi") == "name in Finnish"


def test_codes_in_a_list_read_by_their_names():
    with translation.override("en"):
        shown = audit.value_label("grants.grantprogramme", "required_attachments", ["rules", "budget"])
    assert shown == "Rules of the association, Budget"
