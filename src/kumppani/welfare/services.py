"""Every change of the welfare app: computing and storing a body's index for a year, the
coordinator's self-assessment of a criterion the platform cannot compute, and the indicator values
(imported from a Sotkanet file, fetched from Sotkanet's REST API, entered by hand)."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core import audit
from kumppani.core.models import BodyKind, BodyRole, PublicBody
from kumppani.welfare import criteria as c
from kumppani.welfare import sotkanet
from kumppani.welfare.models import AssessedStatus, Chapter, IndexResult, Indicator, IndicatorValue, SelfAssessment

# Shorter than this is no reason a reader can weigh.
MIN_JUSTIFICATION = 20
FIRST_YEAR = 2020


def _check_year(year: int) -> None:
    last = timezone.localdate().year
    if not FIRST_YEAR <= year <= last:
        raise ValidationError(
            {
                "year": ValidationError(
                    _("The index covers the years %(first)s–%(last)s."),
                    code="year_out_of_range",
                    params={"first": FIRST_YEAR, "last": last},
                )
            }
        )


def evaluate(body: PublicBody, year: int) -> list[dict]:
    """Each criterion's status for the body and year: computed from the data, or the coordinator's
    self-assessment (a criterion not yet assessed counts as not met)."""
    assessments = {a.criterion: a for a in SelfAssessment.objects.filter(body=body, year=year)}
    rows = []
    for criterion in c.CRITERIA:
        if criterion.is_computed:
            result = criterion.compute(body, year)
            evidence = result.evidence
            rows.append(
                {
                    "key": criterion.key,
                    "status": result.status,
                    "source": "computed",
                    "evidence": {"name": evidence.name, "args": list(evidence.args), "query": evidence.query}
                    if evidence
                    else None,
                    "figures": result.figures,
                    "justification": "",
                }
            )
        else:
            assessment = assessments.get(criterion.key)
            rows.append(
                {
                    "key": criterion.key,
                    "status": assessment.status if assessment else c.NOT_MET,
                    "source": "self" if assessment else "missing",
                    "evidence": None,
                    "figures": {},
                    "justification": assessment.justification if assessment else "",
                }
            )
    return rows


def _store(body: PublicBody, year: int) -> IndexResult:
    rows = evaluate(body, year)
    overall, dimensions = c.score({row["key"]: row["status"] for row in rows})
    result, _created = IndexResult.objects.update_or_create(
        body=body,
        year=year,
        defaults={
            "overall": overall,
            "dimensions": {key: str(value) for key, value in dimensions.items()},
            "criteria": rows,
            "computed_at": timezone.now(),
        },
    )
    return result


def index_compute(*, body: PublicBody, year: int, by) -> IndexResult:
    """Compute the body's index for the year from the data and the self-assessments, and store it.
    `by` is the coordinator who asked for it, or None for the daily job."""
    if by is not None and not by.has_perm("welfare.assess_index", body):
        raise PermissionDenied
    _check_year(year)
    with transaction.atomic():
        result = _store(body, year)
        if by is not None:
            audit.record(
                actor=by, obj=result, action="index_computed", changes={"overall": [None, str(result.overall)]}
            )
    return result


def bodies_on_platform():
    """The bodies in the index: those with someone working on the platform (a body role)."""
    return PublicBody.objects.filter(Exists(BodyRole.objects.filter(body=OuterRef("pk")))).order_by("pk")


def index_compute_all(*, year: int) -> int:
    """The daily job: store the year's index of every body on the platform. Returns how many."""
    count = 0
    for body in bodies_on_platform():
        index_compute(body=body, year=year, by=None)
        count += 1
    return count


def self_assessment_save(
    *, body: PublicBody, year: int, criterion: str, status: str, justification: str, by
) -> SelfAssessment:
    """The body's NGO coordinator assesses a criterion the platform cannot compute, with a reason
    the public reads beside it; the body's index for that year is recomputed at once. A computed
    criterion cannot be self-assessed, and nothing is saved without a justification."""
    if not by.has_perm("welfare.assess_index", body):
        raise PermissionDenied
    _check_year(year)
    target = c.BY_KEY.get(criterion)
    if target is None or target.is_computed:
        raise ValidationError(
            {"criterion": ValidationError(_("This criterion is computed from the data."), code="computed_criterion")}
        )
    if status not in AssessedStatus.values:
        raise ValidationError({"status": ValidationError(_("Choose met, partly met or not met."), code="bad_status")})
    justification = (justification or "").strip()
    if len(justification) < MIN_JUSTIFICATION:
        raise ValidationError(
            {
                "justification": ValidationError(
                    _("Say in at least %(count)s characters why: the public reads it beside the assessment."),
                    code="justification_required",
                    params={"count": MIN_JUSTIFICATION},
                )
            }
        )
    with transaction.atomic():
        assessment = SelfAssessment.objects.filter(body=body, year=year, criterion=criterion).first()
        before = audit.snapshot(assessment, ["status", "justification"]) if assessment else {}
        if assessment is None:
            assessment = SelfAssessment(body=body, year=year, criterion=criterion)
        assessment.status = status
        assessment.justification = justification
        assessment.assessed_by = by
        assessment.assessed_at = timezone.now()
        assessment.full_clean()
        assessment.save()
        audit.record(
            actor=by,
            obj=assessment,
            action="index_self_assessed",
            changes=audit.diff(before, audit.snapshot(assessment, ["status", "justification"])),
        )
        _store(body, year)
    return assessment


def indicators_load_reference() -> int:
    """Add the shipped Sotkanet indicators that are not there yet (titles in fi/sv/en). Returns how many."""
    existing = set(Indicator.objects.values_list("sotkanet_id", flat=True))
    added = 0
    for row in sotkanet.reference_indicators():
        sotkanet_id = int(row["indicator_id"])
        if sotkanet_id in existing:
            continue
        Indicator.objects.create(
            sotkanet_id=sotkanet_id,
            title_fi=row["title_fi"],
            title_sv=row["title_sv"],
            title_en=row["title_en"],
            organisation=row["organization"],
        )
        added += 1
    return added


def _save_rows(rows: list[sotkanet.Row], indicators: dict[int, int]) -> None:
    counties = sotkanet.county_region_ids()
    areas = dict(PublicBody.objects.filter(kind__in=[BodyKind.COUNTY, BodyKind.CITY_COUNTY]).values_list("code", "pk"))
    now = timezone.now()
    for row in rows:
        IndicatorValue.objects.update_or_create(
            indicator_id=indicators[row.indicator],
            region=row.region,
            year=row.year,
            gender=row.gender,
            defaults={
                "area_id": areas.get(counties.get(row.region, "")),
                "value": row.value,
                "absolute_value": row.absolute_value,
                "imported_at": now,
            },
        )


def indicator_values_import(*, content: bytes, filename: str, by) -> int:
    """Import indicator values from a Sotkanet JSON or CSV file (see welfare.sotkanet). The whole
    file is checked first: one malformed row refuses it all, and nothing changes. A value already
    there for the same indicator, region, year and gender is replaced. Returns the number of rows."""
    if not by.has_perm("welfare.import_indicators"):
        raise PermissionDenied
    indicators = dict(Indicator.objects.values_list("sotkanet_id", "pk"))
    rows = sotkanet.parse(content, filename, known_indicators=set(indicators))
    with transaction.atomic():
        _save_rows(rows, indicators)
        audit.record(
            actor=by,
            obj=Indicator.objects.get(pk=indicators[rows[0].indicator]),
            action="indicator_values_imported",
            message=f"{filename}: {len(rows)}",
        )
    return len(rows)


def indicator_value_enter(*, body: PublicBody, indicator: Indicator, year: int, value, by) -> IndicatorValue:
    """The body's NGO coordinator enters a value of an indicator for the body's own area by hand
    (a figure Sotkanet does not have for it, or not yet). Entering the same year again replaces it;
    an empty value removes it."""
    if not by.has_perm("welfare.assess_index", body):
        raise PermissionDenied
    this_year = timezone.localdate().year
    if not 1990 <= year <= this_year:
        raise ValidationError(
            {
                "year": ValidationError(
                    _("The year must be %(first)s–%(last)s."),
                    code="bad_year",
                    params={"first": 1990, "last": this_year},
                )
            }
        )
    if value is not None and abs(value) >= 10**11:
        raise ValidationError({"value": ValidationError(_("The value is too large."), code="too_large")})
    with transaction.atomic():
        existing = IndicatorValue.objects.filter(
            indicator=indicator, region__isnull=True, area=body, year=year, gender="total"
        ).first()
        before = {"value": str(existing.value) if existing else None}
        if value is None:
            if existing:
                existing.delete()
            item = existing
        else:
            item = existing or IndicatorValue(indicator=indicator, region=None, area=body, year=year, gender="total")
            item.value = value
            item.absolute_value = None
            item.imported_at = timezone.now()
            item.save()
        audit.record(
            actor=by,
            obj=indicator,
            action="indicator_value_entered",
            changes={"value": [before["value"], None if value is None else str(value)]},
            message=f"{body.name} {year}",
        )
    return item


FETCH_EVERY = dt.timedelta(hours=24)
FETCH_YEARS = 10


def indicator_values_fetch(*, indicator: Indicator, years=None, opener=None, force: bool = False, by=None) -> int:
    """Fetch an indicator's values from Sotkanet's REST API and keep those of the wellbeing services
    counties and the whole country (the regions the report compares with). Not again within a day
    of the last fetch unless `force`; returns the number of values stored (0 when skipped). A
    malformed answer is refused with a message and changes nothing. `by` is a person (platform
    admin or coordinator) or None for the daily job and the management command."""
    if by is not None and not by.has_perm("welfare.import_indicators"):
        raise PermissionDenied
    now = timezone.now()
    if not force and indicator.fetched_at and now - indicator.fetched_at < FETCH_EVERY:
        return 0
    if years is None:
        last = timezone.localdate().year
        years = range(last - FETCH_YEARS, last + 1)
    content = sotkanet.fetch(indicator.sotkanet_id, years, opener=opener)
    rows = sotkanet.parse(content, "sotkanet.json", known_indicators={indicator.sotkanet_id})
    wanted = set(sotkanet.county_region_ids()) | {sotkanet.COUNTRY_REGION}
    rows = [row for row in rows if row.region in wanted and row.gender == "total"]
    with transaction.atomic():
        _save_rows(rows, {indicator.sotkanet_id: indicator.pk})
        Indicator.objects.filter(pk=indicator.pk).update(fetched_at=now)
        indicator.fetched_at = now
        audit.record(actor=by, obj=indicator, action="indicator_values_fetched", message=f"Sotkanet REST: {len(rows)}")
    return len(rows)


def indicators_in_use():
    """The indicators some report's chapter follows: the only ones fetched."""
    return Indicator.objects.filter(pk__in=Chapter.indicators.through.objects.values("indicator_id")).order_by(
        "sotkanet_id"
    )


def indicators_fetch_due(*, opener=None) -> dict[int, int | str]:
    """The daily job: fetch every indicator in use that was not fetched within a day. One refused
    answer does not stop the others. Returns {Sotkanet id: values stored, or the reason it failed}."""
    results: dict[int, int | str] = {}
    for indicator in indicators_in_use():
        try:
            results[indicator.sotkanet_id] = indicator_values_fetch(indicator=indicator, opener=opener)
        except ValidationError as error:
            results[indicator.sotkanet_id] = " ".join(error.messages)
    return results
