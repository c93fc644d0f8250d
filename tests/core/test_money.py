"""Money reads as Finns write it in every language: 1 234,50 €, and a whole fee as 5 €."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from kumppani.grants.euros import format_euros

NBSP = "\xa0"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_money_is_written_the_same_way_in_every_language(language):
    with translation.override(language):
        page = Template("{% load kumppani %}{{ a|euros }}|{{ b|euros }}|{{ c|euros:'always' }}|{{ d|euros }}").render(
            Context({"a": Decimal("1234.5"), "b": Decimal("5.00"), "c": Decimal("5"), "d": None})
        )
        assert page == f"1{NBSP}234,50{NBSP}€|5{NBSP}€|5,00{NBSP}€|"
        assert format_euros(Decimal("1234.5")) == f"1{NBSP}234,50{NBSP}€"
        assert format_euros(Decimal("-20")) == f"-20,00{NBSP}€"
