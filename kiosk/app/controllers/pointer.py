"""Mouse and touch: taps and swipes, on the buttons, the edges and the charts; on a
picture a visitor may look closer at (a gallery's), two fingers pinch and move it, one
finger (or the mouse) drags it once it is closer, a double tap looks closer or whole
again, and the wheel looks closer."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTouchEvent, QWheelEvent

from kiosk.app.controllers import Overlay
from kiosk.app.show import Show
from kiosk.play.clock import Clock
from kiosk.play.commands import Action, Command, Zoom
from kiosk.play.gestures import EDGE_ZONE, Swipe, Tap, classify
from kiosk.show.slides.gallery import DOUBLE_TAP_ZOOM
from kiosk.show.stage import Stage

DOUBLE_TAP_TIME = 0.35
"""Seconds within which a second tap makes a double tap."""
DOUBLE_TAP_DISTANCE = 60.0
"""Design pixels within which a second tap makes a double tap."""
WHEEL_STEP = 1.15
"""How much closer a wheel's notch looks."""
BUTTONS = {"next": Action.NEXT, "previous": Action.PREVIOUS, "home": Action.FIRST,
           "overview": Action.OVERVIEW, "language": Action.LANGUAGE}


def where(stage: Stage, event: QEvent) -> tuple[str, QPointF] | None:
    """A press or release of the left button or a finger on ``stage``'s viewport:
    ("down" or "up", and where, in design pixels); None for other events."""
    kind = event.type()
    if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
        point = stage.mapToScene(event.position().toPoint())
        phase = {QEvent.Type.MouseButtonPress: "down",  # (a double click's second press
                 QEvent.Type.MouseButtonDblClick: "down",  # is a press: a double tap)
                 QEvent.Type.MouseButtonRelease: "up"}.get(kind)
    elif isinstance(event, QTouchEvent) and event.points():
        point = scene_point(stage, event.points()[0].globalPosition())
        phase = {QEvent.Type.TouchBegin: "down", QEvent.Type.TouchEnd: "up"}.get(kind)
    else:
        return None
    return (phase, point) if phase else None


def scene_point(stage: Stage, global_position: QPointF) -> QPointF:
    """A finger's place on the screen, in design pixels."""
    return stage.mapToScene(stage.viewport().mapFromGlobal(global_position).toPoint())


class Pointer(QObject):
    """Turns presses and releases on the stage into taps and swipes, and those into
    commands: an open overlay (keypad, overview) takes them first."""

    def __init__(self, show: Show, stage: Stage, clock: Clock,
                 overlays: list[Overlay]) -> None:
        super().__init__(show)
        self.show, self.stage, self.clock, self.overlays = show, stage, clock, overlays
        self._press: tuple[QPointF, float] | None = None
        self._held: QPointF | None = None
        """Where the finger or the mouse is, while it drags a picture looked at closer."""
        self._pinch: tuple[QPointF, float] | None = None
        """The middle of two fingers and how far apart they are, while they pinch."""
        self._pinched = False
        """Two fingers touched since the first: what they do is no tap nor swipe."""
        self._last_tap: tuple[QPointF, float] | None = None

    def bind(self) -> None:
        viewport = self.stage.viewport()
        viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        # Two fingers are ours (a pinch, a move), not a scroll area's pan gesture.
        viewport.ungrabGesture(Qt.GestureType.PanGesture)
        viewport.installEventFilter(self)

    def unbind(self) -> None:
        self.stage.viewport().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent) and len(event.points()) > 1:
            self._fingers(event)
            event.accept()
            return True
        if isinstance(event, QWheelEvent):
            return self._wheel(event)
        found = where(self.stage, event)
        if found is not None:
            phase, point = found
            if phase == "down":
                self._press = (point, self.clock.now())
                self._held = point
                self._pinched = False
            else:
                self._up(point)
        elif self._held is not None and event.type() in (
                QEvent.Type.MouseMove, QEvent.Type.TouchUpdate):
            self._drag(event)
        if isinstance(event, QTouchEvent):
            event.accept()
            return True
        return found is not None

    def _fingers(self, event: QTouchEvent) -> None:
        """Two fingers: closer or farther as they spread or pinch, moved as their middle
        moves; lifting them ends it (no tap, no swipe)."""
        self._pinched = True
        self._press = None
        first, second = (scene_point(self.stage, p.globalPosition()) for p in event.points()[:2])
        middle = (first + second) / 2
        apart = max(1.0, math.dist((first.x(), first.y()), (second.x(), second.y())))
        if event.type() == QEvent.Type.TouchEnd or any(
                p.state() == p.State.Released for p in event.points()[:2]):
            self._pinch = None
            return
        if self._pinch is not None and self.stage.zoomable:
            (before, was) = self._pinch
            shift = middle - before
            self.show.apply(Command(Action.ZOOM, payload=Zoom(
                apart / was, before.x(), before.y(), shift.x(), shift.y())), "touch")
            self.show.touched()
        self._pinch = (middle, apart)

    def _drag(self, event: QEvent) -> None:
        """One finger or the mouse, held down and moved over a picture looked at closer:
        the picture moves with it."""
        if isinstance(event, QMouseEvent):
            if not event.buttons() & Qt.MouseButton.LeftButton:
                return
            point = self.stage.mapToScene(event.position().toPoint())
        elif isinstance(event, QTouchEvent) and event.points():
            point = scene_point(self.stage, event.points()[0].globalPosition())
        else:
            return
        assert self._held is not None
        shift, self._held = point - self._held, point
        if self.stage.zoomed and not self._pinched:
            self.show.apply(Command(Action.ZOOM, payload=Zoom(
                dx=shift.x(), dy=shift.y())), "touch")

    def _wheel(self, event: QWheelEvent) -> bool:
        if not self.stage.zoomable:
            return False
        notches = event.angleDelta().y() / 120
        point = self.stage.mapToScene(event.position().toPoint())
        self.show.apply(Command(Action.ZOOM, payload=Zoom(
            WHEEL_STEP ** notches, point.x(), point.y())), "wheel")
        self.show.touched()
        event.accept()
        return True

    def _up(self, end: QPointF) -> None:
        self._held = None
        if self._press is None or self._pinched:
            self._press = None
            return
        (start, t0), self._press = self._press, None
        if self.stage.zoomed:  # (a drag moved the picture: only a tap is a gesture)
            travel = math.dist((start.x(), start.y()), (end.x(), end.y()))
            if travel > 24.0:
                return
        gesture = classify(start.x(), start.y(), t0, end.x(), end.y(), self.clock.now())
        if isinstance(gesture, Swipe):
            if not any(overlay.swipe(gesture.direction) for overlay in self.overlays):
                action = Action.NEXT if gesture.direction > 0 else Action.PREVIOUS
                self.show.apply(Command(action), "swipe")
        elif isinstance(gesture, Tap):
            self.tap(QPointF(gesture.x, gesture.y))

    def tap(self, point: QPointF) -> None:
        """A tap at ``point`` (design pixels): an open overlay's, a button's, a chart
        mark's, an edge's, or the second of a double tap on a picture."""
        if any(overlay.tap(point) for overlay in self.overlays):
            return
        width = self.stage.design[0]
        control = self.stage.chrome.hit(point)
        now, last = self.clock.now(), self._last_tap
        self._last_tap = (point, now)
        if control in BUTTONS:
            self.show.apply(Command(BUTTONS[control]), "touch")
        elif self.show.explore(point):  # a chart mark says its value
            return
        elif self.stage.zoomed:  # (the edges are the picture's, while it is closer)
            if last is not None and self._double(last, point, now):
                self.show.apply(Command(Action.ZOOM, payload=Zoom(reset=True)), "touch")
        elif point.x() >= width * (1 - EDGE_ZONE):
            self.show.apply(Command(Action.NEXT), "touch")
        elif point.x() <= width * EDGE_ZONE:
            self.show.apply(Command(Action.PREVIOUS), "touch")
        elif self.stage.zoomable and last is not None and self._double(last, point, now):
            self._last_tap = None
            self.show.apply(Command(Action.ZOOM, payload=Zoom(
                DOUBLE_TAP_ZOOM, point.x(), point.y())), "touch")

    @staticmethod
    def _double(last: tuple[QPointF, float], point: QPointF, now: float) -> bool:
        at, when = last
        return now - when <= DOUBLE_TAP_TIME and math.dist(
            (at.x(), at.y()), (point.x(), point.y())) <= DOUBLE_TAP_DISTANCE
