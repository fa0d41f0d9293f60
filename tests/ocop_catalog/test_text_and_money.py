import unicodedata
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from ocop_catalog.money import format_vnd
from ocop_catalog.text import fold, nfc, slugify_vi

NBSP = "\u00a0"


def test_nfd_input_is_stored_as_nfc():
    decomposed = unicodedata.normalize("NFD", "Nước mắm Đà Nẵng")
    assert len(decomposed) == 24
    assert nfc(decomposed) == "Nước mắm Đà Nẵng"
    assert len(nfc(decomposed)) == 16


def test_folding_strips_marks_and_maps_d_with_stroke():
    assert fold("Nước mắm  ĐÀ NẴNG") == "nuoc mam da nang"
    assert fold(unicodedata.normalize("NFD", "Chè Thái Nguyên")) == "che thai nguyen"


def test_vietnamese_slug_keeps_the_d():
    assert slugify_vi("Đặc sản Đà Nẵng") == "dac-san-da-nang"


@pytest.mark.parametrize(
    ("amount", "shown"),
    [(120000, f"120.000{NBSP}₫"), (Decimal("1500000"), f"1.500.000{NBSP}₫"), (5000, f"5.000{NBSP}₫"), (0, f"0{NBSP}₫")],
)
def test_vnd_is_shown_with_dot_thousands_and_no_decimals(amount, shown):
    assert format_vnd(amount) == shown


@pytest.mark.parametrize("language", ["vi", "en"])
def test_oscar_currency_filter_formats_vnd_the_vietnamese_way_in_any_language(language):
    with translation.override(language):
        rendered = Template("{% load currency_filters %}{{ price|currency:'VND' }}").render(
            Context({"price": Decimal("120000")})
        )
    assert rendered == f"120.000{NBSP}₫"
