"""What every slide view shares: its frame, header and source line."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QStyleOptionGraphicsItem, QWidget

from kiosk.config.sections import Theme
from kiosk.deck.model import SlideBase
from kiosk.deck.text import Text
from kiosk.play.commands import Zoom
from kiosk.play.timeline import Timeline
from kiosk.show import fonts
from kiosk.show.captions import CaptionBand, band_height
from kiosk.show.context import HEADINGS, SlideContext
from kiosk.show.items import descendants

if TYPE_CHECKING:
    from kiosk.show.charts.base import ChartView
    from kiosk.show.figure import FigureNumber
    from kiosk.show.textbox import TextBox
    from kiosk.show.video import VideoItem

BLEED = 1
"""Item data key: set on what is meant to reach the screen's edges (a photograph that
fills it, its shades), which the safe area does not hold."""
FIT_STEPS = 4
"""Even steps from the theme's type down to the smallest a slide may take."""
FIT_HALVINGS = 2
"""Halvings of the step above the first size that fits (to a 16th of the range)."""
SMALLEST_TYPE = 0.6
"""A slide's type is made no smaller than this share of the theme's to fit."""
SHRUNK = 0.6
"""A text shrunk below this share of its size asks for smaller type all over the slide."""


HEADINGS_OVER_BODY = 1 / 0.75
"""How much larger than the body's scale the headings' may stay (past the theme's 1.0)."""


def _headings(theme: Theme, body: float) -> Theme:
    """The theme the headings keep while the body is made ``body`` scale: the theme's own
    up to a type scale of 1 (every title of the show at one size), and above it no more
    than HEADINGS_OVER_BODY times the body's (a large type scale, its body made smaller to
    fit, kept its 102 px titles over 24 px text)."""
    keep = min(theme.type_scale, max(1.0, body * HEADINGS_OVER_BODY))
    return theme if keep == theme.type_scale else theme.model_copy(update={"type_scale": keep})


class SlideView(QGraphicsItem):
    """The items of one slide, laid out on the whole stage in design pixels.

    It draws nothing itself; its children do, over the stage's background. Opacity and
    position of the view move the whole slide, which is how transitions work.
    """

    REGRIDS = False
    """Whether its arrangement changes with its type's size (figures in two rows of two
    or a row of four), so that it may fit at a size and not at a smaller one: the fit
    search then tries each step (elsewhere, a slide that does not fit at its smallest
    is not tried above it: a deck of full slides took four times as long to build)."""

    HEADLINED = False
    """Whether its headings are all it says (a title slide): made smaller with the rest
    when they do not fit, rather than kept at the size of every slide's title."""

    def __init__(self, slide: SlideBase, ctx: SlideContext) -> None:
        super().__init__()
        self.slide = slide
        self.ctx = dataclasses.replace(  # its own: what a build notes in it (cramped)
            ctx, configured=ctx.configured or ctx.theme)
        if self._captioned() and type(self).captions_bottom is SlideView.captions_bottom:
            self.ctx.kept_free = band_height(self.ctx) + self.ctx.size("body") * 1.2
            # (the band of its captions under what it says, clear of it: not over its
            # figures, trial 21, nor 16 px under them, trial 22; a photograph's slide
            # places it over the picture itself)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)  # stays with it
        self.timeline = Timeline()
        self.warmed_at: float | None = None
        """The screen scale this view's text was last rasterised for (Stage.prebuild)."""
        self.fault: str | None = None
        """What went wrong with this slide (building, animating or drawing it), if anything."""
        self._videos: list[VideoItem] | None = None
        self.on_fault: Callable[[SlideView], None] | None = None
        """Told once, at the first fault (the stage takes the slide off the screen); see
        ``tell_faults``."""
        self._source_room()
        self._build_to_fit()
        self._source_line()
        self.words_placed()
        self.captions = self._captions()
        """The band that shows the slide's captions at its time, if it has them."""
        self.started: float | None = None
        self._elapsed = 0.0

    def tell_faults(self, listener: Callable[[SlideView], None]) -> None:
        """Tell ``listener`` of this view's first fault."""
        self.on_fault = listener

    def warmed(self, scale: float) -> None:
        """Its text was rasterised at the screen ``scale`` (Stage.prebuild)."""
        self.warmed_at = scale

    def _build_to_fit(self) -> None:
        """Build the slide; if what it holds reaches out of the safe area, or a text had
        to be cut or shrunk far below its size (long texts, a large type scale, a narrow
        screen), build it again with the largest smaller type that fits (a search, not
        steps: a step too far made a slide smaller than it needed to be), down to
        SMALLEST_TYPE of the theme's (of 1, for a type scale over 1).

        The headings keep their size while the rest is made smaller, but the rest is not
        made smaller than it would be at the theme's own scale of 1 (a larger type scale
        must not leave a slide's words smaller than the default would); past that, all of
        the slide's type is made smaller together."""
        original = self.ctx
        base = original.theme.type_scale
        self._figures_floor: list[float] = []
        """The figures' sizes at type scale 1, where a larger one is asked for: none may
        be drawn smaller (four in a row of four at 1.3 were 15 % smaller than in two rows
        of two at 1, trial 17)."""
        if base > 1.0 and getattr(self.slide, "figures", None):
            self._figures_floor = self._default_figures()
        self.build()
        if self._fits() >= 1.0 and not (base > 1.0 and self._shrunk()):
            return
        floor = min(base, 1.0) * SMALLEST_TYPE  # (a larger type scale may need what 1 does)
        built: tuple[float, bool, float] = (base, False, base)

        strict = guarded = floored = False
        default_body = 0.0
        heads = original.theme  # (the theme whose headings are kept)

        def fits_at(scale: float, steady: bool) -> bool:
            nonlocal built
            if built != (scale, steady, heads.type_scale):
                theme = original.theme.model_copy(update={"type_scale": scale})
                self._rebuild(dataclasses.replace(
                    original, theme=theme,
                    steady=_headings(heads, scale) if steady else None))
                built = (scale, steady, heads.type_scale)
            return self._fits() >= 1.0 and not (strict and self._shrunk()) and not (
                guarded and self._body_size() < default_body * 0.97) and not (
                floored and self._under_default())

        # A type scale over 1 is asked for to read better: first the largest type at
        # which no text is drawn smaller than asked (the words at least as large as the
        # default's), then the largest at which the slide fits.
        default = max(floor, min(base, 1.0))  # (no smaller than at the default's scale)
        # At a larger type scale: the headings kept at its size and the rest no smaller
        # than the default's; else all of it together, no smaller than the default's
        # either (a story's words at 0.82 under a title at 1.3, where all at 1 fit, trial
        # 22); only then the rest smaller than that.
        # Below the default's, it is searched from the default's size down, as the
        # default's own slide is (from 1.3 the steps fell past what 1 finds: an opening
        # slide at 0.86 where the default drew it at 0.97, trial 23).
        passes = [(True, [(base, default, True), (base, default, False)]),
                  (False, [(base, default, True), (base, default, False)]),
                  (False, [(default, floor, True), (default, floor, False)])
                  ] if base > 1.0 else [(False, [(base, floor, True), (base, floor, False)])]
        for index, (strict_pass, ways) in enumerate(passes):
            floored = index < 2  # (no figure under the default's: its own slide is 2's)
            strict = strict_pass  # (read by fits_at, as is guarded: at a type scale over
            guarded = base > 1.0 and index == 1  # 1, the body drawn no smaller than all
            if guarded:  # of the slide at 1 draws it before the rest goes under it: a
                fits_at(default, False)  # story's body at 30 px under a title at 1.3
                default_body = self._body_size()  # where 1 sets it at 32, trial 24)
            if index == 2:  # (under the default's size, as the default's slide is: its
                heads = original.theme.model_copy(update={"type_scale": default})  # headings
                # too; at 1.3's they left a chart's words at 0.75 where 1 drew 0.93, t. 25)
            for top, lowest, steady in ways:
                if steady and self.HEADLINED:
                    continue  # (its headings are all it says)
                # Down from the largest in even steps to the first that fits (whether a
                # slide fits is not always the same on both sides of a size: lines wrap),
                # then halving the step above it.
                scales = [top - (top - lowest) * n / FIT_STEPS for n in range(
                    0 if top < base else 1, FIT_STEPS)]
                if self.REGRIDS and top <= 1.0:  # (the steps first: it may fit above its
                    # smallest and not at it, four figures in two rows of two at 0.8, where
                    # at 0.6 they took a row of four and a long label was cut, trial 41; at
                    # the default's size and under it, where a larger scale ends)
                    found = next((scale for scale in scales if fits_at(scale, steady)),
                                 None)
                    if found is None and not fits_at(lowest, steady):
                        continue  # (not at all: the next way)
                    fitting = lowest if found is None else found
                else:
                    if not fits_at(lowest, steady):
                        continue  # (not even at its smallest: the next way)
                    fitting = next((scale for scale in scales if fits_at(scale, steady)),
                                   lowest)
                too_large = fitting + (top - lowest) / FIT_STEPS
                for _ in range(FIT_HALVINGS):
                    middle = (fitting + too_large) / 2
                    if fits_at(middle, steady):
                        fitting = middle
                    else:
                        too_large = middle
                fits_at(fitting, steady)
                return
        # Nothing fits: the smallest type, the headings' kept unless they overflow too.
        if not self.HEADLINED and fits_at(floor, True) is False and not self._overflows():
            return
        fits_at(floor, False)

    def _default_figures(self) -> list[float]:
        """The sizes of its figures' numbers as the default type scale draws them: the
        slide built and fitted at 1 (unfitted, its four figures were in a row too long
        for the room, so the floor was below the two rows of two the default draws, and
        1.3 drew a row of four smaller than those, trial 40)."""
        one = self.ctx.theme.model_copy(update={"type_scale": 1.0})
        default = type(self)(self.slide, dataclasses.replace(
            self.ctx, theme=one, configured=one, steady=None))
        try:
            return [number.size for number in default._numbers()]
        finally:
            default.dispose()

    def _shrunk(self) -> bool:
        """Whether a text other than a heading was drawn smaller than its role asks, or
        a figure's unit set under its number (a large type scale broke "3.2 million /
        cubic metres a day" in a row of four, where a little smaller type kept two rows
        of two whole and larger: trial 15)."""
        from kiosk.show.figure import FigureNumber as Number
        from kiosk.show.textbox import TextBox

        if self._under_default():
            return True
        return any((isinstance(item, TextBox) and item.role not in HEADINGS and
                    item.font_size < (self.ctx.size("label") if item.role == "label" else
                                      item.requested_size) * 0.97) or  # (a row's labels
                   # asked at the size they share: smaller than their role, shrunk)
                   (isinstance(item, Number) and bool(item.words_split()[1]))
                   for item in descendants(self))

    def _under_default(self) -> bool:
        """Whether a figure's number is drawn smaller than the default type scale draws
        it (at a larger one)."""
        numbers, floors = self._numbers(), self._figures_floor
        return bool(floors) and len(numbers) == len(floors) and any(
            number.size < floor * 0.995 for number, floor in zip(numbers, floors, strict=True))

    def _body_size(self) -> float:
        """The size its running text (its body) is drawn at, the smallest (infinite:
        it has none)."""
        from kiosk.show.textbox import TextBox

        return min((item.font_size for item in descendants(self)
                    if isinstance(item, TextBox) and item.role == "body"), default=math.inf)

    def _numbers(self) -> list[FigureNumber]:
        """The numbers of its figures, in their order."""
        from kiosk.show.figure import FigureNumber as Number

        return [item for item in descendants(self) if isinstance(item, Number)]

    def _rebuild(self, ctx: SlideContext) -> None:
        self.dispose()
        for child in self.childItems():
            child.setParentItem(None)  # type: ignore[arg-type]  # Qt takes None
        self.timeline = Timeline()
        self.ctx = ctx
        self._source_room()  # (at the size it is drawn at: at 1.3 three lines were kept
        self._videos = None  # for a citation drawn in two at 1, and four key figures
        self.build()  # went from two rows of two into a row of four, trial 40)

    def _fits(self) -> float:
        """1.0 when the built items lie inside the safe area and no text was cut or
        shrunk below SHRUNK of its size, else about how much smaller they should be."""
        ctx = self.ctx
        safe = ctx.safe
        used = self.drawn_rect()
        if used.isEmpty() or safe.adjusted(-1, -1, 1, 1).contains(used):
            return 1.0 if not self._cramped() else 0.9
        tall = (safe.bottom() - max(used.top(), safe.top())) / max(1.0, used.bottom()
                                                                 - max(used.top(), safe.top()))
        wide = (safe.right() - max(used.left(), safe.left())) / max(1.0, used.right()
                                                                  - max(used.left(), safe.left()))
        return max(0.2, min(1.0, tall, wide) if min(tall, wide) < 1.0 else 0.9)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.ctx.width, self.ctx.height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        pass

    def build(self) -> None:
        """Add the slide's own items (and their tracks to ``self.timeline``)."""
        raise NotImplementedError

    def words_placed(self) -> None:
        """Every word of the slide is placed, its source line too (what is drawn under
        words may now suit them)."""

    def fail(self, error: BaseException, doing: str) -> None:
        """Something of this slide raised ``error`` while ``doing`` (animating, drawing):
        it stops moving, and whoever listens is told, once."""
        self.timeline.stop()
        if self.fault is not None:
            return
        self.fault = f"{doing}: {type(error).__name__}: {error}"
        self.error = error
        if self.on_fault is not None:
            self.on_fault(self)

    def start(self, now: float, *, reduced_motion: bool = False) -> None:
        """The slide came on screen: play its animations and its videos from the
        beginning (with reduced motion: final states, and a video's poster)."""
        try:
            self.started, self._elapsed = now, 0.0
            self.timeline.start(now, reduced_motion=reduced_motion)
            for video in self.videos():
                if reduced_motion:
                    video.show_poster()
                else:
                    video.start(now)
            if self.captions is not None:
                self.captions.show_at(0.0)
            guide = self._in_language(self.slide.narration)
            if guide is not None and self.ctx.sound is not None:
                from kiosk.show import sound

                sound.output().play(guide, self.ctx.sound.volume)
        except Exception as error:
            self.fail(error, "animating")

    def _in_language(self, files: Mapping[str, str] | None) -> Path | None:
        """The file of the visitor's language (else the deck's), found."""
        if not files:
            return None
        ref = files.get(self.ctx.language) or files.get(self.ctx.deck.default_language)
        return self.ctx.assets.get(ref) if ref else None

    def _captioned(self) -> bool:
        """Whether the slide shows captions (its audio guide's, in the visitor's
        language, where the show shows them)."""
        return self._in_language(self.slide.captions) is not None and (
            self.ctx.sound is None or self.ctx.sound.captions)

    def _captions(self) -> CaptionBand | None:
        if not self._captioned():
            return None
        path = self._in_language(self.slide.captions)
        assert path is not None
        asked = dataclasses.replace(self.ctx, theme=self.ctx.configured or self.ctx.theme)
        return CaptionBand(path, asked, self, self.captions_bottom())  # (at the type asked
        # for, as its room was kept: not made smaller with a slide too full, trial 23)

    def captions_bottom(self) -> float | None:
        """Where the captions of an audio guide end: above what the slide writes at its
        foot (None: the content's foot, under what the slide says)."""
        return self.ctx.content.bottom() + self.ctx.kept_free if self.ctx.kept_free \
            else None

    @property
    def moving(self) -> bool:
        """Whether something of it still moves (an animation, a video)."""
        captioning = self.captions is not None and self.started is not None and \
            self._elapsed < self.captions.end
        return self.timeline.running or captioning or any(
            v.source is not None for v in self.videos())

    def stop(self) -> None:
        """The slide left the screen: nothing of it moves any more, no callout stays,
        no video decodes."""
        self.timeline.stop()
        for chart in self.charts():
            chart.clear_callout()
            chart.release()
        for video in self.videos():
            video.stop()
        if self.started is not None and self.ctx.sound is not None and \
                self._in_language(self.slide.narration) is not None:
            from kiosk.show import sound

            sound.output().stop()  # (the guide of this slide: the next has its own)
        self.started = None

    def go_to_step(self, step: int, now: float, direction: int, *, animate: bool) -> None:
        """Show step ``step`` (a gallery's photograph), sliding in from ``direction``'s
        side when ``animate``; a slide of one step has nothing to do."""

    @property
    def zoomable(self) -> bool:
        """Whether it has a picture a visitor may look closer at."""
        return False

    @property
    def zoomed(self) -> bool:
        """Whether its picture is looked at closer than whole."""
        return False

    def zoom(self, zoom: Zoom) -> None:
        """Look closer at its picture, move it, or see it whole (see ``zoomable``)."""

    def videos(self) -> list[VideoItem]:
        """The videos on this slide."""
        from kiosk.show.video import VideoItem

        if self._videos is None:  # (looked for once: step asks 60 times a second)
            self._videos = [item for item in descendants(self) if isinstance(item, VideoItem)]
        return self._videos

    def _cramped(self) -> bool:
        """Whether a part of the slide said it had too little room, or a text of it was
        cut short or shrunk far below its size (the source line aside: its size is the
        show's, whatever the slide's)."""
        from kiosk.show.textbox import TextBox

        if self.ctx.cramped or self.ctx.headings_crowd or self._crowded():
            return True
        return any(isinstance(item, TextBox) and item.text and item.role != "source" and (
            item.elided or item.font_size < item.requested_size * SHRUNK)
            for item in descendants(self))

    def _overflows(self) -> bool:
        """Whether what it holds reaches out of the safe area, two texts overlap, or its
        headings leave the rest too little room."""
        used = self.drawn_rect()
        inside = used.isEmpty() or self.ctx.safe.adjusted(-3, -3, 3, 3).contains(used)
        return self.ctx.headings_crowd or self._crowded() or not inside

    def _crowded(self) -> bool:
        """Whether two of its texts overlap (a byline run into the source line at a large
        type scale, a label into its neighbour)."""
        from kiosk.show.audit import overlapping, placed_texts

        return overlapping(placed_texts(self))

    def drawn_rect(self) -> QRectF:
        """Where the slide's items draw (containers that draw nothing do not count, nor
        what is hidden: a gallery's other photos, nor a source line or a photo's credit,
        which stand where the show puts them at the show's size whatever the slide's)."""
        from kiosk.show.textbox import TextBox

        used = QRectF()
        stack = list(self.childItems())
        while stack:
            item = stack.pop()
            if not item.isVisible():
                continue
            stack.extend(item.childItems())
            if not item.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents and \
                    not QGraphicsItem.data(item, BLEED) and not (
                        isinstance(item, TextBox) and item.role == "source"):
                rect = item.mapRectToItem(self, item.boundingRect())
                if not rect.isEmpty():
                    used = used.united(rect)
        return used

    def dispose(self) -> None:
        """The view is dropped: let go of the functions that animate it and the marks of
        its charts, which refer back to it. Without the cycle, it is freed at once
        instead of by the garbage collector, whose full passes over thousands of such
        objects stop the show for a tenth of a second."""
        self.timeline.clear()
        for chart in self.charts():
            chart.clear_callout()
            chart.tracks.clear()
            chart.marks.clear()

    def charts(self) -> list[ChartView]:
        """The charts on this slide."""
        from kiosk.show.charts.base import ChartView

        found, stack = [], list(self.childItems())
        while stack:
            item = stack.pop()
            if isinstance(item, ChartView):
                found.append(item)
            else:
                stack.extend(item.childItems())
        return found

    def explore(self, point: QPointF) -> bool:
        """A tap at ``point``: highlight the chart mark there. True if there was one."""
        try:
            return any([chart.explore(point) is not None for chart in self.charts()])
        except Exception as error:
            self.fail(error, "answering a tap")
            return False

    def step(self, now: float) -> bool:
        """Move the animations and videos to ``now``; False when nothing moves any more."""
        try:
            moving = self.timeline.advance(now)
            for video in self.videos():
                moving = video.step(now) or moving
            if self.captions is not None and self.started is not None:
                self._elapsed = now - self.started
                self.captions.show_at(self._elapsed)
                moving = moving or self._elapsed < self.captions.end
            return moving
        except Exception as error:
            self.fail(error, "animating")
            return False

    def header(self, title: Text | None, subtitle: Text | None = None,
               kicker: Text | None = None) -> float:
        """Title (and subtitle, kicker) at the top of the content; returns the y below."""
        return _header(self.ctx, self, title, subtitle, kicker)

    def lowest_header(self, title: Text | None, subtitle: Text | None = None,
                      kicker: Text | None = None) -> float:
        """The y below the header in the deck's language where it is tallest: what
        content the same in every language starts from (a visitor who switches sees it
        drawn alike, not reflowed for a title a line shorter)."""
        return max(_header(dataclasses.replace(self.ctx, language=language), None, title,
                           subtitle, kicker)
                   for language in dict.fromkeys([self.ctx.language,
                                                  *self.ctx.deck.languages]))

    def source_text(self) -> str:
        """What its source line says: the slide's source, or the deck's."""
        return self.ctx.text(self.slide.source or self.ctx.deck.source)

    def source_colour(self) -> QColor:
        return _dim(self.ctx.palette.muted)

    def _source_line(self) -> None:
        text = self.source_text()
        if text:
            self.source_line(text, self.source_colour(), self)

    def _source_room(self) -> None:
        """The lines its source line is given room for, at the size of its context."""
        if self.ctx.portrait:
            self.ctx.source_lines = self._source_lines()
        else:
            self.ctx.source_above = self._source_above()

    def _source_lines(self) -> int:
        """Lines its source line takes on a totem: as many as its words need at the
        line's width (two at least, SOURCE_LINES at most; the content is laid out above
        them). In two, a citation of four sources was cut with "…" on every slide of a
        totem, over the empty row of the controls (trial 28)."""
        text = self.source_text()
        if not text:
            return 2
        ctx = self.ctx
        width = ctx.width - 2 * max(ctx.safe.left(), ctx.width * 0.05)
        return max(2, min(SOURCE_LINES, _lines_needed(text, width, ctx.size("source"))))

    def _source_above(self) -> int:
        """Lines a wall's source line takes across the slide above the row of the
        controls: none where the column beside them holds it in two lines, else as many
        as its words need at the slide's width (four sources were cut with "…" in the
        column of 690 px, over a row of 1,700 left empty, trials 29 and 31; in four
        lines, names were broken in it: "Temple / of Heaven", trial 33)."""
        ctx = self.ctx
        width = ctx.width - 2 * max(ctx.safe.left(), ctx.width * 0.05)
        column, small = width * BESIDE_CONTROLS, ctx.smallest("source")
        needed = 0
        try:  # (in every language the most any needs: the content laid out alike in
            for language in dict.fromkeys([ctx.language, *ctx.deck.languages]):  # each)
                self.ctx = dataclasses.replace(ctx, language=language)
                text = self.source_text()
                if text and _lines_needed(text, column, small) > BESIDE_LINES:
                    needed = max(needed, _lines_needed(text, width, ctx.size("source")))
        finally:
            self.ctx = ctx
        return min(SOURCE_LINES, needed)

    def _lines_beside(self, content: float) -> int:
        """Lines of a wall's source line beside the controls, as small as it may be,
        under content that ends at ``content``."""
        ctx = self.ctx
        below = ctx.safe.bottom() - content - ctx.size("source") * 0.6
        small = ctx.smallest("source")
        first = QFontMetricsF(fonts.font(small)).height() + 1
        return max(2, min(SOURCE_LINES, 1 + int((below - first) // (small * 1.3))))

    def source_line(self, text: str, colour: QColor, parent: QGraphicsItem, *,
                    left: float | None = None) -> None:
        """``text`` where a slide's source line is, under ``parent`` (from ``left``: a
        photo's credit under its caption)."""
        self._source_box(text, parent, colour=colour, left=left)

    def _source_box(self, text: str, parent: QGraphicsItem | None, *,
                    colour: QColor | None = None, left: float | None = None) -> TextBox:
        """The source line's box (``source_line``), under ``parent`` (None: made to see
        whether it holds the text)."""
        ctx = self.ctx
        safe = ctx.safe
        side = max(safe.left(), ctx.width * 0.05)
        lines = ctx.source_lines if ctx.portrait else 2
        height = ctx.room("source", lines)
        small = ctx.smallest("source")
        above = ctx.source_above and not ctx.portrait and left is None
        if above:  # (across the slide, above the controls: the column beside them
            lines = ctx.source_above  # could not hold it)
            height = ctx.room("source", lines)
        elif not ctx.portrait:  # (on a wall, as many lines as the room under the
            # content holds, set as small as a source may be)
            below = safe.bottom() - ctx.content.bottom() - ctx.size("source") * 0.6
            lines = self._lines_beside(ctx.content.bottom())
            height = max(height, min(ctx.room("source", lines), below))
        # Leave the lower right to the on-screen controls (chrome.SOURCE_LINE).
        width = (ctx.width - 2 * side) * (BESIDE_CONTROLS if not (ctx.portrait or above)
                                          else 1.0)
        if left is not None:
            width, side = min(width, ctx.width - side - left), left
        top = safe.bottom() - height - (ctx.height * 0.085 if ctx.portrait else 0)
        if above:
            top = ctx.height - ctx.controls_height - ctx.size("source") * 0.5 - height
        broken = _credits_in_lines(text, width, ctx.size("source"), lines)
        if broken == text and small < ctx.size("source"):  # (its sources a line each
            broken = _credits_in_lines(text, width, small, lines)  # set smaller, rather
            # than a name broken at the size: 人民 / 铁道报, trial 28)
        return ctx.box(parent, broken, QRectF(side, top, width, height), "source",
                       color=colour, max_lines=lines, valign="bottom")


BESIDE_CONTROLS = 0.40
"""Share of a wall's width (inside its margins) a source line takes beside the row of
the controls, left of the progress dots (chrome.SOURCE_LINE)..."""
BESIDE_LINES = 2
"""...in this many lines at most: a longer citation goes across the slide above them."""
SOURCE_LINES = 4
"""Lines a source line may take, on a wall beside the controls as far as the room kept
under the content allows (its bottom where two end), on a totem above them: in two, an
English citation of four sources was cut with "…" on every slide (trial 25). A museum
does not cut a citation."""
WRAPPED = 0.95
"""The share of a line's width its words fill, wrapped (a word that does not fit goes
to the next line): what a text's lines are counted with before it is laid out."""
SEPARATOR = re.compile(r"\s*[\u00b7\u30fb]\s*")
"""Between the sources of a source line (现代快报 · 江苏省政府新闻办)."""
LISTED = re.compile(r"[、；;](?=\s*\S)")
"""The marks of a list of sources, after which a source line may break (and keep them)."""


@functools.lru_cache(maxsize=512)
def _lines_needed(text: str, width: float, size: float) -> int:
    """Lines a source line of ``text`` takes at ``width`` and ``size``: its sources a
    line each where they go so, wrapped where one is longer than a line (counted as
    they wrap: estimated from their width, three lines beside the controls were
    thought two, trial 35)."""
    from kiosk.show.textbox import TextBox

    broken = _credits_in_lines(text, width, size, SOURCE_LINES)
    return len(TextBox(broken, width, 10_000.0, size=size, color=QColor(), role="source",
                       smallest=size).lines)


def _credits_in_lines(text: str, width: float, size: float, most: int = 2) -> str:
    """A source line of several sources, too long for one line: in as few lines as
    hold it (up to ``most``), broken where one source ends and the next begins (the
    lines as even as can be), its separator dropped (a line that began with "· 江苏省
    政府…" read as a stray mark), or after a list's mark, kept (国家能源局、 / 中国电力
    企业联合会). Unchanged where its sources do not go into ``most`` lines so."""
    metrics = QFontMetricsF(fonts.font(size))
    if metrics.horizontalAdvance(text) <= width:
        return text
    parts = SEPARATOR.split(text)
    separated = len(parts) >= 2
    if separated:  # (sources apart: a line each, their separator dropped)
        joiner = SEPARATOR.search(text)
        assert joiner is not None
        mark = joiner.group()
        count = len(parts)

        def line(first: int, last: int) -> str:
            return mark.join(parts[first:last])
    else:  # (sources in a list: 国家能源局、中国电力企业联合会; A; B: broken after a
        # list's mark, kept at the line's end, not inside a name: 中国电力企业 / 联合会,
        bounds = [0, *(m.end() for m in LISTED.finditer(text)), len(text)]  # trial 22)
        count = len(bounds) - 1
        if count < 2:
            return text

        def line(first: int, last: int) -> str:
            return text[bounds[first]:bounds[last]].strip()
    wide = functools.cache(lambda first, last: metrics.horizontalAdvance(line(first, last)))
    for lines in range(2, min(most, count) + 1):
        ways = []
        for cuts in itertools.combinations(range(1, count), lines - 1):
            ends = (0, *cuts, count)
            widths = [wide(a, b) for a, b in itertools.pairwise(ends)]
            if max(widths) <= width:
                ways.append((max(widths), -min(widths), ends))
        if not ways:
            continue
        longest, shortest, ends = min(ways)
        if not separated and -shortest * 3 < longest:
            return text  # (a list's mark far from its middle: wrapped and evened, not
            # "…public material; / approximate" alone, trial 26)
        return "\n".join(line(a, b) for a, b in itertools.pairwise(ends))
    each = [line(n, n + 1) for n in range(count)]  # (a source longer than a line: each
    wrapped = sum(1 if wide(n, n + 1) <= width else  # source from a line of its own
                  math.ceil(wide(n, n + 1) / (width * WRAPPED))  # where they go so,
                  for n in range(count))  # wrapped
    if wrapped <= most and min(wide(n, n + 1) for n in range(count)) >= width * 0.3:
        return "\n".join(each)  # in it: not "…Cultural Heritage / Bureau, …", trial 35)
    return text  # (else wrapped as it comes)


def _dim(color: QColor) -> QColor:
    c = QColor(color)
    c.setAlphaF(0.75)
    return c


def _header(ctx: SlideContext, parent: QGraphicsItem | None, title: Text | None,
            subtitle: Text | None, kicker: Text | None) -> float:
    """Title (and subtitle, kicker) at the top of the content, under ``parent`` (None:
    only measured); returns the y below."""
    area = ctx.content
    y = area.top()
    if kicker:
        box = ctx.box(parent, ctx.text(kicker), QRectF(area.left(), y, area.width(),
                      ctx.size("kicker") * 1.5), "kicker", color=ctx.palette.accent2,
                      max_lines=1)
        y += box.text_height + ctx.size("kicker") * 0.4
    if title:
        lines = 3  # (a long title wraps before it shrinks: one size on every slide)
        box = ctx.box(parent, ctx.text(title), QRectF(area.left(), y, area.width(),
                      ctx.room("title", lines, 1.2)), "title", bold=True,
                      max_lines=lines, line_height=1.2)
        y += box.text_height + ctx.size("title") * 0.25
        if parent is not None:
            rule = QGraphicsLineItem(area.left(), y, area.left() + ctx.size("title") * 1.6,
                                     y, parent)
            rule.setPen(QPen(ctx.palette.accent, max(3.0, ctx.height * 0.004)))
        y += ctx.size("title") * 0.35
    if subtitle:
        box = ctx.box(parent, ctx.text(subtitle), QRectF(area.left(), y, area.width(),
                      ctx.room("subtitle", 2)), "subtitle", color=ctx.palette.muted,
                      max_lines=2)
        y += box.text_height + ctx.size("subtitle") * 0.6
    return y
