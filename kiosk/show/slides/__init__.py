"""Slide views, one module per slide type."""

from __future__ import annotations

from kiosk.deck.model import SlideBase
from kiosk.show.context import SlideContext
from kiosk.show.slides.base import SlideView
from kiosk.show.slides.chart import ChartSlideView
from kiosk.show.slides.document import PdfView
from kiosk.show.slides.fault import FaultView
from kiosk.show.slides.figures import FiguresView
from kiosk.show.slides.gallery import GalleryView
from kiosk.show.slides.image import ImageView, VideoView
from kiosk.show.slides.points import PointsView
from kiosk.show.slides.story import StoryView
from kiosk.show.slides.title import TitleView

VIEWS: dict[str, type[SlideView]] = {
    "title": TitleView,
    "closing": TitleView,
    "figures": FiguresView,
    "story": StoryView,
    "chart": ChartSlideView,
    "points": PointsView,
    "image": ImageView,
    "gallery": GalleryView,
    "video": VideoView,
    "pdf": PdfView,
}


def build_view(slide: SlideBase, ctx: SlideContext) -> SlideView:
    """The view of one slide, laid out for ``ctx``; a FaultView (whose ``fault`` says
    why) when building it raised: one slide never ends the show."""
    try:
        return VIEWS[slide.type](slide, ctx)  # type: ignore[attr-defined]
    except Exception as error:
        return FaultView(slide, ctx, error, "building")
