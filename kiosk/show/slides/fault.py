"""What stands in for a slide that could not be built: nothing on a kiosk's screen (the
show moves past it), the problem itself in an author's window and in exports."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from kiosk.deck.model import SlideBase
from kiosk.show.context import SlideContext
from kiosk.show.slides.base import SlideView


class FaultView(SlideView):
    """A slide whose own view raised ``error`` while ``doing`` something."""

    def __init__(self, slide: SlideBase, ctx: SlideContext, error: BaseException,
                 doing: str) -> None:
        self._error, self._doing = error, doing
        super().__init__(slide, ctx)
        self.fault = f"{doing}: {type(error).__name__}: {error}"
        self.error = error

    def build(self) -> None:
        if not self.ctx.explain_faults:
            return
        ctx, area = self.ctx, self.ctx.content
        ctx.box(self, "这一页无法显示 · This slide cannot be shown",
                QRectF(area.left(), area.top(), area.width(), ctx.size("title") * 1.4),
                "heading", bold=True, color=ctx.palette.accent, max_lines=1)
        ctx.box(self, f"{self._doing}: {type(self._error).__name__}: {self._error}",
                QRectF(area.left(), area.top() + ctx.size("title") * 1.6, area.width(),
                       area.height() * 0.6), "body", color=ctx.palette.text)
