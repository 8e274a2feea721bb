"""How the show's pictures are drawn: one set of render hints, and one set-up for the
views that look at a slide's scene (the stage, the presenter's live view)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView

RENDER_HINTS = (QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                | QPainter.RenderHint.SmoothPixmapTransform)
"""Smooth edges, text and scaled pictures: on screen, in exports and in thumbnails."""


def set_up(view: QGraphicsView, *, focus: bool) -> None:
    """A view that shows a scene whole: no frame, no scroll bars, no item interaction
    (the show's controllers take the input); keyboard focus when ``focus``."""
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setRenderHints(RENDER_HINTS)
    view.setInteractive(False)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus if focus else Qt.FocusPolicy.NoFocus)
