"""A chart slide's room: the same chart in every language, clear of the title's rule,
a proportion's legend right under what it explains on a totem, a donut's total inside
its ring."""

from __future__ import annotations

import math

import pytest
from PySide6.QtWidgets import QGraphicsLineItem

from kiosk.show.audit import audit
from kiosk.show.charts.base import CountLabel
from kiosk.show.render import render_slide
from kiosk.show.textbox import TextBox
from tests import decks
from tests.show.test_charts import chart_of

WAFFLE = {"kind": "proportion", "style": "waffle",
          "total": {"label": decks.both("主体工程投资", "Main works"), "value": 481,
                    "unit": decks.both("亿元", "100m yuan")},
          "parts": [{"label": decks.both("资本金", "Capital"), "value": 157},
                    {"label": decks.both("贷款", "Loans"), "value": 324}]}
LONG_IN_ENGLISH = decks.both("资金来源", "Who Paid for the Main Bridge of the Crossing, "
                             "Its Tunnel and Its Islands")


def _drawn(loaded, cfg, language):
    _image, view = render_slide(loaded, cfg, 0, tuple(cfg.display.design_size), language)
    return view, chart_of(view)


@pytest.mark.parametrize("portrait", [False, True])
def test_a_waffle_has_one_grid_in_both_languages_whatever_the_title(qapp, tmp_path,
                                                                    portrait):
    """A title two lines longer in English redrew the grid in other columns: a visitor
    who switched language saw another chart."""
    cfg = decks.config(portrait=portrait)
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(WAFFLE,
                                                                title=LONG_IN_ENGLISH)), cfg)
    grids = []
    for language in ("zh", "en"):
        _view, chart = _drawn(loaded, cfg, language)
        rows = sorted({round(cell.mapRectToScene(cell.childrenBoundingRect()
                                                  | cell.rect()).top())
                       for cell in chart.cells})
        columns = sum(1 for cell in chart.cells
                      if round(cell.mapRectToScene(cell.rect()).top()) == rows[0])
        side = chart.cells[1].rect().left() - chart.cells[0].rect().left()
        grids.append((columns, len(rows), round(side)))
    assert grids[0] == grids[1]


@pytest.mark.parametrize("style", ["waffle", "funnel"])
def test_a_chart_starts_clear_of_the_title_rule(qapp, tmp_path, style):
    chart = WAFFLE if style == "waffle" else {
        "kind": "funnel", "stages": [{"label": decks.both("规划", "Planned"), "value": 320},
                                     {"label": decks.both("建成", "Built"), "value": 75}]}
    cfg = decks.config()
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart)), cfg)
    view, drawn = _drawn(loaded, cfg, "en")
    rule = next(item for item in view.childItems() if isinstance(item, QGraphicsLineItem))
    marks = [drawn.mapRectToScene(mark.rect) for mark in drawn.marks] or [
        cell.sceneBoundingRect() for cell in drawn.cells]
    gap = min(mark.top() for mark in marks) - rule.sceneBoundingRect().bottom()
    assert gap >= drawn.ctx.size("title") * 0.5  # (it was 23 px: it touched the rule)


@pytest.mark.parametrize("style", ["waffle", "donut"])
def test_on_a_totem_a_proportion_s_legend_is_right_under_its_figure(qapp, tmp_path,
                                                                      style):
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide({**WAFFLE,
                                                                 "style": style})), cfg)
    _view, chart = _drawn(loaded, cfg, "zh")
    figure = (chart.cells[-1].sceneBoundingRect().bottom() if style == "waffle"
              else chart.donut.sceneBoundingRect().bottom())
    words = [item.ink_rect() for item in chart.childItems() if isinstance(item, TextBox)
             and item.text.startswith(("主体工程投资", "资本金", "贷款"))
             and item.ink_rect().top() > figure]  # (the donut's total: in its middle)
    first = min(word.top() for word in words)
    assert 0 < first - figure < chart.ctx.size("label") * 4  # (it sat a band lower,
    # in the middle of the room left, apart from what it explains)


def test_on_a_totem_a_waffle_s_legend_entries_stand_apart(qapp, tmp_path):
    """Trial 32: under a totem's waffle the legend's entries, a value over its label,
    followed one another with no room between ("All units" read as the heading of "14
    units"): the grid took the room as if each entry were a line. They stand an em
    apart."""
    chart = {**WAFFLE, "total": {**WAFFLE["total"], "value": 34, "unit": decks.both(
        "台", "units")}, "parts": [
            {"label": decks.both("左岸电站", "Left-bank station (700 MW units)"), "value": 14},
            {"label": decks.both("右岸电站", "Right-bank station"), "value": 12},
            {"label": decks.both("地下电站", "Underground station"), "value": 6},
            {"label": decks.both("电源电站", "Auxiliary station (50 MW)"), "value": 2}]}
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(
        chart, title=decks.both("34台机组的分布", "Where the 34 Generating Units Stand"))), cfg)
    for language in ("zh", "en"):
        view, drawn = _drawn(loaded, cfg, language)
        values = sorted((c.sceneBoundingRect() for c in drawn.childItems()
                         if isinstance(c, CountLabel)), key=lambda r: r.top())
        labels = sorted((t.ink_rect() for t in drawn.childItems() if isinstance(t, TextBox)
                         and t.role == "label" and t.text), key=lambda r: r.top())
        assert len(values) == 5 and len(labels) >= 5, (language, len(values), len(labels))
        for label, value in zip(labels, values[1:], strict=False):
            assert value.top() - label.bottom() >= view.ctx.size("label") * 0.8, language
        assert audit(view) == [], language


def test_a_donut_s_total_keeps_a_one_character_unit_on_its_line(qapp, tmp_path):
    """Trial 32: at type scale 1.3 the total read "2078.7亿" over "元" alone on a line
    of its own in the hole."""
    chart = {"kind": "proportion", "style": "donut",
             "unit": decks.both("亿元", "billion yuan"), "scale": {"en": 0.1},
             "total": {"label": decks.both("工程总投资", "Total investment"), "value": 2078.7},
             "parts": [{"label": decks.both("枢纽工程", "Dam"), "value": 954.6},
                       {"label": decks.both("移民安置", "Relocation"), "value": 868.8},
                       {"label": decks.both("输变电", "Transmission"), "value": 255.3}]}
    cfg = decks.config(theme={"type_scale": 1.3})
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart)), cfg)
    view, drawn = _drawn(loaded, cfg, "zh")
    total = next(c for c in drawn.childItems() if isinstance(c, CountLabel)
                 and "2078.7" in c.final)
    assert total.final.endswith("亿元"), total.final
    assert not any(t.text == "元" for t in drawn.childItems() if isinstance(t, TextBox))
    assert audit(view) == []


def test_a_donut_s_total_clears_the_inside_of_its_ring(qapp, tmp_path):
    donut = {**WAFFLE, "style": "donut",
             "total": {**WAFFLE["total"], "value": 1050,
                       "unit": decks.both("平方公里", "square kilometres")}}
    for portrait in (False, True):
        cfg = decks.config(portrait=portrait)
        loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(donut)), cfg)
        for language in ("zh", "en"):
            _view, chart = _drawn(loaded, cfg, language)
            ring = chart.donut
            inside = ring.radius - ring.thickness / 2
            centre = ring.mapToScene(ring.centre)
            total = next(item for item in chart.childItems() if isinstance(item, CountLabel))
            said = total.sceneBoundingRect()
            corners = [said.topLeft(), said.topRight(), said.bottomLeft(), said.bottomRight()]
            far = max(math.dist((c.x(), c.y()), (centre.x(), centre.y())) for c in corners)
            assert far < inside * 0.85, (portrait, language)  # (its box's corners: at
            # 0.9 to 0.93 of the way to the ring, the letters of "1050平方公里" touched it)


def test_a_chart_s_caption_stands_apart_from_its_axis(qapp, tmp_path):
    """Trial 12: a line chart's caption stood 6 px under the years of its axis, in their
    grey and size: it read as one more of them."""
    line = {"kind": "line", "unit": decks.both("万人", "people"), "scale": {"en": 10000},
            "categories": ["1949", "1978", "2000", "2024"],
            "series": [{"name": decks.both("人口", "People"), "values": [60, 150, 420, 980]}]}
    caption = decks.both("1978年后城镇化加快", "Urbanisation sped up after 1978")
    cfg = decks.config()
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(line, caption=caption)), cfg)
    for language in ("zh", "en"):
        view, chart = _drawn(loaded, cfg, language)
        (said,) = [item for item in view.childItems() if isinstance(item, TextBox)
                   and item.text == caption[language]]
        years = [item for item in decks.items_of(chart) if isinstance(item, TextBox)
                 and item.text == "2024"]
        assert years
        gap = said.ink_rect().top() - max(year.ink_rect().bottom() for year in years)
        assert gap >= chart.ctx.size("label") * 0.8, language
        assert said.color != years[0].color  # (not the axis's grey)


@pytest.mark.parametrize("style", ["funnel", "waffle", "donut"])
def test_a_figure_and_its_legend_stand_in_the_middle_of_a_wall(qapp, tmp_path, style):
    """Trial 12: a funnel and its values filled the left two thirds of the wall, the
    right third empty, under a title across it."""
    from PySide6.QtGui import QColor

    chart = {**WAFFLE, "style": style} if style != "funnel" else {
        "kind": "funnel", "unit": decks.both("户", "households"), "stages": [
            {"label": decks.both("入户调查", "Households surveyed"), "value": 42000,
             "qualifier": "约"},
            {"label": decks.both("签约", "Agreements signed"), "value": 36000},
            {"label": decks.both("回迁", "Chose to move back to the same street"),
             "value": 14000, "qualifier": "近"}]}
    cfg = decks.config()
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart)), cfg)
    inked = []  # (in both languages: the group centred as the wider is, one place in
    for language in ("zh", "en"):  # each, trial 31)
        image, view = render_slide(loaded, cfg, 0, (1920, 1080), language)
        rule = next(item for item in view.childItems() if isinstance(item, QGraphicsLineItem))
        top = round(rule.sceneBoundingRect().bottom()) + 30
        inked += [x for x in range(0, 1920, 2) if any(
            QColor(image.pixel(x, y)).lightness() > 120 for y in range(top, 900, 6))]
    middle = (min(inked) + max(inked)) / 2
    assert abs(middle - 960) < 1920 * 0.04, (min(inked), max(inked))


@pytest.mark.parametrize("style", ["waffle", "donut"])
def test_a_figure_beside_its_legend_stands_at_one_place_in_every_language(
        qapp, tmp_path, style):
    """Trial 31: the group of a figure and its legend was centred in each language on
    its own, and a legend's longer English words moved the donut 115 px, the waffle 140,
    as a visitor switched. The figure stands at one place."""
    chart = {**WAFFLE, "style": style, "parts": [
        {"label": decks.both("水工遗存", "Hydraulic works (locks, dams, embankments)"),
         "value": 157},
        {"label": decks.both("遗址", "Archaeological sites"), "value": 324}]}
    cfg = decks.config()
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart)), cfg)
    lefts = {}
    for language in ("zh", "en"):
        _view, drawn = _drawn(loaded, cfg, language)
        figure = drawn.cells if style == "waffle" else [drawn.donut]
        lefts[language] = min(item.sceneBoundingRect().left() for item in figure)
    assert abs(lefts["zh"] - lefts["en"]) < 2, lefts


def test_bars_take_the_room_their_language_s_title_leaves(qapp, tmp_path):
    """Trial 13: bars under a one-line Chinese title kept the height they had under the
    English three, half the wall empty under them. Only a waffle, whose grid is made for
    its room's shape, keeps one height in every language."""
    bars = {"kind": "bar", "unit": decks.both("万千瓦", "GW"), "scale": {"en": 0.01},
            "categories": [decks.both(f"{n}市", f"City {n}") for n in range(1, 6)],
            "series": [{"name": decks.both("风电", "Wind"), "values": [120, 460, 380, 95, 210]}]}
    title = decks.both("各地新增风电装机", "How Each of the Province's Prefectures Has Added "
                       "New Wind Capacity Since the Start of the Fourteenth Five-Year Plan")
    cfg = decks.config()
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(bars, title=title)), cfg)
    heights = {}
    for language in ("zh", "en"):
        _view, chart = _drawn(loaded, cfg, language)
        heights[language] = chart.rect().height()
    assert heights["zh"] > heights["en"] + 100


def test_bars_over_years_keep_no_room_for_names_they_do_not_have(qapp, tmp_path):
    """Trial 13, at type scale 1.3: under 2019 … 2024 the bars kept the room of three
    lines of names, and their plot was squeezed to half the chart."""
    bars = {"kind": "bar", "unit": "%", "labels": True,
            "categories": ["2019", "2020", "2021", "2022", "2023", "2024"],
            "series": [{"name": decks.both("同比变化", "Change"),
                        "values": [3.2, -1.5, 4.8, -2.7, -6.9, -11.3]}]}
    cfg = decks.config(theme={"type_scale": 1.3})
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(bars)), cfg)
    _view, chart = _drawn(loaded, cfg, "zh")
    years = [item for item in decks.items_of(chart) if isinstance(item, TextBox)
             and item.text == "2024"]
    assert years
    under = chart.rect().bottom() - years[0].ink_rect().bottom()
    assert under < chart.ctx.size("label") * 1.5  # (no empty lines' room under them)
    assert chart.plot.height() > chart.rect().height() * 0.75


def test_a_large_type_scale_leaves_a_bar_chart_its_height(qapp, tmp_path):
    """Trial 40 at type scale 1.3: a title of two lines and a citation of three works
    left a bar chart of year-on-year changes 300 px high, its bars slivers, where the
    default drew it 540: the slide's type is made smaller before its chart is."""
    chart = {"kind": "bar", "unit": "%", "labels": True,
             "categories": ["2019", "2020", "2021", "2022", "2023", "2024"],
             "series": [{"name": decks.both("较上年增减", "Change on the year"),
                         "values": [11.7, -59.6, 38.2, -42.5, 312.4, 8.9]}]}
    source = decks.both(
        "资料来源：敦煌研究院《敦煌石窟保护与研究年度报告（2023）》；樊锦诗主编《敦煌莫高窟内容总录"
        "（修订本）》；甘肃省文物局《甘肃省世界文化遗产监测年报》",
        "Sources: Dunhuang Academy, Annual Report on the Conservation and Study of the "
        "Dunhuang Grottoes (2023); Fan Jinshi (ed.), A Comprehensive Catalogue of the Mogao "
        "Caves (rev. ed.); Gansu Provincial Cultural Heritage Bureau, World-Heritage "
        "Monitoring Yearbook (illustrative figures, not real statistics)")
    title = decks.both("年接待量较上年变化", "Year-on-year Change in Visitors (per cent)")
    data = decks.deck(decks.chart_slide(chart, title=title), source=source)
    heights = {}
    for scale in (1.0, 1.3):
        cfg = decks.config(theme={"type_scale": scale})
        view, bars = _drawn(decks.built(tmp_path, data, cfg), cfg, "en")
        heights[scale] = bars.plot.height()
        assert audit(view) == []
    assert heights[1.3] >= heights[1.0] * 0.66, heights
