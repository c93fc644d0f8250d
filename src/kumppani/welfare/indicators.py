"""An indicator as a trend over the years: the body's own area beside its wellbeing services county
and the whole country, as a table and as a chart drawn here on the server (inline SVG for the web
page and the PDF, PNG for the DOCX) — no JavaScript, and the table always right below the chart.

One query reads the values of all a report's indicators (`trends`)."""

import html
import io
import math
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kumppani.core.models import PublicBody
from kumppani.welfare.models import Indicator, IndicatorValue
from kumppani.welfare.sotkanet import COUNTRY_REGION

NBSP = "\xa0"
MAX_YEARS = 12
# Colours told apart also by the line's dash and the marker's shape (not by colour alone).
STYLES = (
    {"colour": "#0b5394", "dash": "", "marker": "circle"},
    {"colour": "#b45f06", "dash": "6 4", "marker": "square"},
    {"colour": "#38761d", "dash": "2 3", "marker": "triangle"},
)


def format_number(value: Decimal | None) -> str:
    """A value as Finns write it: "1 234,5" (a non-breaking space between thousands, a decimal
    comma, no trailing zeros); "–" for none."""
    if value is None:
        return "–"
    value = Decimal(value)
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    whole, _dot, decimals = text.partition(".")
    whole = whole.replace(",", NBSP)
    return f"{whole},{decimals}" if decimals else whole


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[Decimal | None, ...]  # one per year of the trend

    @cached_property
    def formatted(self) -> tuple[str, ...]:
        return tuple(format_number(value) for value in self.values)


@dataclass(frozen=True)
class Trend:
    indicator_id: int
    sotkanet_id: int
    title: str
    years: tuple[int, ...]
    series: tuple[Series, ...]

    @property
    def is_empty(self) -> bool:
        return not self.years

    @cached_property
    def rows(self) -> list[tuple[int, tuple[str, ...]]]:
        """(year, the series' values formatted) for the table, oldest year first."""
        formatted = [series.formatted for series in self.series]
        return [(year, tuple(values[i] for values in formatted)) for i, year in enumerate(self.years)]

    @cached_property
    def caption(self) -> str:
        """The table's caption."""
        return _("%(title)s: the values by year") % {"title": self.title}

    @cached_property
    def description(self) -> str:
        """The chart in words for screen readers (the <desc>): each series' first and last value."""
        if self.is_empty:
            return _("No values yet.")
        parts = []
        for series in self.series:
            known = [(year, value) for year, value in zip(self.years, series.values, strict=True) if value is not None]
            if known:
                parts.append(
                    _("%(area)s: %(first)s in %(first_year)s, %(last)s in %(last_year)s")
                    % {
                        "area": series.label,
                        "first": format_number(known[0][1]),
                        "first_year": known[0][0],
                        "last": format_number(known[-1][1]),
                        "last_year": known[-1][0],
                    }
                )
        return "; ".join(parts) + "."

    @cached_property
    def table_rows(self) -> SafeString:
        """The table's body rows, built here rather than in the template: a report page shows hundreds
        of values, and a template loop over them costs more than the rest of the page."""
        rows = []
        for year, values in self.rows:
            cells = "".join(f'<td class="num">{html.escape(value)}</td>' for value in values)
            rows.append(f'<tr><th scope="row">{year}</th>{cells}</tr>')
        return mark_safe("".join(rows))

    @cached_property
    def drawing(self) -> str:
        """The chart's grid, lines, markers and legend (chart_svg wraps them); drawn once per trend,
        however many chapters follow the indicator."""
        return chart_drawing(self)

    @property
    def svg(self) -> str:
        return chart_svg(self)

    def png(self) -> bytes:
        return chart_png(self)


def _areas(body: PublicBody) -> list[tuple[str, PublicBody | None]]:
    """(label, body) of the series: the body's own area, its county (for a municipality), the country."""
    areas = [(body.name, body)]
    if not body.is_county and body.county_id:
        areas.append((body.county.name, body.county))
    areas.append((_("Whole country"), None))
    return areas


def trends(indicators, body: PublicBody) -> dict[int, Trend]:
    """{indicator pk: its Trend for the body} in one query. The body's own series takes its hand-entered
    values first, then Sotkanet's for its region (a county); the county's and the country's come from
    Sotkanet (imported or fetched). Gender total only; the last MAX_YEARS years with any value."""
    indicators = list(indicators)
    if not indicators:
        return {}
    areas = _areas(body)
    area_ids = [area.pk for _label, area in areas if area is not None]
    pks = [indicator.pk for indicator in indicators]
    # The indicators inside each branch of the OR, and no ordering: so the database reads the areas'
    # and the country's values by their indexes instead of every body's values of the indicators.
    values = (
        IndicatorValue.objects.filter(
            Q(area_id__in=area_ids, indicator__in=pks) | Q(region=COUNTRY_REGION, indicator__in=pks), gender="total"
        )
        .order_by()
        .values_list("indicator_id", "area_id", "region", "year", "value")
    )
    # {(indicator, series index, year): value}; a hand value (region None) wins over Sotkanet's.
    table: dict[tuple[int, int, int], tuple[bool, Decimal | None]] = {}
    index_of = {area.pk if area else None: i for i, (_label, area) in enumerate(areas)}
    for indicator_id, area_id, region, year, value in values:
        series = index_of[None] if region == COUNTRY_REGION else index_of.get(area_id)
        if series is None:
            continue
        by_hand = region is None
        key = (indicator_id, series, year)
        if key not in table or (by_hand and not table[key][0]):
            table[key] = (by_hand, value)
    years_of: dict[int, set[int]] = {}
    for (indicator_id, _series, year), (_by_hand, value) in table.items():
        if value is not None:
            years_of.setdefault(indicator_id, set()).add(year)
    result = {}
    for indicator in indicators:
        years = sorted(years_of.get(indicator.pk, ()))[-MAX_YEARS:]
        series = tuple(
            Series(label, tuple(table.get((indicator.pk, s, year), (False, None))[1] for year in years))
            for s, (label, _area) in enumerate(areas)
        )
        result[indicator.pk] = Trend(indicator.pk, indicator.sotkanet_id, title(indicator), tuple(years), series)
    return result


def title(indicator: Indicator) -> str:
    """The indicator's title in the active language, else in another one, else its Sotkanet number."""
    for name in (indicator.title, indicator.title_fi, indicator.title_sv, indicator.title_en):
        if name:
            return str(name)
    return f"Sotkanet {indicator.sotkanet_id}"


def trend(indicator: Indicator, body: PublicBody) -> Trend:
    return trends([indicator], body)[indicator.pk]


# The chart ---------------------------------------------------------------------------------------

WIDTH, HEIGHT = 560, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 92  # the legend sits under the years


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


@dataclass(frozen=True)
class _Geometry:
    ticks: list[tuple[float, str]]  # (y, label)
    xs: list[float]
    lines: list[list[tuple[float, float] | None]]  # per series, per year


def _geometry(trend: Trend) -> _Geometry:
    numbers = [float(v) for s in trend.series for v in s.values if v is not None]
    low = min(0.0, min(numbers, default=0.0))
    high = _nice_max(max(numbers, default=1.0))
    plot_h = HEIGHT - TOP - BOTTOM
    plot_w = WIDTH - LEFT - RIGHT

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - (value - low) / ((high - low) or 1))

    ticks = []
    for i in range(5):
        value = low + (high - low) * i / 4
        ticks.append((y_of(value), format_number(Decimal(str(round(value, 3))))))
    count = len(trend.years)
    xs = [LEFT + (plot_w * (i + 0.5) / count if count else 0) for i in range(count)]
    lines = [
        [(xs[i], y_of(float(v))) if v is not None else None for i, v in enumerate(series.values)]
        for series in trend.series
    ]
    return _Geometry(ticks, xs, lines)


def _marker_svg(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if kind == "triangle":
        return (
            f'<polygon points="{x:.1f},{y - 5:.1f} {x - 5:.1f},{y + 4:.1f} {x + 5:.1f},{y + 4:.1f}" fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


def chart_svg(trend: Trend, ident: str = "") -> str:
    """The trend as an inline SVG with a <title> and a <desc> (role="img"); the table follows it.
    `ident` starts the ids of its title and description (unique on the page)."""
    ident = ident or f"trend-{trend.indicator_id}"
    return (
        f'<svg class="trend-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="14">'
        f'<title id="{ident}-title">{escape(trend.title)}</title>'
        f'<desc id="{ident}-desc">{escape(trend.description)}</desc>{trend.drawing}</svg>'
    )


def chart_drawing(trend: Trend) -> str:
    """The chart inside its <svg>: the grid and its labels, the years, each series' line and markers,
    and the legend."""
    parts = []
    geometry = _geometry(trend)
    for y, label in geometry.ticks:
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d0d0d0"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333">{escape(label)}</text>')
    step = max(1, len(trend.years) // 8)
    for i, (x, year) in enumerate(zip(geometry.xs, trend.years, strict=True)):
        if i % step == 0 or i == len(trend.years) - 1:
            parts.append(f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" fill="#333">{year}</text>')
    for style, points in zip(STYLES, geometry.lines, strict=False):
        segments, current = [], []
        for point in points:
            if point is None:
                if current:
                    segments.append(current)
                current = []
            else:
                current.append(point)
        if current:
            segments.append(current)
        for segment in segments:
            if len(segment) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in segment)
                dash = f' stroke-dasharray="{style["dash"]}"' if style["dash"] else ""
                parts.append(
                    f'<polyline points="{path}" fill="none" stroke="{style["colour"]}" stroke-width="2.5"{dash}/>'
                )
        parts += [_marker_svg(style["marker"], x, y, style["colour"]) for x, y in (p for p in points if p)]
    for i, (style, series) in enumerate(zip(STYLES, trend.series, strict=False)):
        y = HEIGHT - BOTTOM + 40 + i * 18
        dash = f' stroke-dasharray="{style["dash"]}"' if style["dash"] else ""
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + 30}" y1="{y - 4}" y2="{y - 4}" stroke="{style["colour"]}" '
            f'stroke-width="2.5"{dash}/>'
        )
        parts.append(_marker_svg(style["marker"], LEFT + 15, y - 4, style["colour"]))
        parts.append(f'<text x="{LEFT + 38}" y="{y}" fill="#222">{escape(series.label)}</text>')
    return "".join(parts)


def chart_png(trend: Trend, scale: int = 2) -> bytes:
    """The same chart as a PNG (for the DOCX, which cannot hold SVG), drawn with Pillow."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH * scale, HEIGHT * scale), "white")
    draw = ImageDraw.Draw(image)
    font = _font(14 * scale)
    geometry = _geometry(trend)

    def s(point):
        return (point[0] * scale, point[1] * scale)

    for y, label in geometry.ticks:
        draw.line([s((LEFT, y)), s((WIDTH - RIGHT, y))], fill="#d0d0d0", width=scale)
        draw.text(s((LEFT - 6, y)), label.replace(NBSP, " "), fill="#333333", font=font, anchor="rm")
    step = max(1, len(trend.years) // 8)
    for i, (x, year) in enumerate(zip(geometry.xs, trend.years, strict=True)):
        if i % step == 0 or i == len(trend.years) - 1:
            draw.text(s((x, HEIGHT - BOTTOM + 14)), str(year), fill="#333333", font=font, anchor="mm")
    for style, points in zip(STYLES, geometry.lines, strict=False):
        previous = None
        for point in points:
            if point is not None and previous is not None:
                draw.line([s(previous), s(point)], fill=style["colour"], width=int(2.5 * scale))
            previous = point
        for point in points:
            if point is not None:
                _marker_png(draw, style, s(point), 4 * scale)
    for i, (style, series) in enumerate(zip(STYLES, trend.series, strict=False)):
        y = HEIGHT - BOTTOM + 36 + i * 18
        draw.line([s((LEFT, y)), s((LEFT + 30, y))], fill=style["colour"], width=int(2.5 * scale))
        _marker_png(draw, style, s((LEFT + 15, y)), 4 * scale)
        draw.text(s((LEFT + 38, y)), series.label, fill="#222222", font=font, anchor="lm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


# Pillow's own font has no å, ä or ö; DejaVu Sans (which WeasyPrint uses too) has them.
FONT_FILES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans.ttf")


def _font(size: int):
    from PIL import ImageFont

    for path in FONT_FILES:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _marker_png(draw, style, centre, r) -> None:
    x, y = centre
    if style["marker"] == "square":
        draw.rectangle([x - r, y - r, x + r, y + r], fill=style["colour"])
    elif style["marker"] == "triangle":
        draw.polygon([(x, y - r * 1.2), (x - r * 1.2, y + r), (x + r * 1.2, y + r)], fill=style["colour"])
    else:
        draw.ellipse([x - r, y - r, x + r, y + r], fill=style["colour"])
