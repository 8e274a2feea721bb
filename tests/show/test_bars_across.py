"""Bars across: where names under upright bars would be cut or broken (long names, a
narrow screen), the bars grow across with their names whole at their left."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QColor

from kiosk.show.charts.across import BarsAcross
from kiosk.show.charts.base import CountLabel
from kiosk.show.charts.series import SeriesView
from kiosk.show.layoutcheck import layout_problems
from kiosk.show.render import context, render_slide
from kiosk.show.textbox import TextBox
from tests import decks
from tests.show.test_charts import chart_of

MUSEUMS = {
    "kind": "bar", "labels": True, "unit": decks.both("万人次", "10k visits"),
    "categories": [decks.both("玄武区城市规划展览馆", "Xuanwu Urban Planning Exhibition Hall"),
                   decks.both("秦淮区科举博物馆", "Imperial Examination Museum of Qinhuai"),
                   decks.both("江宁织造博物馆", "Jiangning Imperial Silk Manufacturing Museum"),
                   decks.both("六合区民俗文化馆", "Luhe Folk Culture Centre"),
                   decks.both("浦口火车站旧址陈列馆", "Pukou Railway Station Heritage Gallery")],
    "series": [{"name": decks.both("2024年", "2024"), "values": [120, 85.5, 64, -22, 41]}],
}


def chart_at(loaded, cfg, language):
    image, view = render_slide(loaded, cfg, 0, tuple(cfg.display.design_size), language)
    return image, view, chart_of(view)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_long_names_on_a_totem_are_written_whole_beside_bars_across(qapp, tmp_path,
                                                                     language):
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(MUSEUMS)), cfg)
    _image, _view, chart = chart_at(loaded, cfg, language)
    assert isinstance(chart, BarsAcross)
    names = {c.get_text(language, "zh") for c in loaded.deck.slides[0].chart.categories}
    boxes = [item for item in chart.childItems() if isinstance(item, TextBox)
             and item.text in names]
    assert len(boxes) == 5 and not any(box.elided for box in boxes)
    assert all(box.font_size == box.requested_size for box in boxes)  # not made small
    # each name just above its own bar (a totem: the bars take the whole width), in the
    # order of the categories
    assert chart.stacked
    rows = [chart.mapRectToScene(mark.rect) for mark in chart.marks]
    for box, bar in zip(sorted(boxes, key=lambda b: b.scenePos().y()), rows, strict=True):
        ink = box.ink_rect()
        assert ink.bottom() <= bar.top() + 1
        assert bar.top() - ink.bottom() < chart.ctx.size("label") * 1.5
    assert chart.plot.width() > chart.ctx.width * 0.6  # (its plot was 120 px of 1080)
    from PySide6.QtWidgets import QGraphicsLineItem

    lines = [item.sceneBoundingRect() for item in chart.childItems()
             if isinstance(item, QGraphicsLineItem)]
    assert lines and not any(line.intersects(box.ink_rect()) for line in lines
                             for box in boxes)  # (grid lines run by the bars, not the names)
    assert layout_problems(loaded, cfg) == []


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_totem_s_rows_fill_its_room_under_unbroken_grid_lines(qapp, tmp_path, language):
    """Five rows on a totem: spread over most of the room under the title (they took
    less than half of it, bunched in the middle), each name right above its bars, and
    the grid lines broken only where a name is written across them (a line cut at every
    row read as a fault)."""
    from PySide6.QtWidgets import QGraphicsLineItem

    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(MUSEUMS)), cfg)
    _image, _view, chart = chart_at(loaded, cfg, language)
    rows = [chart.mapRectToScene(mark.rect) for mark in chart.marks]
    assert rows[-1].bottom() - rows[0].top() > chart.ctx.content.height() * 0.5
    pitch = rows[1].top() - rows[0].top()
    written = {c.get_text(language, "zh") for c in loaded.deck.slides[0].chart.categories}
    names = sorted((item.ink_rect() for item in chart.childItems()
                    if isinstance(item, TextBox) and item.text in written),
                   key=lambda r: r.top())
    for name, bar in zip(names, rows, strict=True):
        assert 0 <= bar.top() - name.bottom() < pitch * 0.3  # its own bar's, not the air's
    lines: dict[float, list] = {}
    for item in chart.childItems():
        if isinstance(item, QGraphicsLineItem):
            lines.setdefault(round(item.line().x1(), 1), []).append(item.sceneBoundingRect())
    plot = chart.mapRectToScene(chart.plot)
    values = [item.sceneBoundingRect() for item in chart.childItems()
              if isinstance(item, CountLabel)]  # (a value written across breaks it too)
    for spans in lines.values():
        crossed = [n for n in names + values if n.left() <= spans[0].center().x() <= n.right()]
        assert len(spans) <= len(crossed) + 1  # (one line where no name crosses it)
        assert sum(s.height() for s in spans) > plot.height() - sum(
            n.height() + chart.ctx.size("label") for n in crossed)


def test_bar_lengths_on_screen_are_in_proportion_to_the_data(qapp, tmp_path):
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(MUSEUMS)), cfg)
    image, _, chart = chart_at(loaded, cfg, "zh")
    palette = context(loaded, cfg, "zh").palette
    values = chart.chart.series[0].values
    lengths = []
    for mark, value in zip(chart.marks, values, strict=True):
        colour = QColor(palette.series(0 if value >= 0 else 1))  # (a fall: the next colour)
        y = round(chart.mapToScene(mark.rect.center()).y())
        lengths.append(sum(1 for x in range(image.width())
                           if abs(QColor(image.pixel(x, y)).red() - colour.red()) < 12
                           and abs(QColor(image.pixel(x, y)).green() - colour.green()) < 12
                           and abs(QColor(image.pixel(x, y)).blue() - colour.blue()) < 12))
    per_unit = max(lengths) / max(abs(v) for v in values)
    for length, value in zip(lengths, values, strict=True):
        assert length == pytest.approx(abs(value) * per_unit, abs=2)
    zero = chart.mapToScene(chart.x_of_value(0.0), 0).x()
    falling = chart.mapRectToScene(chart.marks[3].rect)
    assert falling.right() == pytest.approx(zero, abs=1)  # (−22: left of the zero line)


def test_values_are_said_past_the_ends_of_their_bars_on_the_stage(qapp, tmp_path):
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(MUSEUMS)), cfg)
    _, _, chart = chart_at(loaded, cfg, "en")
    labels = [item for item in chart.childItems() if isinstance(item, CountLabel)]
    assert [label.final for label in labels] == [
        "+120", "+85.5", "+64", "\u221222", "+41"]  # (each as written: 120, not 120.0 beside
    # 85.5; the unit said once, by the axis)
    stage = chart.ctx.safe
    for label, mark in zip(labels, chart.marks, strict=True):
        said, bar = label.sceneBoundingRect(), chart.mapRectToScene(mark.rect)
        assert stage.contains(said)
        if label.value >= 0:
            assert said.left() >= bar.right()
        else:
            assert said.right() <= bar.left()
        assert said.top() < bar.center().y() < said.bottom()


@pytest.mark.parametrize("scale", [1.0, 1.3])
@pytest.mark.parametrize("districts", [5, 12])
def test_a_chart_is_drawn_the_same_way_in_each_language(qapp, tmp_path, scale, districts):
    """Upright names fit in Chinese on a wall, not in English; the English title takes
    two lines, the Chinese one: one form in both, so a visitor who switches language
    sees the same chart."""
    chart = {**MUSEUMS, "categories": (MUSEUMS["categories"] * 3)[:districts],
             "series": [{"name": f"S{n}", "values": ([120, 85.5, 64, -22, 41] * 3)[
                 :districts]} for n in range(5)]}
    title = decks.both("各区用水结构", "Water Use by District and Sector in the Year 2024")
    cfg = decks.config(theme={"type_scale": scale})
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart, title=title)), cfg)
    kinds = {type(chart_at(loaded, cfg, language)[2]) for language in ("zh", "en")}
    assert len(kinds) == 1


def test_short_names_on_a_wall_keep_their_bars_upright(qapp, tmp_path):
    cfg = decks.config()
    years = {**MUSEUMS, "categories": ["2021", "2022", "2023", "2024", "2025"]}
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(years)), cfg)
    chart = chart_at(loaded, cfg, "en")[2]
    assert type(chart) is SeriesView


def test_bars_across_grow_from_the_zero_line(qapp, tmp_path):
    from kiosk.show.slides import build_view

    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(MUSEUMS)), cfg)
    view = build_view(loaded.deck.slides[0], context(loaded, cfg, "zh"))
    chart = chart_of(view)
    view.start(0.0)
    widths = []
    for t in (0.0, 0.5, 0.9, 4.0):
        view.step(t)
        widths.append(list(chart.bars[0].opts["width"]))
    assert all(w == 0 for w in widths[0])
    assert abs(widths[1][0]) < abs(widths[2][0]) <= abs(widths[3][0])
    assert widths[3][0] == pytest.approx(chart.x_of_value(120) - chart.x_of_value(0))


def test_many_upright_bars_set_every_second_name_lower_rather_than_cut_one(qapp, tmp_path):
    """Seventeen stations on a wall: too many for bars across, and "Wudaoliang" is
    wider than its bar's slot: it was cut to "Wudaoli…"."""
    stations = ["Xining", "Haiyan", "Gangca", "Delingha", "Ulan", "Golmud", "Naij Tal",
                "Wudaoliang", "Tuotuohe", "Yanshiping", "Tanggula", "Amdo", "Nagqu",
                "Damxung", "Yangbajain", "Lhasa", "Nyingchi"]
    chart_data = {"kind": "bar", "unit": "°C", "categories": stations, "series": [
        {"name": "Mean", "values": [6.1, 1.2, -0.3, 4.0, 3.1, 5.3, 1.5, -5.2, -4.2, -5.5,
                                    -6.0, -2.8, -1.2, 1.9, 2.4, 8.0, 8.7]}]}
    cfg = decks.config()
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart_data), languages=[
        "en"]), cfg)
    _image, _view, chart = chart_at(loaded, cfg, "en")
    assert type(chart) is SeriesView
    boxes = {item.text: item for item in chart.childItems() if isinstance(item, TextBox)
             and item.text in stations}
    assert set(boxes) == set(stations) and not any(box.elided for box in boxes.values())
    assert all(len(box.lines) == 1 for box in boxes.values())
    for n, name in enumerate(stations):  # under its own bar, every second one lower
        ink = boxes[name].ink_rect()
        assert abs(ink.center().x() - chart.mapToScene(chart.x_of(n), 0).x()) < 2
    upper, lower = boxes["Tuotuohe"].ink_rect(), boxes["Wudaoliang"].ink_rect()  # (8, 7)
    assert lower.top() >= upper.bottom() and not upper.intersects(lower)
    assert layout_problems(loaded, cfg) == []


def test_fourteen_long_names_on_a_wall_go_across_whole(qapp, tmp_path):
    """Fourteen trunk lines of two series were upright, their names cut ("Shanghai–…")."""
    lines = ["Beijing–Shanghai", "Beijing–Guangzhou", "Shanghai–Kunming", "Beijing–Harbin",
             "Xuzhou–Lanzhou", "Qinghai–Tibet", "Chengdu–Kunming", "Lanzhou–Xinjiang",
             "Beijing–Kowloon", "Jiaozuo–Liuzhou", "Baoji–Chengdu", "Southern Xinjiang",
             "Jining–Tongliao", "Sichuan–Tibet"]
    chart_data = {"kind": "bar", "unit": "km/h", "categories": lines, "series": [
        {"name": "2014", "values": [250, 210, 160, 140, 175, 90, 65, 120, 110, 85, 70, 80,
                                    60, 1]},
        {"name": "2024", "values": [290, 260, 230, 220, 240, 100, 140, 180, 130, 95, 75, 110,
                                    70, 160]}]}
    cfg = decks.config()
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(
        chart_data, title="Average Passenger Train Speed on Fourteen Trunk Lines"),
        languages=["en"]), cfg)
    _image, _view, chart = chart_at(loaded, cfg, "en")
    assert isinstance(chart, BarsAcross)
    boxes = [item for item in chart.childItems() if isinstance(item, TextBox)
             and item.text in lines]
    assert len(boxes) == 14 and not any(box.elided for box in boxes)
    said = [p.message for p in layout_problems(loaded, cfg)]  # (fourteen rows take a
    assert all("of their size" in m for m in said), said  # slide made smaller: said)


def test_values_are_said_in_both_languages_when_a_longer_title_leaves_thinner_rows(
        qapp, tmp_path):
    """Eleven dynasties with ``labels: true``: the English title takes two lines, the
    Chinese one, and the English rows were too thin for a value at their bars' ends, so
    English visitors saw no values. A value beside its bar has the row's height."""
    dynasties = [("十六国", "Sixteen Kingdoms"), ("北魏", "Northern Wei"),
                 ("西魏", "Western Wei"), ("北周", "Northern Zhou"), ("隋", "Sui"),
                 ("唐", "Tang"), ("五代", "Five Dynasties"), ("宋", "Song"),
                 ("西夏", "Western Xia (Tangut)"), ("元", "Yuan"),
                 ("清及以后", "Qing and afterwards")]
    chart_data = {"kind": "bar", "labels": True, "unit": decks.both("个", "caves"),
                  "categories": [decks.both(*names) for names in dynasties],
                  "series": [{"name": decks.both("洞窟数", "Caves"),
                              "values": [7, 10, 10, 15, 97, 232, 31, 45, 82, 10, 4]}]}
    title = decks.both("十个朝代的营造：各时期现存洞窟数量（南区）",
                       "Ten Dynasties of Building: Surviving Caves by Period (Southern Section)")
    cfg = decks.config()
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart_data, title=title)), cfg)
    scales = set()
    for language in ("zh", "en"):
        _image, _view, chart = chart_at(loaded, cfg, language)
        assert isinstance(chart, BarsAcross)
        labels = sorted((item for item in chart.childItems() if isinstance(item, CountLabel)),
                        key=lambda label: label.scenePos().y())
        assert len(labels) == 11, language
        scales.add(chart.ctx.theme.type_scale)
        assert all(label.font_size >= chart.ctx.smallest("label") for label in labels)
        for upper, lower in itertools.pairwise(labels):  # one above another, not touching
            assert upper.sceneBoundingRect().bottom() <= lower.sceneBoundingRect().top() + 1
    assert min(scales) >= 0.9  # (near the show's type: the rows were "cramped" always,
    # and the slide was built at the least type scale, 0.6)
    assert layout_problems(loaded, cfg) == []


def test_a_larger_type_scale_does_not_turn_long_names_upright_and_cut_them(qapp, tmp_path):
    """Twelve trading partners at type scale 1.3: the rows did not fit at 1.3, so the
    bars stood upright and "Middle East and th…" was cut; across at the type that fits,
    every name is whole."""
    partners = ["ASEAN", "United States", "European Union", "Japan", "Republic of Korea",
                "Middle East and the Gulf states", "Africa",
                "Latin America and the Caribbean", "Russia", "India", "Australia",
                "Taiwan region"]
    chart_data = {"kind": "bar", "labels": True, "unit": "%", "categories": partners,
                  "series": [{"name": "2024", "values": [8.2, -4.5, -2.1, -7.8, 1.3, 12.6,
                                                         15.4, 9.7, 3.1, -1.2, 0.6, -3.4]}]}
    cfg = decks.config(theme={"type_scale": 1.3})
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(
        chart_data, title="Quanzhou’s Trade with Its Main Partners, 2024: Change on the "
        "Year Before"), languages=["en"]), cfg)
    _image, _view, chart = chart_at(loaded, cfg, "en")
    assert isinstance(chart, BarsAcross)
    names = [t for t in chart.childItems() if isinstance(t, TextBox) and t.text in partners]
    assert len(names) == 12 and not any(t.elided for t in names)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_fourteen_names_on_a_totem_stand_clear_of_their_bars_and_start_with_them(
        qapp, tmp_path, language):
    """Trial 14: fourteen partners on a totem: each name's letters stood 1 px above its
    bar (the descenders of "Japan" in it) and began 25 px left of the bars."""
    names = ["ASEAN", "Japan", "Republic of Korea", "Australia", "Brazil", "European Union",
             "United States", "Gulf states", "Russia", "India", "South Africa",
             "Chile and Peru", "New Zealand", "Others"]
    chart = {"kind": "bar", "unit": decks.both("百万吨", "million tonnes"),
             "categories": [decks.both(f"伙伴{n + 1}", name) for n, name in enumerate(names)],
             "series": [{"name": decks.both("货运量", "Cargo"),
                         "values": [38.5, 22.1, 19.8, 56.2, 28.7, 16.4, 12.1, 24.3, 9.8,
                                    7.6, 5.4, 6.9, 3.1, 14.6]}]}
    cfg = decks.config(portrait=True)
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart)), cfg)
    _image, _view, chart_view = chart_at(loaded, cfg, language)
    assert isinstance(chart_view, BarsAcross) and chart_view.stacked
    said = {c.get_text(language, "zh") for c in loaded.deck.slides[0].chart.categories}
    boxes = sorted((item for item in chart_view.childItems() if isinstance(item, TextBox)
                    and item.text in said), key=lambda b: b.scenePos().y())
    bars = [chart_view.mapRectToScene(mark.rect) for mark in chart_view.marks]
    assert len(boxes) == len(bars) == 14
    air = chart_view.ctx.size("label") * 0.2
    for box, bar in zip(boxes, bars, strict=True):
        ink = box.ink_rect()
        assert bar.top() - ink.bottom() >= air, box.text
        assert abs(ink.left() - bar.left()) <= 4, box.text  # (they start together)


def test_on_a_totem_a_name_stands_nearer_its_own_bar_and_zero_is_said(qapp, tmp_path):
    """Trial 18, on a totem at type scale 1.3: each name stood as far from the bar above
    it as from its own ("Jiangbei New Area" read as the +48,000 bar's), and the axis said
    −50,000, 50,000, 150,000 but not the 0 that rises and falls are read from."""
    names = ["Xuanwu", "Qinhuai", "Gulou", "Jianye", "Jiangbei New Area (directly "
             "administered)", "Qixia", "Yuhuatai", "Jiangning", "Pukou", "Luhe", "Lishui",
             "Gaochun"]
    chart = {"kind": "bar", "labels": True, "unit": decks.both("万人", "people"),
             "scale": {"en": 10000},
             "categories": [decks.both(f"区{n + 1}", name) for n, name in enumerate(names)],
             "series": [{"name": decks.both("人口增减", "Change"),
                         "values": [-2.1, -3.4, -1.2, 4.8, 12.6, 3.1, 2.2, 9.7, 5.5, -0.8,
                                    1.4, -0.6]}]}
    cfg = decks.config(portrait=True, theme={"type_scale": 1.3})
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart)), cfg)
    _image, _view, chart_view = chart_at(loaded, cfg, "en")
    assert isinstance(chart_view, BarsAcross) and chart_view.stacked
    boxes = sorted((item for item in chart_view.childItems() if isinstance(item, TextBox)
                    and item.text in names), key=lambda b: b.scenePos().y())
    bars = [chart_view.mapRectToScene(mark.rect) for mark in chart_view.marks]
    for n in range(1, len(boxes)):
        own = bars[n].top() - boxes[n].ink_rect().bottom()
        above = boxes[n].ink_rect().top() - bars[n - 1].bottom()
        assert above > own * 1.5, (names[n], own, above)
    axis = [item.text for item in chart_view.childItems() if isinstance(item, TextBox)
            and item.text.lstrip("−-").replace(",", "").isdigit()]
    assert "0" in axis, axis
