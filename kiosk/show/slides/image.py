"""A photograph on the whole screen, or whole on the screen, with its words."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QLinearGradient,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.deck import videos
from kiosk.deck.model import ImageSlide, Photo, VideoSlide
from kiosk.deck.text import Text
from kiosk.play.gestures import EDGE_ZONE
from kiosk.play.timeline import Track
from kiosk.show.context import OPTICAL_MIDDLE, SlideContext
from kiosk.show.items import descendants
from kiosk.show.photo import PictureItem, fills_screen, natural_size, on_plain_ground
from kiosk.show.slides.base import BLEED, SlideView
from kiosk.show.textbox import TextBox
from kiosk.show.video import VideoItem, poster

ON_PHOTO = QColor("#ffffff")
"""Words over a photograph: white, over a shade that darkens the picture under them."""
LIGHT = 0.3
"""A picture whose darkest part (bar a few pixels) is at least this luminant takes dark
words, no shade: the show's dark reads on it at 4.5:1 and more (WCAG)."""
SAMPLES = (64, 10)
"""Columns and rows of the picture read under its words (24 by 8 before: about one
column to 25 px of a title's width)."""
DARKEST = 0.01
"""The share of the samples under words that may be darker than the picture's "darkest
part" (a speck; a tower's top across a title is not: 3 % let it through, trial 18)."""
READABLE = 0.175
"""The relative luminance under white words that reads at 4.5:1 (1.05 / (0.183 + 0.05)),
with a margin for rounding to whole levels (4.6:1)."""


def _encoded(luminance: float) -> float:
    """The sRGB value (0 to 1) of a grey of relative ``luminance``: what a shade darkens,
    as a screen blends colours (in their encoded values, not in light)."""
    return luminance * 12.92 if luminance <= 0.0031308 else \
        1.055 * luminance ** (1 / 2.4) - 0.055


def _shade_for(luminance: float) -> float:
    """How opaque a black shade must be over a picture of ``luminance`` for white words
    to read on it at 4.5:1 (0: none needed)."""
    return max(0.0, 1 - _encoded(READABLE) / _encoded(luminance)) if luminance > 0 else 0.0


LIGHTEST_SHADE = 0.35
"""A shade is never lighter than this: it marks where the words are, even on a dark photo."""
STOPS = 16
"""A shade's fade drawn in this many steps of a smooth curve."""
FADE = 0.2
"""A shade fades out over this share of the screen's height (two lines at least)."""
FADE_VIDEO = 0.12
"""A video's shades fade out over this share of the screen's height: as dark as the
brightest frame may need, they are no darker than the words need, and fade out softly
(over 0.08 of the height, bands with an edge, read as a letterbox: trials 29 and 31)."""
SHADE = round(_shade_for(1.0) + 0.05, 2)
"""How dark a shade is under words (its alpha) where what is under them is not known (a
video's frames): white text over it reads at 4.5:1 or better over any picture, white
snow included (0.54 of white's encoded value: luminance 0.18), with a margin. It was
0.82, worked out as though a screen blended light: near-black bands over a third of a
green film, trial 28."""


PANEL_PAD = 28.0
"""A light scrim's margin around its words, in design pixels."""
PAN_WIDEST = 3.0
"""A photograph this many times as wide as tall, or more, is travelled across a totem
(on a wall, this many times the wall's own shape: a 10:1 lake was a sliver 172 px high,
trial 20)..."""


def pans(natural: QSize, ctx: SlideContext) -> bool:
    """Whether a photograph is a panorama travelled across the screen (``fill`` or
    ``fit``: whole, a 7.5:1 river was a strip 144 px high on a totem, trial 25; travelled,
    all of it is seen)."""
    return natural.isValid() and natural.height() > 0 and natural.width() >= \
        natural.height() * PAN_WIDEST * max(1.0, ctx.width / ctx.height)
PAN_HEIGHT = 0.36
"""...in a band this share of the screen's height."""
UNDER_TITLE = 1.05
"""A photo filling a totem is drawn under its title where it is this much wider than
the screen's shape, or more (``fills_under_title``)."""
LABEL_COLUMN = 0.4
"""An object shown whole on its ground on a wall has its title and caption in a column
this share of the room's width at its left, as a museum's label."""
BESIDE_SQUARE = 1.05
"""A picture no wider than this share of its height (upright, or about square)..."""
BESIDE_WIDEST = 0.5
"""...shown whole on a wall stands beside its words, as tall as the room, where it is at
most this share of the room's width that tall..."""
BESIDE_COLUMN = 0.5
"""...its title and caption in a column at most this share of the room's width (a line
of a caption no longer than reads well)."""
COLUMN_TITLE_LINES = 4
"""Lines a title in the column beside an upright picture may take: in two, an English
title of ten words was set at 40 px, the column under it empty (trial 25)."""
SCRIM_MOST = 0.92
"""A light scrim (a card under the words) is at most this opaque: a picture that needs
more keeps a dark shade."""
CARD = 0.85
"""...and at least this: a card, not a veil through which a black locomotive showed as a
grey block behind half the caption (trial 16); one look at every type size."""


BUSY = 2.0
"""Dark words over a light picture lie on a card where what is under them differs this
much (its brightest part against its darkest, in contrast): white lettering in a photo's
sky tangled with a dark title over it (trial 25)."""


def _scrim(under: QColor, words: QColor) -> float | None:
    """How opaque a white scrim over ``under`` must be for ``words`` to read on it at
    4.5:1 (WCAG); None where more than SCRIM_MOST."""
    needed = 4.5 * (_luminance(words) + 0.05) - 0.05
    for step in range(0, round(SCRIM_MOST * 20) + 1):
        alpha = step / 20
        blend = QColor(*(round(255 * alpha + c * (1 - alpha))
                         for c in (under.red(), under.green(), under.blue())))
        if _luminance(blend) >= needed:
            return max(alpha, 0.2)  # (at least a veil that marks where the words are)
    return None


def _mostly_light(image: QImage) -> bool:
    """Whether a picture is light as a whole (its median, on a coarse grid, at least
    LIGHT): a snowfield with a black locomotive in it, whatever its words lie over (at a
    larger type they covered more of the engine, and it took a black shade, trial 16)."""
    if image.isNull():
        return False
    samples = sorted(_luminance(QColor(image.pixel(
        min(image.width() - 1, round(image.width() * (i + 0.5) / 16)),
        min(image.height() - 1, round(image.height() * (j + 0.5) / 9)))))
        for i in range(16) for j in range(9))
    return samples[len(samples) // 2] >= LIGHT


def _luminance(colour: QColor) -> float:
    """Relative luminance (WCAG) of a colour."""
    def linear(c: int) -> float:
        value = c / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(colour.red()) + 0.7152 * linear(colour.green()) + \
        0.0722 * linear(colour.blue())


class Shade(QGraphicsItem):
    """Black from clear to SHADE, down (or up, ``falling``) ``rect``: a gradient on the
    screen; in a PDF, bands of even black (PDF readers draw a gradient of alpha as
    solid black)."""

    BANDS = 48

    def __init__(self, rect: QRectF, falling: bool, solid: float,
                 parent: QGraphicsItem, dark: QColor | None = None) -> None:
        super().__init__(parent)
        self.rect, self.falling, self.solid = rect, falling, solid
        """``solid``: the share of the rect, from its dark end, that is dark all through."""
        self.level = SHADE
        """How dark it is under the words: SHADE, or less over a dark picture."""
        self.dark = dark
        """The colour of words over a picture light all through (none: always a shade)."""
        self.light = False
        """Whether the words over it are dark: the picture under them is light all
        through (no shade), or mostly (a light scrim: ``tint``)."""
        self.tint = QColor(0, 0, 0)
        """What it lays over the picture: black under white words, white under dark."""
        self._white: dict[TextBox, QColor] = {}
        self.cards: list[QRectF] = []
        """Where a light scrim lies: a card around each group of words (with theirs in
        the other languages), not across the screen."""
        self.on_light: Callable[[], None] | None = None
        """Told when it has looked at the picture (a gallery's title, every photo's,
        takes the colour the photo on screen asks for)."""

    def adapt(self, picture: PictureItem) -> None:
        """As dark as the picture under it needs for white words to read at 4.5:1 (its
        brightest part, bar a few pixels), and no darker: a dark photograph keeps its
        own look."""
        image = picture.image
        if image is None or picture.rect.height() <= 0:
            return
        if picture.ground is not None and self.dark is not None:  # (an object whole on
            self.light, self.level = True, 0.0  # its light ground: dark words, no shade
            self.colour_words()  # over it, in every language alike)
            self.update()
            if self.on_light is not None:
                self.on_light()
            return
        source, frame = picture.source(), picture.target()  # (where the picture is: all
        words = self._under_words()  # of the rect, or a part, on its ground)
        lights: list[tuple[float, QColor]] = []
        for i in range(SAMPLES[0]):  # (a mast thinner than a column apart could fall
            for j in range(SAMPLES[1]):  # between them)
                x = words.left() + words.width() * (i + 0.5) / SAMPLES[0]
                y = words.top() + words.height() * (j + 0.5) / SAMPLES[1]
                if not frame.contains(x, y):  # (beside a picture shown whole: its ground)
                    if picture.ground is not None:
                        lights.append((_luminance(picture.ground), picture.ground))
                    continue
                colour = QColor(image.pixel(
                    min(image.width() - 1, max(0, round(source.left() + (x - frame.left())
                                                        / frame.width() * source.width()))),
                    min(image.height() - 1, max(0, round(source.top() + (y - frame.top())
                                                         / frame.height() * source.height())))))
                lights.append((_luminance(colour), colour))
        if not lights:
            return
        lights.sort(key=lambda sample: sample[0])
        bright = lights[int(len(lights) * 0.95)][0]
        needed = _shade_for(bright)
        self.light = self.dark is not None and lights[int(len(lights) * DARKEST)][0] >= LIGHT
        self.level = 0.0 if self.light else min(SHADE, max(LIGHTEST_SHADE, needed))
        self.tint = QColor(0, 0, 0)
        self.cards = []
        if self.light and (lights[int(len(lights) * 0.98)][0] + 0.05) >= BUSY * (
                lights[int(len(lights) * 0.05)][0] + 0.05):  # (light, but a detail as
            self.level, self.tint = CARD, QColor(255, 255, 255)  # bright again as the
            self.cards = self._cards()  # rest under them: a card, trial 25)
        light_share = sum(1 for sample in lights if sample[0] >= LIGHT) / len(lights)
        if not self.light and self.dark is not None and (
                lights[len(lights) // 2][0] >= LIGHT or (
                    light_share >= 0.3 and _mostly_light(image))):  # (a light picture,
            # under its words or, where they lie partly on it, as a whole: one look at
            # every type size; words on a dark band of it keep a shade; crossed by a
            darkest = lights[int(len(lights) * DARKEST)][1]  # dark line: a light scrim and
            scrim = _scrim(darkest, self.dark)  # dark words, not a brown slab of black)
            if scrim is not None:
                self.light, self.level, self.tint = True, max(scrim, CARD), QColor(
                    255, 255, 255)
                self.cards = self._cards()  # (under the words: a band across the
                # screen lifted a black pier to grey far from them)
        self.colour_words()
        self.update()
        if self.on_light is not None:
            self.on_light()

    def _word_inks(self, *, everywhere: bool = True) -> list[QRectF]:
        """Where its words' letters are, in its coordinates: its slide's over it, a
        gallery's title over its page, and (``everywhere``) the same words in the deck's
        other languages (one look in every language)."""
        inks = [self.mapRectFromScene(box.ink_rect()) for box in self._words_over()
                if box.text]
        area = self.mapRectToScene(self.rect)
        elsewhere, heading = self._elsewhere()
        return inks + [self.mapRectFromScene(ink) for ink in [
            *(elsewhere if everywhere else []), *heading] if area.contains(ink.center())]

    def _cards(self) -> list[QRectF]:
        """A card around each group of its words lying one over another (the caption,
        the credit: one card for both ran from the caption to the screen's foot, the
        progress dots over it)."""
        groups: list[QRectF] = []  # (around the words on screen: a card as tall as two
        # lines of the other language's caption over one, trial 19)
        for ink in sorted(self._word_inks(everywhere=False), key=lambda r: r.top()):
            if groups and ink.top() <= groups[-1].bottom() + PANEL_PAD:
                groups[-1] = groups[-1].united(ink)
            else:
                groups.append(QRectF(ink))
        cards = []
        for group in groups:
            pad = min(PANEL_PAD, group.height() * 0.6)
            cards.append(group.adjusted(-pad, -pad, pad, pad).intersected(self.rect))
        return cards

    def _under_words(self) -> QRectF:
        """Where the picture lies under its words: around the words over it (a vase in
        the middle of a white photo is not under a title at the left), or, before they
        are placed, its dark part (not its fade)."""
        words = QRectF()
        for ink in self._word_inks():
            words = words.united(ink)
        if not words.isEmpty():
            pad = words.height() * 0.3
            return words.adjusted(-pad, -pad, pad, pad).intersected(self.rect)
        dark = QRectF(self.rect)
        if self.falling:
            dark.setBottom(self.rect.top() + self.rect.height() * self.solid)
        else:
            dark.setTop(self.rect.bottom() - self.rect.height() * self.solid)
        return dark

    def colour_words(self) -> None:
        """The words over it dark where the picture is light all through (a photograph
        of an object on white: a grey slab of shade was all it got), white again where
        it is not."""
        if self.dark is None:
            return
        for item in self._words_over():
            if self.light and item not in self._white:
                self._white[item] = item.color
                item.set_color(self.dark)
            elif not self.light and item in self._white:
                item.set_color(self._white.pop(item))

    def _elsewhere(self) -> tuple[list[QRectF], list[QRectF]]:
        """Where its slide's (or its page's) words over pictures are in the deck's other
        languages (``ImageSlideView.elsewhere``), and where a gallery's title is (over every page,
        not on this shade's): in the scene's coordinates."""
        item, mine = self.parentItem(), []
        while item is not None and not hasattr(item, "elsewhere"):
            mine.append(item)
            item = item.parentItem()
        return ([(item if parent is None else parent).mapRectToScene(rect)
                 for parent, rect in getattr(item, "elsewhere", [])
                 if parent is None or parent in mine],  # (not another page's caption:
                # in English a gallery's third photo got a card for the first's
                # Chinese caption, in Chinese a shade, trial 34)
                [box.ink_rect() for box in getattr(item, "heading", [])
                 if isinstance(box, TextBox) and box.text and box.parentItem() is not
                 self.parentItem()])

    def _words_over(self) -> Iterator[TextBox]:
        """The texts of its slide (or page) that lie over it."""
        view = self.parentItem()
        area = self.mapRectToScene(self.rect)
        for item in descendants(view) if view is not None else ():
            if isinstance(item, TextBox) and area.contains(item.ink_rect().center()):
                yield item

    def boundingRect(self) -> QRectF:
        return self.rect

    def _colour(self, alpha: int) -> QColor:
        return QColor(self.tint.red(), self.tint.green(), self.tint.blue(), alpha)

    def _alpha(self, share: float) -> int:
        """How dark at ``share`` of the way down the rect: dark through its solid part,
        then fading out smoothly (no slope where the fade begins nor where it ends: a
        straight fade drew an edge, a band across the photograph)."""
        from_dark = share if self.falling else 1 - share  # (0 at the dark end)
        fading = 1 - self.solid
        t = 0.0 if from_dark <= self.solid else min(
            1.0, (from_dark - self.solid) / fading) if fading > 0 else 0.0
        return round(255 * self.level * (1 - t * t * (3 - 2 * t)))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        rect = self.rect
        if self.cards:  # (a light scrim: a soft-cornered card of white under each
            painter.setPen(Qt.PenStyle.NoPen)  # group of words)
            painter.setBrush(self._colour(round(255 * self.level)))
            for card in self.cards:
                radius = min(card.height(), card.width()) * 0.12
                painter.drawRoundedRect(card, radius, radius)
            return
        engine = painter.paintEngine()
        if engine is not None and engine.type() == QPaintEngine.Type.Pdf:
            step = rect.height() / self.BANDS
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # (no seams)
            for n in range(self.BANDS):
                painter.fillRect(QRectF(rect.left(), rect.top() + n * step, rect.width(),
                                        step), self._colour(self._alpha((n + 0.5) / self.BANDS)))
            painter.restore()
            return
        gradient = QLinearGradient(0, rect.top(), 0, rect.bottom())
        edge = self.solid if self.falling else 1 - self.solid  # where the fade begins
        fade = [edge + (1 - edge) * n / STOPS for n in range(STOPS + 1)] if self.falling \
            else [edge * n / STOPS for n in range(STOPS + 1)]
        for stop in sorted({0.0, 1.0, *fade}):
            gradient.setColorAt(stop, self._colour(self._alpha(stop)))
        painter.fillRect(rect, gradient)


UPPER_THIRD = 1 / 3
"""On a totem, a photograph cut at top and bottom is cut around its upper third unless
its ``focus`` says where (a water tower lost its roof around the middle: trial 15)."""


def clear_of_words(ctx: SlideContext, words: list[TextBox],
                   elsewhere: Sequence[QRectF] = ()) -> list[QRectF]:
    """The rooms clear of ``words`` over a picture, and of where they are in the other
    languages (``elsewhere``: the object keeps its size as a visitor switches), where an
    object shown whole on its own ground may stand (with a little air): between those
    above the middle and those below it, across the screen, or at their right, from the
    top to the foot."""
    area, pad = ctx.content, ctx.size("body") * 0.8
    inks = [box.ink_rect() for box in words if box.text] + list(elsewhere)
    middle = area.center().y()
    top = max((r.bottom() + pad for r in inks if r.center().y() < middle), default=area.top())
    bottom = min((r.top() - pad for r in inks if r.center().y() >= middle),
                 default=area.bottom())
    right = max((r.right() + pad * 2 for r in inks), default=area.left())
    return [QRectF(area.left(), top, area.width(), max(1.0, bottom - top)),
            QRectF(right, area.top(), max(1.0, area.right() - right), area.height())]


def fills_under_title(ctx: SlideContext, natural: QSize) -> bool:
    """Whether a photo filling a totem is drawn from under its title down, not under it
    too: one that loses its sides to fill the screen (upright, but not as tall as the
    screen: its subject is where the title would be, the bodhisattva's face under the
    title and its shade, trial 40); it loses less of them so."""
    return ctx.portrait and natural.isValid() and not natural.isEmpty() and \
        natural.width() / natural.height() > ctx.width / ctx.height * UNDER_TITLE


def focus_of(photo: ImageSlide | Photo, ctx: SlideContext) -> tuple[float, float]:
    """What of a photograph stays in view when it is cropped: its ``focus``, or, not
    given, its middle (on a totem, its upper third: a tower's roof, a person's head)."""
    if "focus" in photo.model_fields_set or not ctx.portrait:
        return photo.focus
    return (photo.focus[0], UPPER_THIRD)


def beside(ctx: SlideContext, natural: QSize, top: float) -> tuple[QRectF, QRectF] | None:
    """Where a picture shown whole on a wall stands beside its words, as tall as the room
    from ``top``: the words' column at the margin, where every slide's title starts
    (clear of the credit's line), and the picture right beside it (a slide's pair in
    the middle put its title 250 px right of every other's, and its picture elsewhere
    than in a gallery: trials 29 and 31); None where the picture is not upright (or
    square) enough."""
    area = ctx.content
    if ctx.portrait or not natural.isValid() or natural.height() <= 0 or \
            natural.width() > natural.height() * BESIDE_SQUARE:
        return None
    height = area.bottom() - top
    width = natural.width() / natural.height() * height
    gap = ctx.width * 0.04
    column = min(area.width() * BESIDE_COLUMN, area.width() - width - gap)
    if width > area.width() * BESIDE_WIDEST or column < area.width() * 0.3:
        return None
    left = area.left()
    x = left + column + gap + (area.right() - (left + column + gap) - width) / 2
    # (in the middle of what the words leave, and they as wide as a good measure allows:
    # a column of 0.36 beside a photo at its side left 585 px empty at the right, trial
    # 32; a photo right of a narrow column stood 700 px from its caption, trial 16)
    below = ctx.room("source", 2) + ctx.size("body")
    return (QRectF(left, top, column, max(1.0, height - below)),
            QRectF(x, top, width, height))


class FramedView(SlideView):
    """A photograph or a video: ``fill``, it covers the stage, the title over a shade at
    the top, caption and credit over a shade at the bottom; ``fit``, the title above,
    the picture whole in the room left, the caption under it."""

    slide: ImageSlide | VideoSlide

    def media(self, path: Path | None, rect: QRectF, fill: bool) -> QGraphicsItem:
        """The item that draws the picture or the video inside ``rect``."""
        raise NotImplementedError

    def natural(self, path: Path | None) -> QSize:
        """The picture's or the video's own size (invalid where it cannot be read)."""
        raise NotImplementedError

    def plain(self, path: Path | None) -> bool:
        """Whether it is an object on a plain light ground (a video never is)."""
        return False

    def build(self) -> None:
        ctx, s = self.ctx, self.slide
        self.shades: list[Shade] = []
        """The shades under words over the picture (their words dark over a light one)."""
        self.caption_boxes: list[TextBox] = []
        """The photograph's captions (a band of an audio guide's captions stays above)."""
        self.elsewhere: list[tuple[QGraphicsItem | None, QRectF]] = []
        """Where the title and captions are in the deck's other languages (in their
        parent's coordinates: a gallery's page moves): a shade under them is decided
        over them all, so that a photo looks one way in every language (a longer
        English caption over a tower had a dark shade, the Chinese one none)."""
        path = ctx.assets.get(s.src)
        self.filled = s.fit == "fill" and (fills_screen(self.natural(path), ctx.width,
                                                         ctx.height) or self.plain(path))
        """Whether it covers the screen: ``fill`` asks it, unless it is of another shape
        (an upright photo on a landscape wall cut to a third, a 16:9 video on a totem to
        a third of its width and blurred): then it is shown whole, as ``fit``; an object
        on a plain light ground is shown whole on its ground, which fills the screen."""
        if self.filled:
            under = s.title is not None and not self.plain(path) and fills_under_title(
                ctx, self.natural(path))
            title_bottom = self._title(ON_PHOTO) if s.title and under else None
            top = self._under_every_title(title_bottom) - ctx.size("title") * 0.3 \
                if title_bottom is not None else 0.0
            stage = QRectF(0, top, ctx.width, ctx.height - top)
            self.picture = self.media(path, stage, True)
            self.picture.setData(BLEED, True)
            self.picture.setZValue(-2)
            if self.plain(path) and not ctx.portrait:
                title_bottom, caption = self._label()
            else:
                if not under:
                    title_bottom = self._title(ON_PHOTO) if s.title else None
                caption = self._caption(s.caption, ON_PHOTO, ctx.content.bottom(), self) \
                    if s.caption else None
            self._shades(self.picture, None if under else title_bottom,  # (a title on
                         # the show's ground, above the picture, needs no shade)
                         caption.ink_rect().top() if caption else None, self)
            if isinstance(self.picture, PictureItem):  # (in every language alike: the
                self.picture.rooms = clear_of_words(ctx, [  # model shrank in English,
                    item for item in self.childItems() if isinstance(item, TextBox)],  # t. 21
                    [(self if parent is None else parent).mapRectToScene(ink)
                     for parent, ink in self.elsewhere])
            return
        area = ctx.content
        natural = self.natural(path)
        if self._beside(path, natural) or self._panned(path, natural):
            return
        top = self._under_every_title(self._title(ctx.palette.text))

        def drawn_width(under: float) -> float:
            """How wide the picture is drawn with ``under`` of the room left under it."""
            if not natural.isValid() or not natural.height():
                return area.width()
            return min(area.width(), natural.width() / natural.height() * max(
                1.0, area.bottom() - top - under))

        def caption_width(c: SlideContext) -> float | None:
            """How wide the caption is set in ``c``'s language: no wider than the picture
            over it, where that leaves it room (it ran 200 px past an upright photo);
            None: the captions' width (a long one is not cut short in a narrow column)."""
            for lines in (1, 2, 3):
                drawn = drawn_width(ctx.room("body", lines, 1.4) + ctx.size("body") * 0.6)
                if not ctx.size("body") * 10 <= drawn < self._caption_width():
                    break
                if c.lines(c.text(s.caption), drawn, "body") <= lines:
                    return drawn
            return None

        caption = None
        caption_h = 0.0
        if s.caption:
            caption = self._caption(s.caption, ctx.palette.text, area.bottom(), self,
                                    valign="top", width=caption_width(ctx))
            caption_h = max([caption.text_height, *(  # (as tall as in the language that
                other.box(None, other.text(s.caption), QRectF(  # takes most lines: the
                    0, 0, caption_width(other) or self._caption_width(),  # photo one size
                    ctx.room("body", 3, 1.4)), "body", max_lines=3,  # in every language,
                    line_height=1.4).text_height  # not wider in Chinese, trial 28)
                for other in self._others())]) + ctx.size("body") * 0.6
        rect = QRectF(area.left(), top, area.width(), max(1.0, area.bottom() - top - caption_h))
        if ctx.portrait:  # (on a totem, from the title's left edge, as its caption and
            rect.setWidth(drawn_width(caption_h))  # credit are: one edge, not two)
        self.picture = self.media(path, rect, False)
        if caption is not None:  # right under the picture, from its left edge
            drawn = self.picture.target()  # type: ignore[attr-defined]
            left = max(area.left(), min(drawn.left(), area.right() - caption.text_width))
            caption.setPos(left, drawn.bottom() + ctx.size("body") * 0.6)
            if ctx.portrait:  # (its credit under it: one left edge for the picture, its
                self.credit_left = left  # caption and its credit, not three, trial 25;
                # on a wall the credit keeps to its corner, left of the progress dots)


    def _label(self) -> tuple[float | None, TextBox | None]:
        """An object's title and caption on a wall, one label in a column at the left,
        the caption right under the title in every language (the title at the top and
        the caption at the foot left 400 px of nothing between them, and a long title
        pushed the object against the right edge, 600 px from its caption: trials 35
        and 40): where the title's words end and the caption."""
        ctx, s = self.ctx, self.slide
        area = ctx.content
        width = self._label_width()
        top = self._title(ON_PHOTO, width=width, lines=COLUMN_TITLE_LINES)
        if not s.caption:
            return (top if s.title else None), None
        gap = ctx.size("body") * 0.2
        lines = max(3, int((area.bottom() - self._under_every_title(top) - gap - ctx.room(
            "source", 2)) // (ctx.size("body") * 1.4)))
        caption = self._caption(s.caption, ON_PHOTO, area.bottom(), self, valign="top",
                                width=width, lines=lines)
        caption.setPos(area.left(), top + gap)  # (under its own title, in each language)
        height = ctx.room("body", lines, 1.4)

        def under_title(other: SlideContext) -> QRectF:
            title = self._column_title(other, width).text_height + ctx.size("title") * 0.5 \
                if s.title else 0.0
            return QRectF(area.left(), area.top() + title + gap, width, height)

        self._measure_elsewhere(s.caption, QRectF(), self, "body", at=under_title,
                                max_lines=lines, line_height=1.4, valign="top")
        return (top if s.title else None), caption

    def _label_width(self) -> float:
        """The width of an object's label: LABEL_COLUMN of the room, or as much wider,
        up to BESIDE_COLUMN, as its title needs to take no more lines in any language
        than at that (a title of four lines, "Stone Statue / of Li Bing, / Eastern Han /
        (AD 168)", where a little wider set it in two)."""
        ctx, s = self.ctx, self.slide
        area = ctx.content
        widths = [area.width() * (LABEL_COLUMN + (BESIDE_COLUMN - LABEL_COLUMN) * n / 4)
                  for n in range(5)]
        if not s.title:
            return widths[0]

        def lines(width: float) -> list[int]:
            return [len(self._column_title(c, width).lines) for c in (ctx, *self._others())]

        widest = lines(widths[-1])
        return next(width for width in widths if all(
            n <= most for n, most in zip(lines(width), widest, strict=True)))

    def _column_title(self, c: SlideContext, width: float) -> TextBox:
        """The title as a column of ``width`` sets it in ``c``'s language (measured, not
        placed), as ``_title`` does with COLUMN_TITLE_LINES."""
        return c.box(None, c.text(self.slide.title), QRectF(0, 0, width, c.room(
            "title", COLUMN_TITLE_LINES, 1.2)), "title", bold=True,
            max_lines=COLUMN_TITLE_LINES, line_height=1.2)

    def _others(self) -> list[SlideContext]:
        """The slide's context in each of the deck's other languages."""
        return [dataclasses.replace(self.ctx, language=language)
                for language in self.ctx.deck.languages if language != self.ctx.language]

    def _beside(self, path: Path | None, natural: QSize) -> bool:
        """An upright picture on a wide screen, shown whole: as tall as the room, at its
        right, the title and the caption in a column at its left (under the title it
        was a sliver, 6 % of the wall, its caption running past it: trial 14). False
        where it is not upright enough for that (it is then set under the title)."""
        ctx, s = self.ctx, self.slide
        area = ctx.content
        placed = beside(ctx, natural, area.top())
        if placed is None:
            return False
        column, picture = placed
        self.picture = self.media(path, picture, False)
        left = column.left()
        self.credit_at = QRectF(column)  # (its credit in the words' column, not at the
        # screen's edge, 250 px left of them: trial 17)
        top = self._title(ctx.palette.text, width=column.width(), left=left,
                          lines=COLUMN_TITLE_LINES)
        if s.caption:  # (the column's height is its: a long caption is not cut at 3 lines)
            room = column.bottom() - top - ctx.size("body") * 0.2
            lines = max(3, int(room // (ctx.size("body") * 1.4)))
            caption = self._caption(s.caption, ctx.palette.text, area.bottom(), self,
                                    valign="top", width=column.width(), lines=lines)
            caption.setPos(left, top + ctx.size("body") * 0.2)
        return True

    def _panned(self, path: Path | None, natural: QSize) -> bool:
        """A panorama far wider than a tall screen, travelled across (a photograph's);
        False where it is shown otherwise."""
        return False

    def words_placed(self) -> None:
        for shade in self.shades:  # (the credit, placed last, dark too where it must)
            shade.colour_words()

    def _shades(self, picture: QGraphicsItem, title_bottom: float | None,
                caption_top: float | None, parent: QGraphicsItem) -> None:
        """Dark shades where words lie over the picture, under the pictures' words: fully
        dark from the edge to just past the title (or the caption, the credit and the
        on-screen controls), fading out smoothly over a fifth of the screen beyond (white
        text on white snow reads at 4.5:1 or better)."""
        ctx = self.ctx
        fade, pad = max(ctx.size("body") * 2, ctx.height * FADE), ctx.size("body") * 0.6
        if not isinstance(picture, PictureItem):  # (a video's shade, as dark as any frame
            fade = max(ctx.size("body") * 1.5, ctx.height * FADE_VIDEO)  # may need, fades
            # out sooner: it darkened half the film for a title and a caption of a line)
        dark_from = min(caption_top if caption_top is not None else ctx.content.bottom(),
                        ctx.content.bottom()) - pad
        top = dark_from - fade
        dark = ctx.palette.background if isinstance(picture, PictureItem) else None
        bottom = Shade(QRectF(0, top, ctx.width, ctx.height - top), False,
                       (ctx.height - dark_from) / (ctx.height - top), parent, dark)
        shades = [bottom]
        if title_bottom is not None:
            dark_to = title_bottom + pad
            shades.append(Shade(QRectF(0, 0, ctx.width, dark_to + fade), True,
                                dark_to / (dark_to + fade), parent, dark))
        self.shades += shades
        for shade in shades:
            shade.setData(BLEED, True)
            shade.setZValue(-1)  # (over the picture, under its words)
        if isinstance(picture, PictureItem):  # (a video's frames change: as dark as may be)

            def adapt(_image: QImage) -> None:
                for shade in shades:
                    shade.adapt(picture)

            picture.on_image = adapt
            if picture.image is not None:
                adapt(picture.image)

    def _title(self, colour: QColor, top: float | None = None, *,
               width: float | None = None, left: float | None = None, lines: int = 2
               ) -> float:
        """The title at ``top`` (the top of the content), ``left`` and ``width`` (the
        content's, 80 % of it on a wall), in up to ``lines``; where what is under it may
        begin (none: ``top``)."""
        ctx, s = self.ctx, self.slide
        area = ctx.content
        top = area.top() if top is None else top
        if not s.title:
            return top
        rect = QRectF(area.left() if left is None else left, top, width or area.width() * (
            1.0 if ctx.portrait else 0.8), ctx.room("title", lines, 1.2))
        box = ctx.box(self, ctx.text(s.title), rect, "title", bold=True, color=colour,
                      max_lines=lines, line_height=1.2)
        self._measure_elsewhere(s.title, rect, self, "title", bold=True, max_lines=lines,
                                line_height=1.2)
        return top + box.text_height + ctx.size("title") * 0.5

    def _under_every_title(self, top: float) -> float:
        """``top``, or lower: under the title in every language (under one line in
        Chinese and two in English, a band moved as a visitor switched, trial 23, and a
        photo shown whole changed its size, trial 26)."""
        inks = [self.mapRectToScene(ink).bottom() for parent, ink in self.elsewhere
                if parent is None]
        return max(top, max(inks) + self.ctx.size("title") * 0.5) if inks else top

    def _caption_width(self) -> float:
        area = self.ctx.content
        badge = getattr(self, "badge", None)  # (a video's sound badge at the foot)
        room = area.width() - (badge.side * 1.4 if badge is not None else 0.0)
        return room if self.ctx.portrait else area.width() * 0.62

    def captions_bottom(self) -> float | None:
        """Above the photograph's own caption (of any photo, in a gallery)."""
        tops = [self.mapRectFromScene(box.ink_rect()).top() for box in self.caption_boxes
                if box.text]  # (ink_rect is in the scene's coordinates)
        return min(tops) - self.ctx.size("body") * 0.5 if tops else None

    def _caption(self, text: Text, colour: QColor, bottom: float, parent: QGraphicsItem,
                 valign: str = "bottom", width: float | None = None, lines: int = 3
                 ) -> TextBox:
        """A caption's ``lines``, their last one at ``bottom`` (placed by the caller when
        ``valign`` is top), as wide as the slide's captions are or ``width``."""
        ctx, area = self.ctx, self.ctx.content
        height = self.ctx.room("body", lines, 1.4)
        rect = QRectF(area.left(), bottom - height, width or self._caption_width(), height)
        box = ctx.box(parent, ctx.text(text), rect, "body", color=colour, max_lines=lines,
                      line_height=1.4, valign=valign)
        self.caption_boxes.append(box)
        if valign == "bottom":  # (placed where it is drawn: not moved after)
            self._measure_elsewhere(text, rect, parent, "body", max_lines=lines,
                                    line_height=1.4, valign=valign)
        return box

    def _measure_elsewhere(self, text: Text, rect: QRectF, parent: QGraphicsItem,
                           role: str, *, at: Callable[[SlideContext], QRectF] | None = None,
                           **kw: Any) -> None:
        """Where ``text`` set in ``rect`` of ``parent`` (or where ``at`` says, in each
        language) is in the deck's other languages (``elsewhere``)."""
        for language in self.ctx.deck.languages:
            if language == self.ctx.language:
                continue
            other = dataclasses.replace(self.ctx, language=language)
            box = other.box(None, other.text(text), rect if at is None else at(other),
                            role, **kw)
            if box.text:
                self.elsewhere.append((None if parent is self else parent,  # (a box
                                       box.ink_rect()))  # of no scene: its ink in its
                # parent's coordinates; None, the view's: not the view itself, a cycle
                # only the garbage collector frees, and it may run in a decoding thread)

    credit_at: QRectF | None = None
    """The column of a picture's words beside it, where its credit lines up with them."""
    credit_left: float | None = None
    """Where a picture's caption under it begins, and its credit (none: at the margin)."""

    def source_line(self, text: str, colour: QColor, parent: QGraphicsItem, *,
                    left: float | None = None) -> None:
        """The credit where a source line is; beside an upright picture, at the foot of
        its words' column."""
        if self.credit_at is None:
            super().source_line(text, colour, parent, left=left if left is not None
                                else self.credit_left)
            return
        ctx, column = self.ctx, self.credit_at
        height = ctx.room("source", 2)
        ctx.box(parent, text, QRectF(column.left(), ctx.content.bottom() - height,
                                     column.width(), height), "source", color=colour,
                max_lines=2, valign="bottom")

    def source_text(self) -> str:
        """The photograph's credit where the source line is (the deck's source is of
        its figures, not of this picture)."""
        s = self.slide  # (none: the slide's own source, if it has one; not the deck's,
        return self.ctx.text(s.credit or s.source)  # which would read as the picture's)

    def source_colour(self) -> QColor:
        if self.filled:
            colour = QColor(ON_PHOTO)
            colour.setAlphaF(0.85)
            return colour
        return super().source_colour()


class ImageView(FramedView):
    """A photograph, pushed in slowly over the slide's time when it says ``zoom``."""

    slide: ImageSlide
    picture: PictureItem

    def natural(self, path: Path | None) -> QSize:
        return natural_size(path)

    def plain(self, path: Path | None) -> bool:
        return on_plain_ground(path)

    def media(self, path: Path | None, rect: QRectF, fill: bool) -> QGraphicsItem:
        ctx, s = self.ctx, self.slide
        item = PictureItem(path, rect, fill=fill, focus=focus_of(s, ctx), zoom=s.zoom,
                           natural=natural_size(path), background=ctx.palette.surface,
                           whole_on_ground=fill, parent=self)
        if s.zoom > 1.0:
            self.timeline.add(Track(0.0, ctx.deck.slide_duration(s), "linear"),
                              item.set_progress)
        return item

    def _panned(self, path: Path | None, natural: QSize) -> bool:
        """A panorama on a totem (three times as wide as tall, or more: shown whole, a
        strip 134 px high, its cranes lost, trial 14): across the screen, PAN_HEIGHT of
        it high, travelled from its left edge to its right over the slide's time; its
        title above, its caption under it."""
        ctx, s = self.ctx, self.slide
        if not pans(natural, ctx):
            return False
        area = ctx.content
        top = self._under_every_title(self._title(ctx.palette.text))
        gap = ctx.size("body") * 0.6
        caption = self._caption(s.caption, ctx.palette.text, area.bottom(), self,
                                valign="top") if s.caption else None
        below = max([caption.text_height if caption else 0.0, *(  # (its caption's
            dataclasses.replace(ctx, language=language).box(None, dataclasses.replace(
                ctx, language=language).text(s.caption), QRectF(0, 0, self._caption_width(),
                ctx.room("body", 3, 1.4)), "body", max_lines=3, line_height=1.4).text_height
            for language in ctx.deck.languages if s.caption)]) + (gap if caption else 0.0)
        room = area.bottom() - top - below  # (tallest, likewise)
        height = min(room, ctx.height * PAN_HEIGHT)
        band = QRectF(0, top + (room - height) * OPTICAL_MIDDLE, ctx.width, height)
        item = PictureItem(path, band, fill=True, focus=s.focus, natural=natural,
                           background=ctx.palette.surface, parent=self)
        item.pan = True
        item.setData(BLEED, True)  # (edge to edge: the screen is its frame)
        self.picture = item
        self.timeline.add(Track(0.0, ctx.deck.slide_duration(s), "ease-in-out-cubic"),
                          item.set_progress)
        if caption is not None:
            caption.setPos(area.left(), band.bottom() + gap)
        return True

    def start(self, now: float, *, reduced_motion: bool = False) -> None:
        if isinstance(self.picture, PictureItem):  # (a panorama held at its focus: an
            self.picture.still = reduced_motion  # export showed its right end only)
        super().start(now, reduced_motion=reduced_motion)

    def stop(self) -> None:
        """Off the screen: the photograph is let go of (the decoder keeps it while there
        is room)."""
        super().stop()
        self.picture.release()


SOUND_ZONE = 1 - 2 * EDGE_ZONE
"""The middle share of the stage's width where a tap on a video turns its sound on or
off (the edges turn the page, as on every slide)."""


class SoundBadge(QGraphicsItem):
    """A loudspeaker in a dark circle: crossed out while the video is silent (tap for
    its sound), with its waves while it sounds."""

    def __init__(self, centre: QPointF, side: float, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.centre, self.side, self.on = centre, side, False

    def set_on(self, on: bool) -> None:
        self.on = on
        self.update()

    def boundingRect(self) -> QRectF:
        half = self.side / 2
        return QRectF(self.centre.x() - half, self.centre.y() - half, self.side, self.side)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        rect, s = self.boundingRect(), self.side
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 150))
        painter.drawEllipse(rect)
        x, y = rect.left(), rect.top()
        speaker = QPainterPath()
        speaker.moveTo(x + s * 0.22, y + s * 0.40)
        speaker.lineTo(x + s * 0.34, y + s * 0.40)
        speaker.lineTo(x + s * 0.50, y + s * 0.26)
        speaker.lineTo(x + s * 0.50, y + s * 0.74)
        speaker.lineTo(x + s * 0.34, y + s * 0.60)
        speaker.lineTo(x + s * 0.22, y + s * 0.60)
        speaker.closeSubpath()
        painter.setBrush(ON_PHOTO)
        painter.drawPath(speaker)
        pen = QPen(ON_PHOTO, s * 0.06, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.on:
            for r in (0.12, 0.22):
                painter.drawArc(QRectF(x + s * (0.5 - r), y + s * (0.5 - r), s * 2 * r,
                                       s * 2 * r), -45 * 16, 90 * 16)
        else:
            painter.drawLine(QPointF(x + s * 0.60, y + s * 0.38),
                             QPointF(x + s * 0.80, y + s * 0.62))
            painter.drawLine(QPointF(x + s * 0.80, y + s * 0.38),
                             QPointF(x + s * 0.60, y + s * 0.62))
        painter.restore()


class VideoView(FramedView):
    """A video, looping without a gap while the slide is on screen; its poster (or first
    frame) in an export and with reduced motion. With ``sound``, a tap on it plays its
    sound from where the picture is (and a tap again silences it); leaving the slide
    silences it."""

    slide: VideoSlide
    picture: VideoItem

    def natural(self, path: Path | None) -> QSize:
        info = videos.probe(path) if path is not None else None
        return QSize(info.width, info.height) if isinstance(info, videos.VideoInfo) \
            else QSize()

    def media(self, path: Path | None, rect: QRectF, fill: bool) -> QGraphicsItem:
        ctx, s = self.ctx, self.slide
        item = VideoItem(path, rect, fill=fill, focus=s.focus, name=s.src,
                         poster=poster(ctx.assets.get(s.poster) if s.poster else None, rect),
                         background=ctx.palette.surface, loop=s.advance != "end",
                         parent=self)
        self.sounding = False
        self.now: float | None = None
        self.badge: SoundBadge | None = None
        if s.sound and item.info is not None and item.info.sound:
            side = ctx.size("label") * 2.4
            area = item.target() if not fill else ctx.content
            inset = side * 0.5 + ctx.size("label") * (0.6 if not fill else 0.0)
            self.badge = SoundBadge(QPointF(area.right() - inset, area.bottom() - inset),
                                    side, self)  # (at the foot: under the language
            # switch in the corner above, two round things read as two buttons)
        return item

    def step(self, now: float) -> bool:
        self.now = now
        return super().step(now)

    def explore(self, point: QPointF) -> bool:
        """A tap on the loudspeaker, or on the video away from the page-turning edges:
        its sound on, or off."""
        if self.badge is None or self.now is None:
            return super().explore(point)
        on_badge = self.badge.boundingRect().adjusted(
            -self.badge.side * 0.25, -self.badge.side * 0.25, self.badge.side * 0.25,
            self.badge.side * 0.25).contains(point)  # (a finger's width round it)
        if not on_badge and (not self.picture.target().contains(point) or abs(
                point.x() - self.ctx.width / 2) > self.ctx.width * SOUND_ZONE / 2):
            return super().explore(point)
        from kiosk.show import sound

        if self.sounding:
            sound.output().stop()
        elif self.picture.path is not None:
            volume = self.ctx.sound.volume if self.ctx.sound is not None else 1.0
            sound.output().play(self.picture.path, volume,
                                self.picture.position(self.now))
            if getattr(sound.output(), "silent", False):
                return True  # (no sound device here: the badge stays crossed out)
        self.sounding = not self.sounding
        self.badge.set_on(self.sounding)
        return True

    def stop(self) -> None:
        """Off the screen: silent again (the next visitor starts muted)."""
        super().stop()
        if getattr(self, "sounding", False):
            from kiosk.show import sound

            sound.output().stop()
            self.sounding = False
            if self.badge is not None:
                self.badge.set_on(False)
