"""`{% load kumppani %}`: the page in another language, a content field in the active language,
query strings for pagination and sorting links, breadcrumbs, a form's problems for the error summary
and money as Finns write it."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.template.defaultfilters import linebreaksbr
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.encoding import iri_to_uri
from django.utils.html import format_html
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language: str) -> str:
    """The current page in another language (the same path under another language prefix)."""
    request = context["request"]
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name is None:
        return translate_url(request.get_full_path(), language)
    # translate_url() without resolving the path again: the request has its match already.
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with override(language):
        try:
            path = reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return translate_url(request.get_full_path(), language)
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{iri_to_uri(query)}" if query else path


@register.simple_tag(takes_context=True)
def include_once(context, template_name: str) -> str:
    """`{% include %}` that renders the template once per page and repeats its output where the page
    shows it again (the header's menus appear twice: in the wide header and behind the phone menu
    button)."""
    rendered = context.render_context.get("kumppani_include_once")
    if rendered is None:
        rendered = context.render_context["kumppani_include_once"] = {}
    if template_name not in rendered:
        rendered[template_name] = context.template.engine.get_template(template_name).render(context)
    return rendered[template_name]


@register.filter
def translated(obj, field: str) -> str:
    """A content field in the active language, falling back to Finnish."""
    return getattr(obj, f"{field}_{get_language()}", None) or getattr(obj, f"{field}_fi", "") or ""


@register.simple_tag
def content(obj, field: str, line_breaks: bool = False) -> str:
    """A text an NGO or a body wrote, in the active language; on a Swedish or English page a text
    written only in Finnish is shown in Finnish, marked as Finnish for screen readers and for the
    reader ("only in Finnish"). `line_breaks` keeps the writer's line breaks."""
    language = get_language()
    text = getattr(obj, f"{field}_{language}", None) or ""
    if not text:
        finnish = getattr(obj, f"{field}_fi", None) or ""
        if finnish and language != "fi":
            return format_html(
                '<span lang="fi">{}</span> <span class="only-in-finnish">({})</span>',
                linebreaksbr(finnish) if line_breaks else finnish,
                _("only in Finnish"),
            )
        text = finnish
    return linebreaksbr(text) if line_breaks else text


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (for pagination and sorting links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()


@register.filter
def audit_action(entry) -> str:
    from kumppani.core.audit import action_label

    return action_label(entry.action)


@register.simple_tag
def audit_field(entry, field: str) -> str:
    from kumppani.core.audit import field_label

    return field_label(entry.object_type, field)


@register.simple_tag
def audit_value(entry, field: str, value) -> str:
    from kumppani.core.audit import value_label

    return value_label(entry.object_type, field, value)


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, *trail):
    """Where a page sits: {% breadcrumbs url1 label1 url2 label2 … current %} — pairs of an address and
    its name from the front page down, and last the name of this page (shown without a link)."""
    *pairs, current = trail
    links = [(pairs[i], pairs[i + 1]) for i in range(0, len(pairs) - 1, 2)]
    return {"links": links, "current": current}


@register.simple_tag
def form_problems(*forms_and_formsets) -> list[tuple[str, str, str]]:
    """(anchor, label, message) of every error of the given forms and formsets, in their order, for
    the error summary at the top of a page: the anchor is the field's input (the first box of a group)."""
    problems = []
    forms = []
    for item in forms_and_formsets:
        if item is None or item == "":
            continue
        if hasattr(item, "forms"):  # a formset
            problems += [("", "", message) for message in item.non_form_errors()]
            forms += list(item.forms)
        else:
            forms.append(item)
    for form in forms:
        if not form.is_bound:
            continue
        problems += [("", "", message) for message in form.non_field_errors()]
        for field in form:
            if field.is_hidden:
                problems += [("", "", message) for message in field.errors]
                continue
            anchor = field.id_for_label or (f"{field.auto_id}_0" if field.auto_id else "")
            problems += [(anchor, field.label, message) for message in field.errors]
    return problems


@register.filter
def euros(value, cents: str = "auto") -> str:
    """Money as Finns write it, in every language (DESIGN §5): "1 234,50 €", "5 €". With "auto" a
    whole amount has no cents; with "always" it has ",00". Non-breaking spaces keep it on one line."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    text = f"{abs(amount):,.2f}"
    if cents == "auto" and text.endswith(".00"):
        text = text[:-3]
    text = text.replace(",", "\xa0").replace(".", ",")
    return f"{'-' if amount < 0 else ''}{text}\xa0€"
