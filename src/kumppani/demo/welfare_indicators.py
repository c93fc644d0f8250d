"""Demo indicator values so that the demo welfare reports show their trends: for each indicator a
report's chapter follows, eight years of values for every wellbeing services county and the whole
country, as if imported from Sotkanet, and two years entered by hand for each body with a report.

The numbers are INVENTED for the demo (a smooth, slightly rising line around a made-up level), not
THL's figures. Run after the demo reports (`demo_welfare.load()`); running it again adds nothing."""

from decimal import Decimal

from django.utils import timezone

from kumppani.core.models import BodyKind, PublicBody
from kumppani.welfare import sotkanet
from kumppani.welfare.models import IndicatorValue, WelfareReport
from kumppani.welfare.services import indicators_in_use

YEARS = 8


def _level(sotkanet_id: int) -> Decimal:
    # A made-up level per indicator: between 3 and 60, or a population-like figure for indicator 127.
    return Decimal(50_000) if sotkanet_id == 127 else Decimal(3 + sotkanet_id % 57)


def _value(level: Decimal, region: int, step: int) -> Decimal:
    offset = Decimal((region % 13) - 6) / 20  # each area a little above or below the others
    return (level * (1 + offset) * (1 + Decimal(step) / 50)).quantize(Decimal("0.1"))


def load() -> str:
    if IndicatorValue.objects.exists():
        return "Indicator values: already there.\n"
    last = timezone.localdate().year - 1
    years = range(last - YEARS + 1, last + 1)
    county_ids = sotkanet.county_region_ids()
    counties = dict(
        PublicBody.objects.filter(kind__in=[BodyKind.COUNTY, BodyKind.CITY_COUNTY]).values_list("code", "pk")
    )
    current = {region: code for region, code in county_ids.items() if region >= 956}  # today's ids, not the older ones
    rows = []
    for indicator in indicators_in_use():
        level = _level(indicator.sotkanet_id)
        for step, year in enumerate(years):
            for region, code in [*current.items(), (sotkanet.COUNTRY_REGION, "")]:
                rows.append(
                    IndicatorValue(
                        indicator=indicator,
                        region=region,
                        area_id=counties.get(code),
                        year=year,
                        value=_value(level, region, step),
                    )
                )
            if step >= YEARS - 2:
                for body_id in WelfareReport.objects.order_by().values_list("body_id", flat=True).distinct():
                    rows.append(
                        IndicatorValue(
                            indicator=indicator,
                            region=None,
                            area_id=body_id,
                            year=year,
                            value=_value(level, body_id, step + 3),
                        )
                    )
    IndicatorValue.objects.bulk_create(rows)
    return f"Indicator values (invented for the demo): {len(rows)}.\n"
