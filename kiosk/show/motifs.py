"""Drawn vector motifs for slides without photographs: people, networks, a rail line, a
ship, a vase, a pagoda, a book, a rocket, an airliner, a leaf, a bridge."""

from __future__ import annotations

import math
import random
from typing import get_args

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.deck.basics import Icon
from kiosk.show.guard import guarded
from kiosk.show.theme import Palette


def _alpha(color: QColor, alpha: float) -> QColor:
    c = QColor(color)
    c.setAlphaF(alpha)
    return c


def _over(color: QColor, alpha: float, ground: QColor) -> QColor:
    """``color`` at ``alpha`` over ``ground``, as one opaque colour."""
    return QColor(*(round(a * alpha + b * (1 - alpha)) for a, b in (
        (color.red(), ground.red()), (color.green(), ground.green()),
        (color.blue(), ground.blue()))))


def _swept(span: float, front: float, tip: float, back: float, sweep: float
           ) -> QPainterPath:
    """A pair of swept wings (or tailplanes) either side of x = 0: from ``front`` at the
    middle to the tips ``span`` out at ``tip`` (``sweep`` deep), back in at ``back``."""
    path = QPainterPath()
    path.moveTo(0, front)
    path.lineTo(span, tip)
    path.lineTo(span, tip + sweep)
    path.lineTo(0, back)
    path.lineTo(-span, tip + sweep)
    path.lineTo(-span, tip)
    path.closeSubpath()
    return path


class Motif(QGraphicsItem):
    """One named motif drawn to fill ``width`` x ``height``."""

    NAMES: tuple[str, ...] = get_args(Icon)

    def __init__(self, name: str, width: float, height: float, palette: Palette,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._rect = QRectF(0, 0, width, height)
        self._palette = palette
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._rect

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        getattr(self, f"_draw_{self.name}")(painter, self._rect)

    # Each motif fits a square centred in the rect.
    def _square(self, rect: QRectF) -> QRectF:
        side = min(rect.width(), rect.height())
        return QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)

    def _person(self, painter: QPainter, centre: QPointF, size: float, color: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QPointF(centre.x(), centre.y() - size * 0.42), size * 0.2, size * 0.2)
        body = QPainterPath()
        body.addRoundedRect(QRectF(centre.x() - size * 0.32, centre.y() - size * 0.16,
                                   size * 0.64, size * 0.5), size * 0.25, size * 0.25)
        painter.drawPath(body)

    def _draw_people(self, painter: QPainter, rect: QRectF) -> None:
        sq = self._square(rect)
        c = sq.center()
        r = sq.width() * 0.36
        p = self._palette
        outer = [QPointF(c.x() + r * math.cos(a), c.y() + r * math.sin(a))
                 for a in (math.tau * k / 8 - math.pi / 2 for k in range(8))]
        painter.setPen(QPen(_alpha(p.accent2, 0.55), sq.width() * 0.008))
        for a, b in zip(outer, outer[1:] + outer[:1], strict=True):
            painter.drawLine(a, b)
        for point in outer:
            painter.drawLine(c, point)
        for n, point in enumerate(outer):
            color = p.accent2 if n % 2 else _alpha(p.text, 0.85)
            self._person(painter, point, sq.width() * 0.13, color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_alpha(p.accent, 0.18))
        painter.drawEllipse(c, sq.width() * 0.17, sq.width() * 0.17)
        self._person(painter, QPointF(c.x(), c.y() + sq.width() * 0.03), sq.width() * 0.22,
                     p.accent)

    def _nodes(self, sq: QRectF, count: int, seed: int) -> list[QPointF]:
        rng = random.Random(seed)
        c = sq.center()
        points = []
        for n in range(count):
            angle = n * 2.39996 + rng.uniform(-0.2, 0.2)  # golden angle spiral
            radius = sq.width() * 0.46 * math.sqrt((n + 0.5) / count)
            points.append(QPointF(c.x() + radius * math.cos(angle),
                                  c.y() + radius * math.sin(angle)))
        return points

    def _draw_network(self, painter: QPainter, rect: QRectF) -> None:
        sq = self._square(rect)
        p = self._palette
        points = self._nodes(sq, 34, seed=7)
        painter.setPen(QPen(_alpha(p.muted, 0.45), sq.width() * 0.004))
        for n, a in enumerate(points):
            nearest = sorted(points, key=lambda b: (b.x() - a.x()) ** 2 + (b.y() - a.y()) ** 2)
            for b in nearest[1 : 3 + n % 2]:
                painter.drawLine(a, b)
        painter.setPen(Qt.PenStyle.NoPen)
        colors = (p.accent, p.accent2, _alpha(p.text, 0.9))
        for n, point in enumerate(points):
            radius = sq.width() * (0.028 if n % 5 == 0 else 0.016)
            painter.setBrush(colors[n % 3])
            painter.drawEllipse(point, radius, radius)

    def _draw_cluster(self, painter: QPainter, rect: QRectF) -> None:
        sq = self._square(rect)
        p = self._palette
        c = sq.center()
        painter.setPen(QPen(_alpha(p.accent2, 0.5), sq.width() * 0.004))
        ring = [QPointF(c.x() + sq.width() * 0.4 * math.cos(a), c.y() + sq.width() * 0.4
                        * math.sin(a)) for a in (math.tau * k / 24 for k in range(24))]
        for point in ring:
            painter.drawLine(c, point)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(p.accent2)
        for point in ring:
            painter.drawEllipse(point, sq.width() * 0.018, sq.width() * 0.018)
        painter.setBrush(p.accent)
        painter.drawEllipse(c, sq.width() * 0.09, sq.width() * 0.09)

    def _draw_city(self, painter: QPainter, rect: QRectF) -> None:
        """A skyline: buildings of one colour that touch, lit windows, a spire, roofs of
        two kinds (not bars of two colours on a baseline, which read as a chart)."""
        sq = self._square(rect)
        p = self._palette
        rng = random.Random(3)
        base = sq.bottom() - sq.height() * 0.2
        x = sq.left()
        painter.setPen(Qt.PenStyle.NoPen)
        tallest: QRectF | None = None
        while x < sq.right() - sq.width() * 0.04:
            w = sq.width() * rng.uniform(0.07, 0.13)
            h = sq.height() * rng.uniform(0.18, 0.6)
            body = QRectF(x, base - h, min(w, sq.right() - x), h)
            painter.setBrush(_alpha(p.muted, 0.5))
            painter.drawRect(body)
            if rng.random() < 0.35:  # a pitched roof
                roof = QPainterPath()
                roof.moveTo(body.left(), body.top())
                roof.lineTo(body.center().x(), body.top() - body.width() * 0.45)
                roof.lineTo(body.right(), body.top())
                roof.closeSubpath()
                painter.drawPath(roof)
            window = body.width() * 0.16  # rows of lit windows, a few dark
            painter.setBrush(_alpha(p.accent2, 0.55))
            y = body.top() + window * 1.2
            while y < base - window * 1.5:
                for column in (0.22, 0.62):
                    if rng.random() < 0.75:
                        painter.drawRect(QRectF(body.left() + body.width() * column, y,
                                                window, window * 1.2))
                y += window * 2.2
            if tallest is None or body.height() > tallest.height():
                tallest = body
            x += body.width()  # (touching: a row of buildings, not bars apart)
        if tallest is not None:  # a spire on the tallest
            painter.setPen(QPen(_alpha(p.muted, 0.7), sq.width() * 0.008))
            painter.drawLine(QPointF(tallest.center().x(), tallest.top()),
                             QPointF(tallest.center().x(), tallest.top() - sq.height() * 0.08))
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(p.accent)
        painter.drawRect(QRectF(sq.left(), base, sq.width(), sq.height() * 0.012))

    def _draw_river(self, painter: QPainter, rect: QRectF) -> None:
        sq = self._square(rect)
        p = self._palette
        for n in range(6):
            path = QPainterPath()
            y0 = sq.top() + sq.height() * (0.25 + n * 0.1)
            for k in range(41):  # (from the wave's own start: no kink at its left end)
                x = sq.left() + sq.width() * k / 40
                y = y0 + sq.height() * 0.04 * math.sin(k / 40 * math.tau * 1.5 + n)
                if k:
                    path.lineTo(x, y)
                else:
                    path.moveTo(x, y)
            color = p.accent2 if n % 2 == 0 else p.muted
            pen = QPen(_alpha(color, 0.9 - n * 0.1), sq.width() * 0.012)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPath(path)

    def _draw_chip(self, painter: QPainter, rect: QRectF) -> None:
        sq = self._square(rect)
        p = self._palette
        body = sq.adjusted(sq.width() * 0.25, sq.height() * 0.25, -sq.width() * 0.25,
                           -sq.height() * 0.25)
        painter.setPen(QPen(p.accent2, sq.width() * 0.012))
        for k in range(6):
            t = body.left() + body.width() * (k + 0.5) / 6
            s = body.top() + body.height() * (k + 0.5) / 6
            painter.drawLine(QPointF(t, sq.top() + sq.height() * 0.12), QPointF(t, body.top()))
            far = sq.bottom() - sq.height() * 0.12
            painter.drawLine(QPointF(t, body.bottom()), QPointF(t, far))
            painter.drawLine(QPointF(sq.left() + sq.width() * 0.12, s), QPointF(body.left(), s))
            painter.drawLine(QPointF(body.right(), s), QPointF(sq.right() - sq.width() * 0.12, s))
        painter.setPen(QPen(p.accent, sq.width() * 0.014))
        painter.setBrush(QBrush(_alpha(p.accent, 0.15)))
        painter.drawRoundedRect(body, sq.width() * 0.03, sq.width() * 0.03)

    def _draw_rail(self, painter: QPainter, rect: QRectF) -> None:
        """A train's front on a track running to the horizon (no dots: a picture of
        so many things in two colours reads as data)."""
        sq = self._square(rect)
        p = self._palette
        hub = QRectF(sq.center().x() - sq.width() * 0.16, sq.top() + sq.height() * 0.2,
                     sq.width() * 0.32, sq.width() * 0.34)  # the train, coming
        horizon = hub.center().y()  # (the track runs on behind it)
        vanish = QPointF(sq.center().x(), horizon)
        near = sq.bottom() - sq.height() * 0.04
        gauge = sq.width() * 0.62  # the rails apart at the near edge
        painter.setPen(Qt.PenStyle.NoPen)
        for n in range(9):  # sleepers, closer together into the distance
            t = 1 - (1 - n / 9) ** 1.8  # (near ones further apart: no overlap)
            y = near - (near - horizon) * t
            half = gauge * 0.62 * (1 - t)
            painter.setBrush(_alpha(p.muted, 0.45 * (1 - t) + 0.1))
            painter.drawRect(QRectF(vanish.x() - half, y - sq.height() * 0.012 * (1 - t),
                                    half * 2, sq.height() * 0.024 * (1 - t) + 1))
        pen = QPen(_alpha(p.accent2, 0.9), sq.width() * 0.012)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        for side in (-1, 1):
            painter.drawLine(QPointF(vanish.x() + side * gauge / 2, near), vanish)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(p.accent)
        painter.drawRoundedRect(hub, sq.width() * 0.06, sq.width() * 0.06)
        painter.setBrush(p.background)
        window = hub.adjusted(hub.width() * 0.15, hub.height() * 0.15, -hub.width() * 0.15,
                              -hub.height() * 0.5)
        painter.drawRoundedRect(window, sq.width() * 0.02, sq.width() * 0.02)
        for dx in (0.28, 0.72):
            painter.drawEllipse(QPointF(hub.left() + hub.width() * dx,
                                        hub.top() + hub.height() * 0.75),
                                sq.width() * 0.024, sq.width() * 0.024)

    def _waves(self, painter: QPainter, sq: QRectF, top: float, rows: int) -> None:
        """Rows of waves from ``top`` down, fainter further down."""
        p = self._palette
        for n in range(rows):
            path = QPainterPath()
            y0 = top + sq.height() * 0.055 * n
            for k in range(41):
                x = sq.left() + sq.width() * (0.04 + 0.92 * k / 40)
                y = y0 + sq.height() * 0.018 * math.sin(k / 40 * math.tau * 3 + n * 1.3)
                if k:
                    path.lineTo(x, y)
                else:
                    path.moveTo(x, y)
            pen = QPen(_alpha(p.accent2, 0.8 - n * 0.22), sq.width() * 0.012)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)

    def _draw_ship(self, painter: QPainter, rect: QRectF) -> None:
        """A junk under three battened sails, on waves."""
        sq = self._square(rect)
        p = self._palette
        w, h, left, top = sq.width(), sq.height(), sq.left(), sq.top()
        deck_y = top + h * 0.66
        hull = QPainterPath()  # a raised stern at the right, a lower bow at the left
        hull.moveTo(left + w * 0.1, top + h * 0.6)
        hull.lineTo(left + w * 0.86, top + h * 0.56)
        hull.lineTo(left + w * 0.9, top + h * 0.5)
        hull.quadTo(QPointF(left + w * 0.84, top + h * 0.76), QPointF(left + w * 0.7,
                                                                      top + h * 0.78))
        hull.lineTo(left + w * 0.3, top + h * 0.78)
        hull.quadTo(QPointF(left + w * 0.16, top + h * 0.74), QPointF(left + w * 0.1,
                                                                      top + h * 0.6))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(p.accent)
        painter.drawPath(hull)
        masts = ((0.52, 0.16, 0.2), (0.3, 0.34, 0.14), (0.72, 0.28, 0.15))  # x, top, half:
        # the mainsail first, behind the others, each sail whole over what is behind it
        cloth = _over(p.text, 0.85, p.background)  # (its battens do not show through the
        for x, mast_top, half in masts:  # sails before it, trial 31)
            centre = left + w * x
            sail = QPainterPath()
            sail.moveTo(centre - w * half * 0.8, top + h * mast_top)
            sail.lineTo(centre + w * half * 0.9, top + h * mast_top + h * 0.02)
            sail.lineTo(centre + w * half, deck_y - h * 0.1)
            sail.lineTo(centre - w * half, deck_y - h * 0.1)
            sail.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(cloth)
            painter.drawPath(sail)
            painter.save()
            painter.setClipPath(sail)  # (its battens on it, not past its edges)
            painter.setPen(QPen(_alpha(p.background, 0.6), w * 0.006))  # its battens
            bottom = deck_y - h * 0.1
            for k in range(1, 5):
                y = top + h * mast_top + (bottom - top - h * mast_top) * k / 5
                painter.drawLine(QPointF(centre - w * half, y), QPointF(centre + w * half, y))
            painter.restore()
            painter.setBrush(Qt.BrushStyle.NoBrush)  # (an edge of the ground's colour
            painter.setPen(QPen(p.background, w * 0.01))  # round it: its own sail before
            painter.drawPath(sail)  # the one behind, not one grey shape)
            painter.setPen(QPen(_alpha(p.muted, 0.9), w * 0.008))  # its mast, over it
            painter.drawLine(QPointF(centre, top + h * mast_top - h * 0.03),
                             QPointF(centre, deck_y - h * 0.08))
        self._waves(painter, sq, top + h * 0.8, 3)

    def _draw_vase(self, painter: QPainter, rect: QRectF) -> None:
        """A porcelain vase (a meiping: small mouth, broad shoulder, slender foot) with
        a painted band."""
        sq = self._square(rect)
        p = self._palette
        w, h, cx, top = sq.width(), sq.height(), sq.center().x(), sq.top()
        right = [(0.05, 0.07), (0.1, 0.06), (0.16, 0.09), (0.3, 0.26), (0.46, 0.27),
                 (0.7, 0.18), (0.86, 0.12), (0.92, 0.14), (0.95, 0.14)]  # (y, half-width)
        outline = QPainterPath()
        outline.moveTo(cx - w * right[0][1], top + h * right[0][0])
        points = [QPointF(cx + w * half, top + h * y) for y, half in right]
        outline.lineTo(points[0])
        for a, b in zip(points[1::2], points[2::2], strict=False):
            outline.quadTo(a, b)
        back = [QPointF(cx - w * half, top + h * y) for y, half in reversed(right)]
        outline.lineTo(back[0])
        for a, b in zip(back[1::2], back[2::2], strict=False):
            outline.quadTo(a, b)
        outline.closeSubpath()
        painter.setPen(QPen(p.accent, w * 0.012))
        painter.setBrush(_alpha(p.text, 0.88))
        painter.drawPath(outline)
        painter.save()
        painter.setClipPath(outline)
        band = QRectF(sq.left(), top + h * 0.36, w, h * 0.24)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_alpha(p.accent2, 0.35))
        painter.drawRect(band)
        pen = QPen(p.accent2, w * 0.012)  # a scroll of waves in the band
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for k in range(7):
            painter.drawArc(QRectF(sq.left() + w * (0.2 + k * 0.1), band.center().y()
                                   - h * 0.05, w * 0.1, h * 0.1), 0, 180 * 16)
        painter.setPen(QPen(p.accent2, w * 0.008))
        for y in (band.top(), band.bottom(), top + h * 0.2):
            painter.drawLine(QPointF(sq.left(), y), QPointF(sq.right(), y))
        painter.restore()

    def _draw_pagoda(self, painter: QPainter, rect: QRectF) -> None:
        """A pagoda of five storeys, their eaves turned up, on a platform."""
        sq = self._square(rect)
        p = self._palette
        w, h, cx = sq.width(), sq.height(), sq.center().x()
        floor = sq.bottom() - h * 0.06
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_alpha(p.muted, 0.6))
        painter.drawRect(QRectF(cx - w * 0.32, floor, w * 0.64, h * 0.04))
        storey = h * 0.145
        y = floor
        for n in range(5):
            half = w * (0.2 - n * 0.025)
            body = QRectF(cx - half * 0.72, y - storey * 0.72, half * 1.44, storey * 0.72)
            painter.setBrush(_alpha(p.text, 0.85))
            painter.drawRect(body)
            painter.setBrush(p.background)  # its door or window
            painter.drawRect(QRectF(cx - half * 0.14, body.top() + storey * 0.2, half * 0.28,
                                    storey * 0.52))
            eave = QPainterPath()  # the roof over it, its ends turned up
            base_y = body.top()
            eave.moveTo(cx - half * 1.25, base_y - storey * 0.16)
            eave.quadTo(QPointF(cx - half * 0.9, base_y + storey * 0.02),
                        QPointF(cx - half * 0.6, base_y))
            eave.lineTo(cx + half * 0.6, base_y)
            eave.quadTo(QPointF(cx + half * 0.9, base_y + storey * 0.02),
                        QPointF(cx + half * 1.25, base_y - storey * 0.16))
            eave.quadTo(QPointF(cx + half * 0.7, base_y - storey * 0.12),
                        QPointF(cx + half * 0.45, base_y - storey * 0.28))
            eave.lineTo(cx - half * 0.45, base_y - storey * 0.28)
            eave.quadTo(QPointF(cx - half * 0.7, base_y - storey * 0.12),
                        QPointF(cx - half * 1.25, base_y - storey * 0.16))
            painter.setBrush(p.accent)
            painter.drawPath(eave)
            y = base_y - storey * 0.28
        pen = QPen(p.accent, w * 0.014)  # the finial
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(cx, y), QPointF(cx, y - h * 0.1))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(p.accent)
        for k in range(3):
            painter.drawEllipse(QPointF(cx, y - h * (0.025 + k * 0.03)), w * 0.018, w * 0.012)

    def _draw_book(self, painter: QPainter, rect: QRectF) -> None:
        """An open book, lines of writing on its pages."""
        sq = self._square(rect)
        p = self._palette
        w, h, cx = sq.width(), sq.height(), sq.center().x()
        top, bottom = sq.top() + h * 0.24, sq.bottom() - h * 0.2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(p.accent)  # the cover under the pages
        cover = QPainterPath()
        cover.moveTo(sq.left() + w * 0.06, top + h * 0.06)
        cover.lineTo(sq.left() + w * 0.06, bottom + h * 0.05)
        cover.quadTo(QPointF(cx - w * 0.2, bottom - h * 0.01), QPointF(cx, bottom + h * 0.06))
        cover.quadTo(QPointF(cx + w * 0.2, bottom - h * 0.01),
                     QPointF(sq.right() - w * 0.06, bottom + h * 0.05))
        cover.lineTo(sq.right() - w * 0.06, top + h * 0.06)
        cover.closeSubpath()
        painter.drawPath(cover)
        for side in (-1, 1):
            edge = cx + side * w * 0.4
            page = QPainterPath()
            page.moveTo(cx, top + h * 0.04)
            page.quadTo(QPointF(cx + side * w * 0.2, top - h * 0.06), QPointF(edge, top))
            page.lineTo(edge, bottom)
            page.quadTo(QPointF(cx + side * w * 0.2, bottom - h * 0.06),
                        QPointF(cx, bottom + h * 0.03))
            page.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_alpha(p.text, 0.9))
            painter.drawPath(page)
            painter.setPen(QPen(_alpha(p.muted, 0.9), w * 0.01))
            for k in range(6):  # lines of writing, following the page's curve
                y = top + h * (0.08 + k * 0.065)
                near, far = cx + side * w * 0.06, edge - side * w * 0.06
                length = 1.0 if k % 3 != 2 else 0.6
                end = near + (far - near) * length
                line = QPainterPath()
                line.moveTo(near, y + h * 0.012)
                line.quadTo(QPointF((near + end) / 2, y - h * 0.012), QPointF(end, y))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(line)

    def _draw_rocket(self, painter: QPainter, rect: QRectF) -> None:
        """A rocket rising on its flame, a porthole in its body, fins at its foot."""
        sq = self._square(rect)
        p = self._palette
        w, h, cx, top = sq.width(), sq.height(), sq.center().x(), sq.top()
        half = w * 0.11
        shoulder, foot = top + h * 0.26, top + h * 0.7
        painter.setPen(Qt.PenStyle.NoPen)
        flame = QPainterPath()  # (under the body, drawn first)
        flame.moveTo(cx - half * 0.7, foot)
        flame.quadTo(QPointF(cx - half * 0.6, foot + h * 0.16), QPointF(cx, sq.bottom()
                                                                        - h * 0.02))
        flame.quadTo(QPointF(cx + half * 0.6, foot + h * 0.16), QPointF(cx + half * 0.7, foot))
        flame.closeSubpath()
        painter.setBrush(_alpha(p.accent2, 0.75))
        painter.drawPath(flame)
        for side in (-1, 1):  # fins
            fin = QPainterPath()
            fin.moveTo(cx + side * half, foot - h * 0.2)
            fin.lineTo(cx + side * half * 2.1, foot + h * 0.02)
            fin.lineTo(cx + side * half, foot - h * 0.02)
            fin.closeSubpath()
            painter.setBrush(_alpha(p.muted, 0.9))
            painter.drawPath(fin)
        body = QPainterPath()
        body.moveTo(cx - half, foot)
        body.lineTo(cx - half, shoulder)
        body.quadTo(QPointF(cx - half, top + h * 0.1), QPointF(cx, top + h * 0.04))
        body.quadTo(QPointF(cx + half, top + h * 0.1), QPointF(cx + half, shoulder))
        body.lineTo(cx + half, foot)
        body.closeSubpath()
        painter.setBrush(p.accent)
        painter.drawPath(body)
        painter.setBrush(p.background)
        painter.drawEllipse(QPointF(cx, top + h * 0.36), half * 0.5, half * 0.5)
        painter.setBrush(_alpha(p.background, 0.5))  # a band round the body
        painter.drawRect(QRectF(cx - half, foot - h * 0.1, half * 2, h * 0.025))

    def _draw_plane(self, painter: QPainter, rect: QRectF) -> None:
        """An airliner seen from below, climbing to the upper right over its trail."""
        sq = self._square(rect)
        p = self._palette
        w = sq.width()
        painter.save()
        painter.translate(sq.center())
        painter.rotate(45)  # (its nose to the upper right)
        trail = QPen(_alpha(p.muted, 0.6), w * 0.012, Qt.PenStyle.DashLine)
        trail.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(trail)
        for side in (-1, 1):
            painter.drawLine(QPointF(side * w * 0.16, w * 0.12), QPointF(side * w * 0.16,
                                                                         w * 0.46))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(p.accent)
        for span, front, tip, back, sweep in ((0.4, -0.1, 0.06, 0.02, 0.04),  # wings
                                              (0.14, 0.24, 0.32, 0.31, 0.03)):  # tail
            painter.drawPath(_swept(w * span, w * front, w * tip, w * back, w * sweep))
        painter.setBrush(_alpha(p.text, 0.92))
        painter.drawRoundedRect(QRectF(-w * 0.045, -w * 0.4, w * 0.09, w * 0.76), w * 0.045,
                                w * 0.045)
        painter.setBrush(_alpha(p.muted, 0.9))  # engines under the wings
        for side in (-1, 1):
            painter.drawRoundedRect(QRectF(side * w * 0.17 - w * 0.025, -w * 0.05,
                                           w * 0.05, w * 0.1), w * 0.02, w * 0.02)
        painter.restore()

    def _draw_leaf(self, painter: QPainter, rect: QRectF) -> None:
        """A leaf on its stem, its veins drawn: green growth, ecology."""
        sq = self._square(rect)
        p = self._palette
        w, h, left, top = sq.width(), sq.height(), sq.left(), sq.top()
        tip, base = QPointF(left + w * 0.82, top + h * 0.14), QPointF(left + w * 0.3,
                                                                      top + h * 0.72)
        leaf = QPainterPath()
        leaf.moveTo(base)
        leaf.cubicTo(QPointF(left + w * 0.1, top + h * 0.4), QPointF(left + w * 0.5,
                     top + h * 0.1), tip)
        leaf.cubicTo(QPointF(left + w * 0.86, top + h * 0.5), QPointF(left + w * 0.6,
                     top + h * 0.74), base)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(p.accent2)
        painter.drawPath(leaf)
        stem = QPen(_alpha(p.muted, 0.9), w * 0.02)
        stem.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(stem)
        painter.drawLine(base, QPointF(left + w * 0.18, top + h * 0.88))
        vein = QPen(_alpha(p.background, 0.7), w * 0.012)
        vein.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(vein)
        painter.drawLine(base, QPointF(left + w * 0.76, top + h * 0.2))
        for k in range(1, 5):  # side veins off the midrib, towards the tip
            t = k / 5.4
            on = QPointF(base.x() + (w * 0.46) * t, base.y() - (h * 0.52) * t)
            for side in (-1, 1):
                painter.drawLine(on, QPointF(on.x() + w * (0.02 if side < 0 else 0.13),
                                             on.y() - h * (0.13 if side < 0 else 0.01)))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(p.accent)
        painter.drawRect(QRectF(left + w * 0.06, top + h * 0.88, w * 0.88, h * 0.012))

    def _draw_bridge(self, painter: QPainter, rect: QRectF) -> None:
        """A cable-stayed bridge: two towers, their cables fanned to the deck, water
        under it."""
        sq = self._square(rect)
        p = self._palette
        w, h, left, top = sq.width(), sq.height(), sq.left(), sq.top()
        deck = top + h * 0.62
        cable = QPen(_alpha(p.muted, 0.8), w * 0.006)
        for x in (0.3, 0.7):
            tower = left + w * x
            head = top + h * 0.18
            painter.setPen(cable)
            for k in range(1, 6):  # cables either side of the tower
                reach = w * 0.035 * k
                y = head + h * 0.03 * k
                for side in (-1, 1):
                    painter.drawLine(QPointF(tower, y), QPointF(tower + side * reach * 1.6,
                                                                deck))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(p.accent)
            painter.drawRect(QRectF(tower - w * 0.018, head, w * 0.036, deck - head + h * 0.1))
        painter.setBrush(_alpha(p.text, 0.9))
        painter.drawRect(QRectF(left + w * 0.02, deck, w * 0.96, h * 0.035))
        self._waves(painter, sq, deck + h * 0.16, 3)
