"""Mouse and touch: taps and swipes, on the buttons, the edges and the charts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTouchEvent

from kiosk.app.controllers import Overlay
from kiosk.app.show import Show
from kiosk.play.clock import Clock
from kiosk.play.commands import Action, Command
from kiosk.play.gestures import Swipe, Tap, classify
from kiosk.show.stage import Stage

EDGE_ZONE = 0.14
"""Share of the stage width at each side where a tap turns the page."""
BUTTONS = {"next": Action.NEXT, "previous": Action.PREVIOUS, "home": Action.FIRST,
           "overview": Action.OVERVIEW, "language": Action.LANGUAGE}


def where(stage: Stage, event: QEvent) -> tuple[str, QPointF] | None:
    """A press or release of the left button or a finger on ``stage``'s viewport:
    ("down" or "up", and where, in design pixels); None for other events."""
    kind = event.type()
    if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
        position = event.position()
        phase = {QEvent.Type.MouseButtonPress: "down",
                 QEvent.Type.MouseButtonRelease: "up"}.get(kind)
    elif isinstance(event, QTouchEvent) and event.points():
        position = stage.viewport().mapFromGlobal(event.points()[0].globalPosition())
        phase = {QEvent.Type.TouchBegin: "down", QEvent.Type.TouchEnd: "up"}.get(kind)
    else:
        return None
    return (phase, stage.mapToScene(position.toPoint())) if phase else None


class Pointer(QObject):
    """Turns presses and releases on the stage into taps and swipes, and those into
    commands: an open overlay (keypad, overview) takes them first."""

    def __init__(self, show: Show, stage: Stage, clock: Clock,
                 overlays: list[Overlay]) -> None:
        super().__init__(show)
        self.show, self.stage, self.clock, self.overlays = show, stage, clock, overlays
        self._press: tuple[QPointF, float] | None = None

    def bind(self) -> None:
        viewport = self.stage.viewport()
        viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        viewport.installEventFilter(self)

    def unbind(self) -> None:
        self.stage.viewport().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        found = where(self.stage, event)
        if found is not None:
            phase, point = found
            if phase == "down":
                self._press = (point, self.clock.now())
            else:
                self._up(point)
        if isinstance(event, QTouchEvent):
            event.accept()
            return True
        return found is not None

    def _up(self, end: QPointF) -> None:
        if self._press is None:
            return
        (start, t0), self._press = self._press, None
        gesture = classify(start.x(), start.y(), t0, end.x(), end.y(), self.clock.now())
        if isinstance(gesture, Swipe):
            if not any(overlay.swipe(gesture.direction) for overlay in self.overlays):
                action = Action.NEXT if gesture.direction > 0 else Action.PREVIOUS
                self.show.apply(Command(action), "swipe")
        elif isinstance(gesture, Tap):
            self.tap(QPointF(gesture.x, gesture.y))

    def tap(self, point: QPointF) -> None:
        """A tap at ``point`` (design pixels): an open overlay's, a button's, a chart
        mark's, or an edge's."""
        if any(overlay.tap(point) for overlay in self.overlays):
            return
        width = self.stage.design[0]
        control = self.stage.chrome.hit(point)
        if control in BUTTONS:
            self.show.apply(Command(BUTTONS[control]), "touch")
        elif self.show.explore(point):  # a chart mark says its value
            return
        elif point.x() >= width * (1 - EDGE_ZONE):
            self.show.apply(Command(Action.NEXT), "touch")
        elif point.x() <= width * EDGE_ZONE:
            self.show.apply(Command(Action.PREVIOUS), "touch")
