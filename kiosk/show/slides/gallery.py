"""Photographs a visitor swipes through, pinches to look closer at, and double-taps to
see whole again.

Each photograph is a page: the picture, its shades, caption, credit and count ("3 / 12").
One page is on screen; a step slides the next in on the show's clock. Looking closer
scales the picture on screen (and the decoder draws it again sharper, once it is asked
for at the larger size); its words step aside until it is whole again.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.deck.model import GallerySlide, Photo
from kiosk.play.commands import Zoom
from kiosk.play.easing import ease_in_out_cubic, ease_out_cubic
from kiosk.show.context import OPTICAL_MIDDLE
from kiosk.show.photo import PictureItem, fills_screen, fitted, natural_size, on_plain_ground
from kiosk.show.slides.base import BLEED
from kiosk.show.slides.image import (
    ON_PHOTO,
    PAN_HEIGHT,
    FramedView,
    Shade,
    beside,
    clear_of_words,
    fills_under_title,
    focus_of,
    pans,
)
from kiosk.show.textbox import TextBox
from kiosk.weak import weakly

SLIDE_TIME = 0.35
"""Seconds a photograph takes to slide in."""
MAX_ZOOM = 4.0
"""How much closer than whole a visitor may look."""
DOUBLE_TAP_ZOOM = 2.5
"""How much closer a double tap on a whole picture looks."""
COUNT_SHARE = 0.3
"""Of the content's width, the count's ("12 / 20"), at the top left over the title."""


class Page(QGraphicsItem):
    """One photograph of a gallery, with its words: draws nothing itself."""

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.picture: PictureItem | None = None
        self.words: list[QGraphicsItem] = []
        """What steps aside while the picture is looked at closer: shades, caption,
        credit, count."""
        self.top_shade: Shade | None = None
        """The shade under the title over this photo (none where the photo is fitted)."""

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        pass


SHARED_LEAST = 0.75
"""On a totem, a photo shown whole in a gallery is drawn no smaller than this share of its
size to stand on the caption line its fellows share."""


BESIDE_SMALLER = 0.85
"""A photo beside a gallery's title, right of it, may be made this much smaller to stand
clear of it (under it, it was a third smaller); smaller still where it would be smaller
still under it."""

BESIDE_GAP = 0.03
"""The air between an upright photo and the title beside it, as a share of the width
(a fiftieth: 40 px at 1.3 read as touching, trial 35; a twenty-fifth moved it under a long
title, 40 % smaller)."""


class GalleryView(FramedView):
    """Photographs, one on screen at a time: ``go_to_step`` slides the next in, ``zoom``
    looks closer at the one on screen."""

    slide: GallerySlide  # type: ignore[assignment]

    def build(self) -> None:
        ctx, s = self.ctx, self.slide
        self.caption_boxes = []
        self.shades = []
        self.elsewhere = []
        self._white: dict[TextBox, QColor] = {}
        fill = self.filled = s.fit == "fill"
        colour = ON_PHOTO if fill else ctx.palette.text
        area = ctx.content
        self.count_height = ctx.room("detail", 1)
        before = set(self.childItems())
        title_bottom = self._title(colour, area.top() + self.count_height * 1.1) \
            if s.title else None
        self.heading = [item for item in self.childItems() if item not in before]
        for item in self.heading:
            item.setZValue(1)  # (over every page)
        self._lift = self._shared_lift(fill, title_bottom)
        """How far every photo shown whole is lifted from the foot with its caption, where
        they share one height (a totem); None: each in its own optical middle."""
        self.pages = [self._page(n, photo, fill, colour, title_bottom)
                      for n, photo in enumerate(s.photos)]
        self.at = 0
        self.closer, self.tx, self.ty = 1.0, 0.0, 0.0
        self._motion: tuple[float, int, int] | None = None
        """(start, direction, page it came from) while a photograph slides in."""
        self.screen_scale: float | None = None
        """The scale of the screen the photos were drawn on (None: not yet drawn)."""
        self._showing = set(range(len(self.pages)))
        """The pages visible."""
        self._arrange(0.0)

    def _page(self, n: int, photo: Photo, fill: bool, colour: QColor,
              title_bottom: float | None) -> Page:
        ctx, area = self.ctx, self.ctx.content
        page = Page(self)
        path = ctx.assets.get(photo.src)
        count = ctx.box(page, f"{n + 1} / {len(self.slide.photos)}", QRectF(
            area.left(), area.top(), area.width() * COUNT_SHARE, self.count_height),
            "detail", color=colour, max_lines=1)
        page.words.append(count)
        natural = natural_size(path)
        panned = pans(natural, ctx)
        if fill and not panned and not fills_screen(natural, ctx.width, ctx.height) and \
                not on_plain_ground(path):  # (of another shape: whole, under the title,
            fill, colour = False, ctx.palette.text  # its words under it)
            count.set_color(colour)
        foot = area.bottom() - (self._lift or 0.0)  # (where every caption ends)
        if panned:
            count.set_color(ctx.palette.text)
            caption = self._caption(photo.caption, ctx.palette.text, foot, page
                                    ) if photo.caption else None  # (a panorama, as on a
            below = caption.text_height + ctx.size("body") * 0.6 if caption else 0.0  # slide
            band = QRectF(0, foot - below - ctx.height * PAN_HEIGHT, ctx.width,  # of
                          ctx.height * PAN_HEIGHT)  # its own: a band across a totem, travelled
            page.picture = PictureItem(path, band, fill=True, focus=photo.focus,  # along
                                       natural=natural, background=ctx.palette.surface,
                                       parent=page)  # while it is on screen; a strip 134 px
            page.picture.pan = True  # high in a gallery before)
            page.picture.setData(BLEED, True)
        elif fill:
            top_words = max(title_bottom or area.top(), count.ink_rect().bottom())
            under = not on_plain_ground(path) and fills_under_title(ctx, natural)
            top = self._under_every_title(top_words) - ctx.size("title") * 0.3 \
                if under else 0.0  # (from under the title in every language)
            page.picture = PictureItem(path, QRectF(0, top, ctx.width, ctx.height - top),
                                       fill=True, focus=focus_of(photo, ctx), natural=natural,
                                       background=ctx.palette.surface,
                                       whole_on_ground=True, parent=page)
            page.picture.setData(BLEED, True)
            page.picture.setZValue(-2)
            caption = self._caption(photo.caption, ON_PHOTO, foot, page) \
                if photo.caption else None
            before = set(page.childItems())
            made = len(self.shades)
            self._shades(page.picture, None if under else top_words,  # (no shade for a
                         caption.ink_rect().top() if caption else None, page)  # title on
            # the show's ground)
            page.picture.rooms = clear_of_words(ctx, [*(item for item in self.heading if
                                                        isinstance(item, TextBox)), count,
                                                      *([caption] if caption else [])],
                                                [(self if parent is None else parent)
                                                 .mapRectToScene(ink) for parent, ink
                                                 in self.elsewhere if parent in (page, None)])
            page.top_shade = next((shade for shade in self.shades[made:] if shade.falling),
                                  None)
            if page.top_shade is not None:
                page.top_shade.on_light = weakly(self._title_colour)  # (not the view:
                # a cycle through Qt, freed by the garbage collector in any thread)
            page.words += [item for item in page.childItems() if item not in before]
        elif (placed := self._page_beside(natural, count, title_bottom)) is not None:
            column, picture_rect = placed  # (upright: as tall as the room, its caption
            page.picture = PictureItem(  # in a column at its left, under the title)
                path, picture_rect, fill=False, focus=photo.focus, natural=natural,
                background=ctx.palette.surface, parent=page)
            caption = self._caption(  # (at the foot of the column, where every page
                photo.caption, ctx.palette.text, area.bottom(), page,  # has its caption)
                width=column.width(), lines=max(3, int(column.height() // (
                    ctx.size("body") * 1.4)))) if photo.caption else None
        else:
            top = max(title_bottom or area.top(), count.ink_rect().bottom() + ctx.size(
                "body") * 0.6)
            caption = self._caption(photo.caption, ctx.palette.text, area.bottom(), page
                                    ) if photo.caption else None
            gap = ctx.size("body") * 0.6
            below = caption.text_height + gap if caption else 0.0
            room = QRectF(area.left(), top, area.width(), max(1.0, area.bottom() - top - below))
            drawn = fitted(natural, room) if natural.isValid() and not natural.isEmpty() \
                else room  # (standing on its caption, at the foot: a caption is in one
            # place from page to page, not under a panorama in the middle, then at the
            # foot under a taller photo)
            lift = 0.0  # (on a totem, with its caption, in the optical middle of the room:
            if ctx.portrait:  # standing on its caption at the foot, it left half the
                lift = (room.height() - drawn.height()) * (1 - OPTICAL_MIDDLE)  # screen
                # empty over it, trial 20; the caption left at the foot, 320 px under it,
                if self._lift is not None:  # read as detached, trial 23; every caption at
                    lift = self._lift  # one height: a taller photo drawn smaller to stand
                    if drawn.height() > room.height() - lift:  # on it, trial 29)
                        drawn = fitted(natural, QRectF(room.left(), room.top(), room.width(),
                                                       room.height() - lift))
            if caption is not None:
                caption.setY(caption.y() - lift)
            page.picture = PictureItem(
                path, QRectF(room.left(), room.bottom() - lift - drawn.height(),
                             room.width(), drawn.height()), fill=False,
                focus=photo.focus, natural=natural, background=ctx.palette.surface,
                parent=page)
            if caption is not None:  # under the picture, from its left edge
                drawn = page.picture.target()
                caption.setX(max(area.left(), min(drawn.left(),
                                                  area.right() - caption.text_width)))
        page.picture.on_drawn = weakly(self._drawn)
        if caption is not None:
            page.words.append(caption)
        credit = ctx.text(photo.credit or self.slide.source)  # (not the deck's source:
        # where a photo's credit stands, it would be taken for the photo's)
        if credit:
            before = set(page.childItems())
            self.source_line(credit, self.source_colour(), page)
            page.words += [item for item in page.childItems() if item not in before]
        return page

    def _shared_lift(self, fill: bool, title_bottom: float | None) -> float | None:
        """On a totem, how far every caption is lifted from the foot so that they end at
        one height: where the photos shown whole want their captions (each with its
        photo in the optical middle of its room), the highest, but no higher than leaves
        each photo SHARED_LEAST of its size; a photo filling the screen and a panorama
        take it too. None: one height already (or a wall, where they stand at the foot)."""
        ctx, area = self.ctx, self.ctx.content
        if not ctx.portrait:
            return None
        count = ctx.box(None, f"{len(self.slide.photos)} / {len(self.slide.photos)}",
                        QRectF(area.left(), area.top(), area.width() * COUNT_SHARE,
                               self.count_height), "detail", max_lines=1)
        top = max(title_bottom or area.top(), count.ink_rect().bottom() + ctx.size(
            "body") * 0.6)
        lifts, least, footed = [], math.inf, 0
        for photo in self.slide.photos:
            path = ctx.assets.get(photo.src)
            natural = natural_size(path)
            if pans(natural, ctx) or (fill and (fills_screen(natural, ctx.width, ctx.height)
                                                or on_plain_ground(path))):
                footed += 1  # (its caption at the foot, over it or under its band)
                continue
            below = ctx.size("body") * 0.6 + (ctx.box(
                None, ctx.text(photo.caption), QRectF(0, 0, self._caption_width(),
                                                      ctx.room("body", 3, 1.4)),
                "body", max_lines=3, line_height=1.4).text_height if photo.caption else 0.0)
            room = QRectF(area.left(), top, area.width(), max(1.0, area.bottom() - top - below))
            drawn = fitted(natural, room) if natural.isValid() and not natural.isEmpty() \
                else room
            lifts.append((room.height() - drawn.height()) * (1 - OPTICAL_MIDDLE))
            least = min(least, room.height() - drawn.height() * SHARED_LEAST)
        if not lifts or (len({round(lift) for lift in lifts}) < 2 and not footed):
            return None
        return max(0.0, min(max(lifts), least))

    def _page_beside(self, natural: QSize, count: TextBox, title_bottom: float | None
                     ) -> tuple[QRectF, QRectF] | None:
        """Where an upright photo and its caption's column stand (``beside``): from the
        top of the room where the photo clears the title and the count, as on a slide
        of its own (under them it was 59 % of the wall's height, trial 19), else under
        them."""
        ctx, area = self.ctx, self.ctx.content
        words = [count.ink_rect(), *(item.ink_rect() for item in self.heading
                                     if isinstance(item, TextBox) and item.text),
                 *(self.mapRectToScene(ink) for parent, ink in self.elsewhere
                   if parent is None)]  # (the title in every language: in English the
        # photo stood 377 px further right, and moved as a visitor switched, trial 22)
        tall = beside(ctx, natural, area.top())
        under = beside(ctx, natural, max(title_bottom or area.top(), count.ink_rect(
            ).bottom() + ctx.size("body") * 0.6))  # (under the title and the count)
        if tall is not None:
            column, picture = tall
            gap = ctx.width * BESIDE_GAP  # (an air between: at 1.3 a title ended 6 px from the
            clear = max(ink.right() for ink in words) + gap  # photo, fused, trial 33)

            def near(picture: QRectF) -> bool:
                return any(picture.adjusted(0.5 - gap, 0, 0, 0).intersects(ink)
                           for ink in words)  # (half a pixel: not by a rounding)

            room = area.right() - clear
            larger = under is None or room / picture.width() * picture.height() > \
                under[1].height()  # (than it would be under the title)
            if near(picture) and room > 0 and (room >= picture.width() * BESIDE_SMALLER
                                               or larger):  # (a longer title: right of it,
                picture = QRectF(clear, picture.top(), min(room, picture.width()),  # a
                                 picture.height() * min(1.0, room / picture.width()))
                # little smaller where it must be, not far smaller under it)
            if not near(picture):
                below = max(ink.bottom() for ink in words) + ctx.size("body") * 0.6
                return QRectF(column.left(), below, column.width(),
                              max(1.0, column.bottom() - below)), picture
        return under

    def source_text(self) -> str:
        """None for the slide: each photograph has its credit on its page."""
        return ""

    # --- steps ------------------------------------------------------------------------

    _pan_since: float | None = None
    """When the photo on screen began to be travelled along (a panorama on a totem)."""

    def start(self, now: float, *, reduced_motion: bool = False) -> None:
        super().start(now, reduced_motion=reduced_motion)
        self._pan_since = None if reduced_motion else now
        for page in self.pages:  # (held at its focus: an export showed its right end)
            if page.picture is not None:
                page.picture.still = reduced_motion
        self._pan(now)

    def go_to_step(self, step: int, now: float, direction: int, *, animate: bool) -> None:
        step = min(max(step, 0), len(self.pages) - 1)
        self._whole()
        if step == self.at:
            self._motion = None
        else:
            self._motion = (now, direction, self.at) if animate else None
            self.at = step
            if self._pan_since is not None:
                self._pan_since = now
        self._pan(now)
        self._arrange(now)
        self._get_ready()
        self._title_colour()

    def _title_colour(self) -> None:
        """The title, every photo's, dark over a photo light all through at its top (its
        shade is then none), as it was over the others."""
        pages = getattr(self, "pages", None)  # (a photo looked at while being built)
        if not pages:
            return
        shade = pages[min(getattr(self, "at", 0), len(pages) - 1)].top_shade
        for item in self.heading:
            if isinstance(item, TextBox):
                white = self._white.setdefault(item, item.color)
                item.set_color(shade.dark if shade is not None and shade.light and
                               shade.dark is not None else white)

    def _pan(self, now: float) -> bool:
        """A panorama on screen travelled from its left edge to its right over the time
        a photo stays (at its end with reduced motion, as exported); whether it moves."""
        picture = self.pages[self.at].picture
        if picture is None or not picture.pan:
            return False
        if self._pan_since is None:
            picture.set_progress(1.0)
            return False
        done = min(1.0, max(0.0, (now - self._pan_since) / self.ctx.deck.slide_duration(
            self.slide)))
        picture.set_progress(ease_in_out_cubic(done))
        return done < 1.0

    @property
    def moving(self) -> bool:
        return self._motion is not None or self._panning or super().moving

    _panning = False

    def step(self, now: float) -> bool:
        moving = super().step(now)
        if self._motion is not None:
            self._arrange(now)
        self._panning = self._pan(now)
        return moving or self._motion is not None or self._panning

    def _arrange(self, now: float) -> None:
        """Pages where they are at ``now``: the one on screen, and the one it slides in
        over while it does."""
        width = self.ctx.width
        shift, leaving = 0.0, None
        if self._motion is not None:
            start, direction, leaving = self._motion
            done = min(1.0, max(0.0, (now - start) / SLIDE_TIME))
            if done >= 1.0:
                self._motion, leaving = None, None
            else:
                shift = direction * width * (1 - ease_out_cubic(done))
        showing = {self.at} if leaving is None else {self.at, leaving}
        for n in self._showing | showing:  # (only those that change: a gallery may be long)
            page = self.pages[n]
            if n == self.at:
                page.setPos(shift, 0)
            elif n == leaving and self._motion is not None:
                page.setPos(shift - self._motion[1] * width, 0)
            else:
                page.setPos(0, 0)  # (out of sight, in its place: the slide's bounds hold)
            page.setVisible(n in showing)
        self._showing = showing

    def _drawn(self, scale: float) -> None:
        """A photo was drawn at the screen's ``scale``: its neighbours are decoded for it."""
        self.screen_scale = scale
        self._get_ready()

    def _get_ready(self) -> None:
        """The neighbours' pictures decoded ahead (at the screen's scale, once a photo has
        been drawn); the others let go of (the decoder keeps them while there is room)."""
        scale = self.screen_scale
        for n, page in enumerate(self.pages):
            if page.picture is None:
                continue
            if abs(n - self.at) > 1:
                page.picture.release()
            elif scale is not None and n != self.at:
                page.picture.want(scale)

    def stop(self) -> None:
        super().stop()
        for page in self.pages:
            if page.picture is not None:
                page.picture.release()

    # --- looking closer ---------------------------------------------------------------

    @property
    def zoomable(self) -> bool:
        return self.pages[self.at].picture is not None and self._motion is None

    @property
    def zoomed(self) -> bool:
        return self.closer > 1.0

    def zoom(self, zoom: Zoom) -> None:
        """Closer by ``zoom.factor`` about its point, moved by its shift, kept on the
        screen; whole again (with its words) at 1 or on ``reset``."""
        picture = self.pages[self.at].picture
        if picture is None or self._motion is not None:
            return
        if zoom.reset:
            self._whole()
            return
        scale = min(MAX_ZOOM, max(1.0, self.closer * zoom.factor))
        if scale <= 1.0 + 1e-3:
            self._whole()
            return
        ratio = scale / self.closer
        self.tx = zoom.x + (self.tx - zoom.x) * ratio + zoom.dx
        self.ty = zoom.y + (self.ty - zoom.y) * ratio + zoom.dy
        self.closer = scale
        self._keep_on_screen(picture)
        self._place(picture)

    def _keep_on_screen(self, picture: PictureItem) -> None:
        """No screen left uncovered where the picture is larger than it, and centred
        where it is not."""
        drawn, s = picture.target(), self.closer
        for axis, side in (("x", self.ctx.width), ("y", self.ctx.height)):
            low, high = (drawn.left(), drawn.right()) if axis == "x" else (
                drawn.top(), drawn.bottom())
            shift = self.tx if axis == "x" else self.ty
            if (high - low) * s <= side:
                shift = (low + high) / 2 * (1 - s)  # (its middle where it was)
            else:
                shift = min(-s * low, max(side - s * high, shift))
            if axis == "x":
                self.tx = shift
            else:
                self.ty = shift

    def _place(self, picture: PictureItem) -> None:
        picture.setTransform(QTransform(self.closer, 0, 0, self.closer, self.tx, self.ty))
        whole = self.closer <= 1.0
        for item in [*self.heading, *self.pages[self.at].words]:
            item.setVisible(whole)

    def _whole(self) -> None:
        self.closer, self.tx, self.ty = 1.0, 0.0, 0.0
        for page in self.pages:
            if page.picture is not None:
                page.picture.setTransform(QTransform())
            for item in page.words:
                item.setVisible(True)
        for item in self.heading:
            item.setVisible(True)
