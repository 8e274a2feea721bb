"""Data colours every visitor tells apart, colour-blind visitors too; after them, patterns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.cli import main
from kiosk.config import Config
from kiosk.show.charts.base import ChartView
from kiosk.show.colourvision import APART, apart, closest, difference, lab, seen
from kiosk.show.render import render_slide
from kiosk.show.textbox import TextBox
from kiosk.show.theme import Palette
from tests import decks


@pytest.mark.parametrize(("one", "other", "expected"), [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, -1.3802, -84.2814), (50.0, 0.0, -82.7485), 1.0),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((2.0776, 0.0795, -1.135), (0.9033, -0.0636, -0.5514), 0.9082),
])
def test_colour_difference_is_ciede2000(one, other, expected):
    """Pairs from Sharma, Wu and Dalal's CIEDE2000 test data."""
    assert difference(one, other) == pytest.approx(expected, abs=1e-4)


def test_red_and_green_look_alike_to_a_deuteranope_and_not_to_others():
    red, green = "#d62728", "#2ca02c"
    normal = difference(lab(seen(red, "normal vision")), lab(seen(green, "normal vision")))
    deutan = difference(lab(seen(red, "deuteranopia")), lab(seen(green, "deuteranopia")))
    assert normal > 50 and deutan < 15


def test_the_built_in_palette_is_told_apart_by_every_visitor_for_seven_series():
    palette = Palette.from_theme(Config().theme)
    colours = [c.name() for c in palette.data]
    assert palette.apart == apart(colours) == 7
    assert closest(colours[:7])[0] >= APART


def test_series_past_the_colours_told_apart_are_patterned_bar_and_legend_alike(qapp,
                                                                              tmp_path):
    chart = {"kind": "bar", "categories": ["a", "b"],
             "series": [{"name": f"S{n}", "values": [n + 1, n + 2]} for n in range(8)]}
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart)))
    _, view = render_slide(loaded, Config(), 0, (1920, 1080), "zh")
    bars = next(i for i in decks.items_of(view) if isinstance(i, ChartView))
    styles = [b.opts["brush"].style() for b in bars.bars]
    assert styles[:7] == [Qt.BrushStyle.SolidPattern] * 7
    assert styles[7] == Qt.BrushStyle.TexturePattern  # striped
    swatches = [i.brush().style() for i in decks.items_of(bars)
                if type(i).__name__ == "QGraphicsRectItem" and i.rect().width() < 40]
    assert swatches.count(styles[7]) == 1  # the legend shows the pattern too


def test_lines_are_named_at_their_ends_in_their_colours_and_apart(qapp, tmp_path):
    chart = {"kind": "line", "categories": ["2021", "2022", "2023"],
             "series": [{"name": "南京", "values": [1, 2, 5]},
                        {"name": "苏州", "values": [2, 3, 5]},  # ends where 南京 ends
                        {"name": "无锡", "values": [3, 3, 1]}]}
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart)))
    _, view = render_slide(loaded, Config(), 0, (1920, 1080), "zh")
    chart_view = next(i for i in decks.items_of(view) if isinstance(i, ChartView))
    names = {t.text: t for t in decks.items_of(chart_view)
             if isinstance(t, TextBox) and t.text in ("南京", "苏州", "无锡")}
    assert set(names) == {"南京", "苏州", "无锡"}
    ends = {chart_view.ctx.text(row.name): chart_view.mapToScene(
        chart_view.x_of(2), chart_view.y_of(row.values[-1])) for row in chart_view.chart.series}
    for name, box in names.items():
        rect = box.ink_rect()
        assert rect.left() > ends[name].x()  # right of its line's end
        assert abs(rect.center().y() - ends[name].y()) < rect.height() * 1.2
        order = ["南京", "苏州", "无锡"].index(name)
        assert box.color == chart_view.ctx.palette.series(order)  # in its line's colour
    rects = [b.ink_rect() for b in names.values()]
    assert not any(a.intersects(b) for n, a in enumerate(rects) for b in rects[n + 1:])


def test_check_warns_of_theme_colours_that_look_alike_to_some_visitors(tmp_path, capsys):
    decks.write(tmp_path, decks.deck())
    config = tmp_path / "config.yaml"
    config.write_text('deck: deck.yaml\ntheme:\n  series: ["#ff8a65", "#9966ff"]\n', "utf-8")
    assert main(["check", str(config)]) == 0
    out = capsys.readouterr().out
    assert "config.yaml:3:12: warning: #ff8a65 looks like accent (#e8b04b) to a visitor " \
           "with deuteranopia" in out
    assert "#9966ff" not in out
