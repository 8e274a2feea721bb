"""Decks made by the tests: written as YAML beside the pictures they name, then played.

App tests build the deck they need here, so a new default deck breaks none of them: a
test says what matters about its deck (``titles(13)`` when it presses End and expects
slide 13, a figures slide first when it watches the first count-up) and builds it.

- slides: ``title_slide()``, ``figures_slide()``, ``story_slide()``, ``chart_slide()``,
  ``points_slide()``, ``closing_slide()`` (Chinese and English; keyword arguments replace
  fields), ``figure(...)`` and the charts ``compare()``, ``bars()``, ``funnel()``.
- decks: ``deck(*slides)``, ``titles(n)``, ``every_type()`` (one slide of each type),
  ``only(language, data)`` (the same deck in one language).
- playing: ``write``, ``load``, ``built`` (write and load), ``config``, ``start``, ``show``
  (write, load and start in one), ``settle``, ``playing`` (for hypothesis).
- looking: ``items_of``, ``texts``, ``numbers``, ``assert_laid_out``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

from kiosk.app.player import Player
from kiosk.config import Config, Installation
from kiosk.deck.load import LoadedDeck, load_deck
from kiosk.play.clock import FakeClock
from kiosk.show.charts.base import CountLabel
from kiosk.show.figure import FigureNumber
from kiosk.show.render import render_slide
from kiosk.show.textbox import TextBox
from kiosk.show.transitions import DURATION

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90">'
       '<rect width="160" height="90" fill="#4fb3bf"/><circle cx="80" cy="45" r="30" '
       'fill="#e8b04b"/></svg>')


def deck(*slides: dict[str, Any], **top: Any) -> dict[str, Any]:
    """A deck of ``slides`` (a title slide when none), in Chinese and English."""
    return {"version": 1, "title": {"zh": "测试", "en": "Test"}, "languages": ["zh", "en"],
            **top, "slides": list(slides) or [{"type": "title", "title": "T"}]}


def titles(count: int, **top: Any) -> dict[str, Any]:
    """A deck of ``count`` title slides named 1, 2, 3..."""
    return deck(*({"type": "title", "title": str(n + 1)} for n in range(count)), **top)


# --- slides, one of each type, in Chinese and English -----------------------------------

def both(zh: str, en: str) -> dict[str, str]:
    """A text in Chinese and English."""
    return {"zh": zh, "en": en}


def figure(value: float | None = None, unit: Any = None, label: Any = "指标",
           **fields: Any) -> dict[str, Any]:
    """A key figure: ``value`` with its ``unit`` (``text=`` for one that is no number)."""
    data: dict[str, Any] = {"label": label, **fields}
    if value is not None:
        data["value"] = value
    if unit is not None:
        data["unit"] = unit
    return data


FIGURES = (
    figure(1.74, both("万亿元", "trillion yuan"), both("地区生产总值", "GDP")),
    figure(7.2, both("万元", "yuan"), both("人均可支配收入", "Disposable income"),
           **{"from": 3.7, "values": {"en": 72000}}),
    figure(3500, both("项", "items"), both("征集需求", "Needs collected"), qualifier="近"),
    figure(text=both("第一", "No. 1"), label=both("省会城市", "Among capitals")),
)
"""1.74万亿元 / 1.74 trillion yuan, 3.7 -> 7.2万元 / 72,000 yuan, 近3500项 / nearly 3,500
items, and 第一 / No. 1 (a text: it does not count)."""


def compare() -> dict[str, Any]:
    """A compare chart of two items, each before and after."""
    return {"kind": "compare", "before_label": both("之前", "Before"),
            "after_label": both("之后", "After"),
            "items": [{"label": both("收入", "Income"), "before": 3.7, "after": 7.2,
                       "unit": both("万元", "10k yuan")},
                      {"label": both("空气", "Good air"), "before": 52.1, "after": 81.9,
                       "unit": "%"}]}


def bars() -> dict[str, Any]:
    """A bar chart: two series over three years."""
    return {"kind": "bar", "unit": "%", "categories": ["2021", "2022", "2023"],
            "series": [{"name": both("甲", "A"), "values": [10, 25, 40]},
                       {"name": both("乙", "B"), "values": [5, 15, 60]}]}


def funnel() -> dict[str, Any]:
    """A funnel of two stages with qualifiers (近3500项, 近400项)."""
    return {"kind": "funnel", "stages": [
        {"label": both("征集", "Collected"), "value": 3500, "qualifier": "近",
         "unit": both("项", "items")},
        {"label": both("促成", "Achieved"), "value": 400, "qualifier": "近",
         "unit": both("项", "items")}]}


def title_slide(**fields: Any) -> dict[str, Any]:
    return {"type": "title", "kicker": both("新闻发布会 · 第一场", "Press conference · No. 1"),
            "title": both("向新而行", "Heading for the New"),
            "subtitle": both("发展新质生产力的重要阵地", "A base for new productive forces"),
            "byline": both("主发布：市长", "Main speaker: the mayor"), **fields}


def figures_slide(*figures: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A figures slide: ``figures``, or FIGURES."""
    return {"type": "figures", "title": both("经济强", "A Strong Economy"),
            "figures": [dict(f) for f in figures or FIGURES], **fields}


def story_slide(**fields: Any) -> dict[str, Any]:
    """A story with a body, a figure and the test PNG (``visual=`` for another)."""
    return {"type": "story", "kicker": both("缩影", "Snapshot"),
            "headline": both("一个创业的故事", "A start-up story"),
            "body": both("一位毕业于南京高校的青年创立了服务品牌。",
                         "A graduate of a Nanjing university founded a service brand."),
            "figures": [figure(1500, both("家", "firms"), both("服务企业", "Firms served"),
                               qualifier="余")],
            "visual": {"kind": "image", "src": "images/photo.png"}, **fields}


def chart_slide(chart: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    """A chart slide: ``chart``, or a compare chart."""
    return {"type": "chart", "title": both("变化", "Change"), "chart": chart or compare(),
            **fields}


def points_slide(**fields: Any) -> dict[str, Any]:
    return {"type": "points", "title": both("重点工作", "Key Tasks"), "points": [
        {"heading": both("科技创新", "Innovation"), "detail": both("建设实验室", "Laboratories"),
         "icon": "chip"},
        {"heading": both("产业强市", "Industry"), "detail": both("培育集群", "Clusters"),
         "icon": "city"},
        {"heading": both("绿色转型", "Green transition"),
         "detail": both("绿色工厂", "Green factories"), "icon": "river"}], **fields}


def closing_slide(**fields: Any) -> dict[str, Any]:
    return {"type": "closing", "title": both("谢谢", "Thank You"),
            "subtitle": both("再见", "Goodbye"), **fields}


def every_type(**top: Any) -> dict[str, Any]:
    """One slide of each type, in this order: title, figures, story (with a picture),
    chart (compare), points, closing; in Chinese and English, without a source line
    unless ``source=`` says."""
    return deck(title_slide(), figures_slide(), story_slide(), chart_slide(),
                points_slide(), closing_slide(), **top)


def only(language: str, data: Any) -> Any:
    """``data`` (a deck) in ``language`` alone: every text in that language only, and
    ``languages: [language]``."""
    if isinstance(data, dict):
        if data and set(data) <= {"zh", "en"} and all(isinstance(v, str)
                                                        for v in data.values()):
            return data.get(language) or next(iter(data.values()))
        kept = {key: only(language, value) for key, value in data.items()}
        if isinstance(kept.get("values"), dict):
            kept["values"] = {k: v for k, v in kept["values"].items() if k == language}
            if not kept["values"]:
                del kept["values"]
        if "slides" in kept:
            kept["languages"] = [language]
        return kept
    if isinstance(data, list):
        return [only(language, item) for item in data]
    return data


def write_pictures(folder: Path) -> None:
    """The pictures a test deck may name: a PNG, a JPEG and an SVG, and a video clip
    (made here)."""
    images = folder / "images"
    images.mkdir(parents=True, exist_ok=True)
    image = QImage(320, 180, QImage.Format.Format_RGB32)
    image.fill(QColor("#13233d"))
    painter = QPainter(image)
    painter.fillRect(40, 30, 240, 120, QColor("#e8b04b"))
    painter.end()
    image.save(str(images / "photo.png"))
    image.save(str(images / "photo.jpg"))
    (images / "shape.svg").write_text(SVG, encoding="utf-8")
    from tests.media import counting_clip

    counting_clip(folder / "videos" / "clip.mp4", frames=12, size=(64, 36))
    from kiosk.starter import example_document

    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "docs" / "pages.pdf").write_bytes(example_document())


def write(folder: Path, data: dict[str, Any], name: str = "deck.yaml") -> Path:
    """The deck as a YAML file in ``folder``, with the test pictures beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "images").is_dir():
        write_pictures(folder)
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def load(path: Path, config: Config | None = None) -> LoadedDeck:
    """The deck at ``path`` as the show loads it (a missing picture is a placeholder)."""
    roots = Installation(config or Config(), None).asset_roots
    return load_deck(path, roots, strict_assets=False)


def built(folder: Path, data: dict[str, Any], cfg: Config | None = None) -> LoadedDeck:
    """``data`` written to ``folder`` and loaded as the show loads it."""
    return load(write(folder, data), cfg)


def config(*, portrait: bool = False, **sections: Any) -> Config:
    """A config with the given sections, landscape or portrait."""
    size = (1080, 1920) if portrait else (1920, 1080)
    data = {"display": {"design_size": size, **sections.pop("display", {})}, **sections}
    return Config.model_validate(data)


def start(qtbot: Any, loaded: LoadedDeck, cfg: Config | None = None, *,
          clock: FakeClock | None = None, locked: bool = False, authoring: bool = False,
          size: tuple[int, int] | None = None) -> tuple[Player, FakeClock]:
    """A player on screen (offscreen), its timers stopped: tests move the clock."""
    cfg = cfg or Config()
    clock = clock or FakeClock()
    player = Player(loaded, cfg, clock, locked=locked, authoring=authoring)
    player.housekeeping.stop()
    qtbot.addWidget(player.stage)
    width, height = size or cfg.display.design_size
    player.stage.resize(width, height)
    player.stage.show()
    qtbot.waitExposed(player.stage)
    return player, clock


def show(qtbot: Any, folder: Path, data: dict[str, Any], cfg: Config | None = None,
         **kwargs: Any) -> tuple[Player, FakeClock]:
    """``data`` written to ``folder``, loaded as the show loads it, and started (``start``
    takes ``kwargs``)."""
    cfg = cfg or config()
    return start(qtbot, built(folder, data, cfg), cfg, **kwargs)


def settle(player: Player, clock: FakeClock) -> None:
    """Let the transition and the slide's animations run to their end."""
    for _ in range(20):
        clock.advance(DURATION + 0.01)
        player.stage.tick()
        if not player.stage.animating:
            return
    raise AssertionError("the slide never stopped moving")


@contextlib.contextmanager
def playing(loaded: LoadedDeck, cfg: Config, clock: FakeClock, size: tuple[int, int]
            ) -> Iterator[Player]:
    """A player for one test example, closed and deleted afterwards (for hypothesis,
    whose examples must not pile up windows)."""
    player = Player(loaded, cfg, clock)
    player.housekeeping.stop()
    player.stage.resize(*size)
    player.stage.show()
    try:
        yield player
    finally:
        player.frames.timer.stop()
        if player.operator.lock is not None:
            player.operator.release()
        player.stage.close()
        player.stage.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        player.deleteLater()


# --- what a test looks at -----------------------------------------------------------------

def items_of(view: QGraphicsItem) -> list[QGraphicsItem]:
    """Every item drawn for a slide view, at any depth."""
    found, stack = [], list(view.childItems())
    while stack:
        item = stack.pop()
        found.append(item)
        stack.extend(item.childItems())
    return found


def numbers(view: QGraphicsItem) -> list[FigureNumber]:
    """The key figures of a slide, top to bottom, left to right."""
    found = [item for item in items_of(view) if isinstance(item, FigureNumber)]
    return sorted(found, key=lambda n: (n.scenePos().y(), n.scenePos().x()))


def texts(view: QGraphicsItem) -> list[str]:
    """Every text a visitor reads on a slide as drawn now: text boxes, figures and chart
    value labels."""
    found = []
    for item in items_of(view):
        if isinstance(item, TextBox) and item.text:
            found.append(item.text)
        elif isinstance(item, FigureNumber):
            found.append(str(item.parts))
        elif isinstance(item, CountLabel):
            found.append(item.text)
    return found


def distinct_colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step)
                for y in range(0, image.height(), step)})


def assert_laid_out(loaded: LoadedDeck, cfg: Config, size: tuple[int, int],
                    language: str) -> None:
    """Every slide, in its final state at ``size`` pixels, is drawn (not blank), inside
    the stage, with its text whole (not cut off, not shrunk past 60 %) and no two texts
    over each other."""
    stage = QRectF(0, 0, *cfg.display.design_size).adjusted(-0.5, -0.5, 0.5, 0.5)
    for index in range(len(loaded.deck.slides)):
        where = f"slide {index + 1} ({language}, {size[0]}x{size[1]})"
        image, view = render_slide(loaded, cfg, index, size, language)
        assert (image.width(), image.height()) == size
        assert distinct_colours(image) > 20, f"{where} looks blank"
        boxes = []
        for item in items_of(view):
            rect = item.sceneBoundingRect()
            assert stage.contains(rect), f"{where}: {type(item).__name__} {rect}"
            if isinstance(item, TextBox):
                assert not item.elided, f"{where}: text cut off: {item.text!r}"
                assert item.text_height <= item.box.height() + 0.5, where
                assert item.text_width <= item.box.width() + 0.5, where
                shrink = item.font_size / item.requested_size
                assert shrink > 0.6, f"{where}: {item.text!r} shrunk to {shrink:.0%}"
                if item.text:
                    boxes.append((item.text, item.ink_rect()))
        assert boxes, f"{where}: no text"
        for n, (text, rect) in enumerate(boxes):
            for other, other_rect in boxes[n + 1:]:
                overlap = rect.intersected(other_rect)
                assert overlap.width() * overlap.height() < 4, (
                    f"{where}: {text!r} overlaps {other!r}")
