"""A compare chart's rows are measures of their own: each writes its values with its
own decimals, and a row's two values in one magnitude, in every language."""

from __future__ import annotations

import pytest

from kiosk.config import Config
from kiosk.show.charts.base import CountLabel
from kiosk.show.render import render_slide
from tests import decks
from tests.show.test_charts import chart_of

CITY = {"kind": "compare", "before_label": decks.both("2000年", "2000"),
        "after_label": decks.both("2024年", "2024"),
        "items": [
            {"label": decks.both("平均单程通勤时间", "Average one-way commute"),
             "before": 48, "after": 36, "unit": decks.both("分钟", "min")},
            {"label": decks.both("自来水普及率", "Homes with piped water"),
             "before": 86.0, "after": 100.0, "unit": "%"},
            {"label": decks.both("住房支出", "Public spending on housing"),
             "before": 0.85, "after": 15.2, "unit": decks.both("亿元", "yuan"),
             "scale": {"en": 100000000}}]}


def _said(tmp_path, chart, language):
    cfg = decks.config()
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart)), cfg)
    _image, view = render_slide(loaded, cfg, 0, (1920, 1080), language)
    drawn = chart_of(view)
    return [item.final for item in drawn.childItems() if isinstance(item, CountLabel)]


@pytest.mark.parametrize(("language", "written"), [
    ("zh", ["48分钟", "36分钟", "86.0%", "100.0%", "0.85亿元", "15.2亿元"]),
    ("en", ["48 min", "36 min", "86.0%", "100.0%", "85 million yuan",
            "1,520 million yuan"]),
])
def test_each_row_keeps_its_own_decimals_and_its_pair_one_magnitude(qapp, tmp_path,
                                                                   language, written):
    """86.0 (a row written with its zero) and 0.85 in another row wrote every value with
    two decimals: 48.00分钟, 100.00%. And 0.85亿 beside 15.2亿 read "85 million yuan"
    beside "1.52 billion yuan" in English: two magnitudes in a pair compared."""
    assert _said(tmp_path, CITY, language) == written


def test_a_chart_s_decimals_still_write_every_row_alike(qapp, tmp_path):
    assert _said(tmp_path, {**CITY, "decimals": 1}, "zh") == [
        "48.0分钟", "36.0分钟", "86.0%", "100.0%", "0.9亿元", "15.2亿元"]


def test_a_row_s_note_stands_nearer_its_own_bars_than_the_next_row(qapp, tmp_path):
    """Trial 12: "2000年尚无地铁" stood as close to the next row's bars as to its own
    value, and read as that row's heading."""
    from kiosk.show.textbox import TextBox

    items = [{**item} for item in CITY["items"]]
    items[0]["note"] = decks.both("缩短12分钟", "12 minutes shorter")
    items.insert(1, {"label": decks.both("地铁运营里程", "Metro in service"), "after": 580,
                     "qualifier": "超", "unit": decks.both("公里", "km"),
                     "note": decks.both("2000年尚无地铁", "No metro in 2000")})
    chart = {**CITY, "items": [*items, {"label": decks.both("公园", "Parks"), "before": 6.2,
                                        "after": 15.9, "unit": "m²"}]}
    cfg = decks.config()
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart)), cfg)
    for language in ("zh", "en"):
        _image, view = render_slide(loaded, cfg, 0, (1920, 1080), language)
        drawn = chart_of(view)
        said = sorted((item.sceneBoundingRect() for item in drawn.childItems()
                       if isinstance(item, CountLabel)), key=lambda r: r.top())
        for n in (0, 1):
            note = next(item.ink_rect() for item in drawn.childItems()
                        if isinstance(item, TextBox)
                        and item.text == chart["items"][n]["note"][language])
            above = max(r.bottom() for r in said if r.center().y() < note.top())
            below = min(r.top() for r in said if r.center().y() > note.bottom())
            assert below - note.bottom() > max(0.0, note.top() - above) + drawn.ctx.size(
                "label") * 0.8, (language, n)  # (it was 13 px from the next row's value)


def test_a_rows_qualifier_is_its_later_values(qapp, tmp_path):
    """Trial 17: a row "over 600 satellites" said "over 142" of 2014 as well, a claim the
    source made only of now."""
    compare = {"kind": "compare", "before_label": "2014", "after_label": "2024",
               "items": [{"label": decks.both("在轨卫星", "Satellites in orbit"), "before": 142,
                          "after": 600, "qualifier": "超",
                          "unit": decks.both("颗", "satellites")}]}
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(compare)))
    for language, now, then in (("zh", "超600颗", "142颗"),
                                ("en", "over 600 satellites", "142 satellites")):
        _, view = render_slide(loaded, Config(), 0, (1920, 1080), language)
        said = {c.final for c in decks.items_of(view) if isinstance(c, CountLabel)}
        assert now in said and then in said, (language, said)


def test_a_pair_no_larger_magnitude_keeps_whole_stays_in_the_author_s_unit(qapp, tmp_path):
    """Designer trial: 51200万吨 beside 110119万吨 read 5.12亿吨 beside 11.0119亿吨, a
    number no port writes; rounding it to 11.01 would say what the author did not."""
    port = {**CITY, "items": [{"label": decks.both("货物吞吐量", "Cargo"), "before": 51200,
                               "after": 110119, "unit": decks.both("万吨", "tonnes"),
                               "scale": {"en": 10000}}]}
    assert _said(tmp_path, port, "zh") == ["51,200万吨", "110,119万吨"]


def test_a_share_is_drawn_against_its_whole(qapp, tmp_path):
    """Trial 28: "about 75.8 %" of lines electrified, a unit no other row has, was drawn
    on a scale of its own as long as 162,000 km, and read as all of them. A share is
    drawn against 100 %."""
    chart = {"kind": "compare", "before_label": "1949", "after_label": "2024", "items": [
        {"label": decks.both("营业里程", "Network"), "before": 2.2, "after": 16.2,
         "unit": decks.both("万公里", "10,000 km")},
        {"label": decks.both("电气化率", "Electrified"), "before": 0, "after": 75.8,
         "qualifier": "约", "unit": "%"}]}
    cfg = decks.config()
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart)), cfg)
    _image, view = render_slide(loaded, cfg, 0, (1920, 1080), "zh")
    drawn = chart_of(view)
    longest = drawn.bars[0][-1].rect().width()
    share = drawn.bars[1][-1].rect().width()
    assert share == pytest.approx(longest * 0.758, rel=0.02), (share, longest)
