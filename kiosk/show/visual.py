"""A story's visual: a drawn motif, a picture (or its placeholder), or a chart."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsRectItem

from kiosk.deck.model import ChartVisual, IconVisual, ImageVisual, VideoVisual
from kiosk.play.timeline import Timeline
from kiosk.show.context import SlideContext
from kiosk.show.motifs import Motif
from kiosk.show.pictures import decode

log = logging.getLogger(__name__)
_warned: set[str] = set()


def add_visual(parent: QGraphicsItem,
               visual: IconVisual | ImageVisual | ChartVisual | VideoVisual,
               ctx: SlideContext, rect: QRectF, timeline: Timeline | None = None
               ) -> QGraphicsItem:
    """The visual fitted into ``rect``."""
    if isinstance(visual, IconVisual):
        item: QGraphicsItem = Motif(visual.name, rect.width(), rect.height(), ctx.palette,
                                    parent)
        item.setPos(rect.topLeft())
        return item
    if isinstance(visual, ImageVisual):
        return add_image(parent, visual.src, ctx.assets.get(visual.src), ctx, rect)
    if isinstance(visual, VideoVisual):
        return add_video(parent, visual, ctx, rect)
    from kiosk.show.charts import add_chart

    return add_chart(parent, visual.chart, ctx, rect, timeline)


def add_image(parent: QGraphicsItem, ref: str, path: Path | None, ctx: SlideContext,
              rect: QRectF) -> QGraphicsItem:
    """A picture fitted into ``rect``, decoded at that size, or a neutral placeholder
    (and one log line) when it cannot be drawn."""
    fit = QSize(max(1, int(rect.width())), max(1, int(rect.height())))
    image = decode(path, fit) if path is not None else "is missing"
    if isinstance(image, str):
        if ref not in _warned:
            _warned.add(ref)
            log.warning("image %r %s: showing a placeholder", ref, image)
        return placeholder(parent, ctx, rect)
    wanted = image.size().scaled(fit, Qt.AspectRatioMode.KeepAspectRatio)
    if image.size() != wanted:  # a small picture is enlarged to fit, as it always was
        image = image.scaled(wanted, Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    item = QGraphicsPixmapItem(QPixmap.fromImage(image), parent)
    item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
    item.setPos(rect.left() + (rect.width() - image.width()) / 2,
                rect.top() + (rect.height() - image.height()) / 2)
    return item


def add_video(parent: QGraphicsItem, visual: VideoVisual, ctx: SlideContext,
              rect: QRectF) -> QGraphicsItem:
    """A video fitted whole into ``rect``, with its poster while it opens (its slide
    starts and stops it: SlideView.videos)."""
    from kiosk.show.video import VideoItem, poster

    return VideoItem(ctx.assets.get(visual.src), rect, fill=False, name=visual.src,
                     poster=poster(ctx.assets.get(visual.poster) if visual.poster else None,
                                   rect), background=ctx.palette.surface, parent=parent)


def placeholder(parent: QGraphicsItem, ctx: SlideContext, rect: QRectF) -> QGraphicsItem:
    """A quiet frame where a picture should be: the show goes on without it."""
    frame = QGraphicsRectItem(rect, parent)
    fill = QColor(ctx.palette.surface)
    frame.setBrush(fill)
    line = QColor(ctx.palette.muted)
    line.setAlphaF(0.4)
    frame.setPen(QPen(line, 2, Qt.PenStyle.DashLine))
    frame.setData(0, "placeholder")
    return frame
