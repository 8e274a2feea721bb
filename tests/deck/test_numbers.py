"""Key figures as text: decimals, grouping, Chinese units and qualifiers where they belong."""

from __future__ import annotations

import pytest

from kiosk.deck.model import Figure
from kiosk.deck.numbers import figure_text, format_number
from kiosk.deck.precision import decimals_of


def fig(**fields) -> Figure:
    return Figure.model_validate({"label": "x", **fields})


@pytest.mark.parametrize(("fields", "zh", "en"), [
    ({"value": 1.74, "unit": {"zh": "万亿元", "en": "trillion yuan"}},
     "1.74万亿元", "1.74 trillion yuan"),
    ({"value": 1500, "qualifier": "余", "unit": {"zh": "家", "en": "firms"}},
     "1500余家", "over 1,500 firms"),
    ({"value": 50, "qualifier": "多", "unit": {"zh": "所", "en": "universities"}},
     "50多所", "more than 50 universities"),
    ({"value": 3500, "qualifier": "近", "unit": {"zh": "项", "en": "items"}},
     "近3500项", "nearly 3,500 items"),
    ({"value": 30, "qualifier": "左右", "unit": {"zh": "家", "en": "labs"}},
     "30家左右", "about 30 labs"),
    ({"value": 1, "qualifier": "突破", "unit": {"zh": "万家", "en": "firms"},
      "values": {"en": 10000}}, "突破1万家", "over 10,000 firms"),
    ({"value": 1000, "qualifier": "逾", "unit": {"zh": "年", "en": "years"}},
     "逾1000年", "over 1,000 years"),  # (trial 27: 逾 was refused)
    ({"value": 7.2, "unit": {"zh": "万元", "en": "yuan"}, "values": {"en": 72000}},
     "7.2万元", "72,000 yuan"),
    ({"value": 81.9, "unit": "%"}, "81.9%", "81.9%"),
    ({"value": 100, "unit": "%"}, "100%", "100%"),
    ({"value": 294, "unit": {"zh": "公里", "en": "km"}}, "294公里", "294 km"),
    ({"value": 1.7, "decimals": 2, "unit": "倍"}, "1.70倍", "1.70 倍"),
    ({"value": 12.5, "unit": {"zh": "亿", "en": "100 million"}}, "12.5亿", "12.5 100 million"),
    ({"text": {"zh": "第一", "en": "No. 1"}}, "第一", "No. 1"),
    ({"value": 1.5, "unit": {"zh": "亿元", "en": "yuan"}, "values": {"en": 150000000}},
     "1.5亿元", "150 million yuan"),  # (trial 6: "150,000,000 yuan")
    ({"value": 3.85, "unit": {"zh": "亿人次", "en": "trips"}, "values": {"en": 3850000000}},
     "3.85亿人次", "3.85 billion trips"),
    ({"value": 1234567, "unit": {"zh": "人", "en": "people"}}, "1,234,567人",
     "1,234,567 people"),  # (not 1.234567 million: as written)
    ({"value": 999999999, "unit": {"zh": "元", "en": "yuan"}}, "999,999,999元",
     "999,999,999 yuan"),  # (not rounded to 1 billion)
    ({"value": 5.18, "decimals": 2, "unit": {"zh": "亿年", "en": "years"},
      "values": {"en": 518000000}}, "5.18亿年", "518 million years"),  # (trial 10: the
    # decimals are the Chinese number's; English read "518,000,000 years")
    ({"value": 13.24, "decimals": 2, "unit": {"zh": "亿吨", "en": "tonnes"},
      "values": {"en": 1324000000}}, "13.24亿吨", "1,324 million tonnes"),  # (trial 21:
    # "1,324,000,000 tonnes", where 1.324 billion would take a third decimal)
    ({"value": 22_500_000_000_000, "unit": {"zh": "千瓦时", "en": "kWh"}}, "22.5万亿千瓦时",
     "22.5 trillion kWh"),  # (trial 32: "22,500,000,000,000千瓦时" in Chinese)
    ({"value": 58000, "unit": {"zh": "吨", "en": "tonnes"}}, "58,000吨", "58,000 tonnes"),
])
def test_figure_text(fields, zh, en):
    figure = fig(**fields)
    assert str(figure_text(figure, "zh", "zh")) == zh
    assert str(figure_text(figure, "en", "zh")) == en


def test_a_year_is_written_without_a_thousands_separator():
    """Trial 8: 1004年 read "1,004 AD" in English."""
    figure = fig(value=1004, unit={"zh": "年", "en": "AD"})
    assert str(figure_text(figure, "zh", "zh")) == "1004年"
    assert str(figure_text(figure, "en", "zh")) == "1004 AD"
    bc = fig(value=1046, unit={"zh": "年", "en": "BC"}, qualifier="约")
    assert str(figure_text(bc, "en", "zh")) == "about 1046 BC"


def test_a_chinese_year_is_a_year_in_english_too():
    """Trial 12: 1978年 read "1,978 年" on the English screen (its unit untranslated,
    a thousands separator in a year); two thousand years and more is still a count."""
    year = fig(value=1978, unit={"zh": "年"})
    assert str(figure_text(year, "zh", "zh")) == "1978年"
    assert str(figure_text(year, "en", "zh")) == "1978"
    assert str(figure_text(fig(value=2000, unit="年", qualifier="余"), "en", "zh")) == \
        "over 2,000 年"  # (a length of time: the unit wants its translation, check says)
    assert str(figure_text(fig(value=1500, unit={"zh": "年", "en": "years"}), "en",
                           "zh")) == "1,500 years"


def test_a_figure_in_millions_counts_in_millions():
    figure = fig(value=1.5, unit={"zh": "亿元", "en": "yuan"}, values={"en": 150000000})
    assert str(figure_text(figure, "en", "zh", 0.0)) == "0 million yuan"
    assert str(figure_text(figure, "en", "zh", 73400000)) == "73 million yuan"


def test_counting_values_keep_the_figures_decimals():
    figure = fig(value=1.74, unit="万亿元")
    assert figure_text(figure, "zh", "zh", 0.0).number == "0.00"
    assert figure_text(figure, "zh", "zh", 0.8700001).number == "0.87"
    assert figure_text(figure, "zh", "zh", 1.7399999).number == "1.74"
    assert figure_text(figure, "zh", "zh", -0.0001).number == "0.00"  # never "-0.00"


@pytest.mark.parametrize(("value", "decimals"), [
    (1.74, 2), (7.2, 1), (81.9, 1), (1500, 0), (1500.0, 0), (0.1 + 0.2, 1), (100, 0)])
def test_decimals_as_written(value, decimals):
    assert decimals_of(value) == decimals


@pytest.mark.parametrize(("value", "decimals", "lang", "text"), [
    (3500, 0, "zh", "3500"), (3500, 0, "en", "3,500"), (10000, 0, "zh", "10,000"),
    (299792458, 0, "zh", "299,792,458"), (9999.5, 1, "zh", "9999.5"),
    (72000, 0, "en", "72,000"), (1234.5, 1, "en", "1,234.5"), (12345.6, 1, "en", "12,345.6"),
    (float("nan"), 0, "en", "–"),
])
def test_format_number(value, decimals, lang, text):
    assert format_number(value, decimals, lang) == text


def test_a_number_of_15_digits_is_shown_as_written():
    """Its binary neighbour has more decimals (…9.90625): the text the author wrote counts."""
    from kiosk.deck.precision import showable

    assert decimals_of(99999999999999.9) == 1
    assert showable(99999999999999.9) == 99999999999999.9
    assert format_number(99999999999999.9, 1, "en") == "99,999,999,999,999.9"


def test_a_number_that_rounds_up_to_the_next_unit_is_written_in_it():
    from kiosk.deck.numbers import compact_step

    assert compact_step(999_999_999_999, "zh", axis=False) == (1e12, "万亿")  # not 10,000亿
    assert compact_step(999_940_000_000, "zh", axis=False) == (1e8, "亿")  # 9,999.4亿
    assert compact_step(999_999_999_999, "en", axis=False) == (1e12, " trillion")


def test_nothing_is_written_in_no_magnitude():
    """A bar of 0 in 万元 read "0万元"; 0 billion yuan likewise."""
    from kiosk.deck.numbers import regrouped

    assert regrouped(0, "万元", "zh")[1] == "元"
    assert regrouped(0, "billion yuan", "en")[1] == "yuan"
    assert regrouped(3.5, "万元", "zh") == (1.0, "万元")


@pytest.mark.parametrize(("text", "year"), [
    ("1949", 1949.0), ("-540", -540.0), ("1293年", 1293.0), ("前486年", -486.0),
    ("公元前221年", -221.0), ("486 BC", -486.0), ("AD 605", 605.0), ("605 CE", 605.0),
    ("Today", None), ("605—610年", None), ("二〇二四年", None)])
def test_a_category_reads_as_a_year_as_its_reader_writes_it(text, year):
    from kiosk.deck.numbers import year_number

    assert year_number(text) == year


def test_a_count_of_one_takes_its_unit_in_the_singular():
    """Trial 24: "1 cases" on a compare chart, on a medical hall's wall."""
    from kiosk.deck.numbers import quantity

    said = {unit: str(quantity("1", unit, None, "en")) for unit in (
        "cases", "doses of vaccine", "countries", "children", "boxes", "buses", "people",
        "species", "km", "kWh", "%", "million doses")}
    assert said == {"cases": "1 case", "doses of vaccine": "1 dose of vaccine",
                    "countries": "1 country", "children": "1 child", "boxes": "1 box",
                    "buses": "1 bus", "people": "1 person", "species": "1 species",
                    "km": "1 km", "kWh": "1 kWh", "%": "1%",
                    "million doses": "1 million doses"}
    assert str(quantity("2", "cases", None, "en")) == "2 cases"
    assert str(quantity("1.0", "cases", None, "en")) == "1.0 cases"
