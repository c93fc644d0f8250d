"""The report page's generated parts: the NGO chapter's figures grouped for their tables, and a
chapter's evidence (`{% load welfare_chapters %}`)."""

from django import template

from kumppani.welfare import evidence, ngo_chapter
from kumppani.welfare.models import ChapterKind

register = template.Library()


@register.simple_tag
def ngo_figures(chapter) -> list[tuple[str, list[ngo_chapter.Figure]]]:
    """[(group, [figure, ...]), ...] in the order the figures come."""
    groups: dict[str, list[ngo_chapter.Figure]] = {}
    for figure in ngo_chapter.figures(chapter):
        groups.setdefault(figure.group, []).append(figure)
    return list(groups.items())


@register.simple_tag
def chapter_evidence(chapter) -> list[evidence.Evidence]:
    return evidence.for_chapter(chapter)


@register.simple_tag
def has_ngo_chapter(chapters) -> bool:
    return any(chapter.kind == ChapterKind.NGO for chapter in chapters)
