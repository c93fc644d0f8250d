"""No double booking even when twenty requests for the same time arrive at the same moment.

Each thread has its own database connection. On PostgreSQL they really run at once and the space
row lock (and behind it the exclusion constraint) lets one through. On SQLite the test database of
pytest-django lives in memory with a shared cache, where SQLite's table locks fail at once instead of
waiting; so the test copies the database into a file (VACUUM INTO) and points the threads at it,
with the project's own connection options (WAL, BEGIN IMMEDIATE, a busy timeout).
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction

from kumppani.premises import services
from kumppani.premises.models import Booking, BookingStatus
from tests import factories
from tests.premises import factories as premises

pytestmark = pytest.mark.django_db(transaction=True)
THREADS = 20


@pytest.fixture
def file_database(tmp_path):
    """On SQLite: the threads' connections open a file copy of the test database."""
    if connection.vendor != "sqlite":
        yield None
        return
    settings_dict = connections.settings["default"]
    original, options = settings_dict["NAME"], settings_dict["OPTIONS"]
    path = tmp_path / "concurrency.sqlite3"

    def switch():
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(path)])
        settings_dict["NAME"] = str(path)
        # Twenty writers queue one after another; on a loaded test machine the last may wait longer
        # than the site's 20 s busy timeout. What is tested is the outcome, not the wait.
        settings_dict["OPTIONS"] = {**options, "timeout": 300}

    yield switch
    settings_dict["NAME"], settings_dict["OPTIONS"] = original, options


def _in_thread(function):
    result = {}

    def run():
        try:
            result["value"] = function()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result["value"]


def test_twenty_requests_for_the_same_time_give_exactly_one_booking(reference_data, file_database):
    salo = factories.salo()
    space = premises.space(salo)
    day = premises.future_weekday(1)
    people = []
    for n in range(THREADS):
        ngo = factories.organisation(f"Yhdistys {n} ry", areas=[salo])
        people.append((ngo, factories.representative(ngo)))
    if file_database is not None:
        file_database()
    barrier = threading.Barrier(THREADS)
    outcomes: list[str] = []

    def attempt(ngo, person):
        try:
            barrier.wait()
            premises.book(space, ngo, person, day, 17, 19)
            outcomes.append("booked")
        except ValidationError as error:
            outcomes.append(error.error_list[0].code)
        except Exception as error:  # reported to the main thread
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=pair) for pair in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked"] + ["conflict"] * (THREADS - 1)
    counts = _in_thread(lambda: Booking.objects.filter(space=space, status=BookingStatus.REQUESTED).count())
    assert counts == 1
    if file_database is not None:  # the threads wrote to the file, not to this connection's database
        assert not Booking.objects.filter(space=space).exists()


def test_postgresql_itself_refuses_an_overlapping_active_booking(reference_data):
    """The exclusion constraint holds even for a write that skips the services."""
    if connection.vendor != "postgresql":
        pytest.skip("the exclusion constraint is PostgreSQL's")
    salo = factories.salo()
    space = premises.space(salo)
    ngo = factories.organisation(areas=[salo])
    person = factories.representative(ngo)
    (booking,) = premises.book(space, ngo, person, premises.future_weekday(1), 17, 19)
    copy = Booking.objects.get(pk=booking.pk)
    copy.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()
    copy.status = BookingStatus.CANCELLED  # a cancelled booking holds no time
    copy.save()
    services.booking_cancel(by=person, booking=booking)
    assert Booking.objects.filter(space=space).count() == 2
