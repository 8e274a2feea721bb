"""The kiosk lock: a curious visitor cannot close the show; an operator can.

Close requests (Alt+F4, the window manager's close button, Ctrl+Q/W, Esc, Q) are
refused and logged, and the window keeps its full screen. The operator holds the
top-left corner for a few seconds, which opens a keypad for the PIN, or presses the
configured key chord.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from kiosk.pin import check_pin
from kiosk.play.lockout import Lockout
from kiosk.show import fonts
from kiosk.show.guard import guarded
from kiosk.show.theme import Palette

log = logging.getLogger(__name__)
CORNER = 140.0  # design px: the operator's corner, top left
HOLD_SECONDS = 3.0
TITLE = "管理员 PIN · Operator PIN"
KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "←", "0", "OK")


def in_corner(point: QPointF) -> bool:
    return point.x() <= CORNER and point.y() <= CORNER


class Keypad(QGraphicsObject):
    """An on-screen PIN pad over the show.

    Signals:
        submitted(str): the digits entered, on OK.
        closed(): the pad was dismissed.
    """

    submitted = Signal(str)
    closed = Signal()

    def __init__(self, width: float, height: float, palette: Palette) -> None:
        super().__init__()
        self._w, self._h, self.palette = width, height, palette
        self.digits = ""
        self.message = ""
        self.resting = False
        """Wrong PINs made it rest: it says how long, and takes no digits meanwhile."""
        self.setZValue(150)
        side = min(width, height) * 0.11
        gap = side * 0.18
        grid = side * 3 + gap * 2
        panel_w = side * 5.2  # room for the title beside the close button, both sides
        panel_h = side * 4 + gap * 5 + side * 1.6
        self.box = QRectF((width - panel_w) / 2, (height - panel_h) / 2, panel_w, panel_h)
        self.keys: dict[str, QRectF] = {}
        top = self.box.top() + side * 1.6
        left = self.box.left() + (panel_w - grid) / 2
        for n, key in enumerate(KEYS):
            row, col = divmod(n, 3)
            self.keys[key] = QRectF(left + col * (side + gap), top + gap + row * (side + gap),
                                    side, side)
        self.keys["×"] = QRectF(self.box.right() - side * 0.6, self.box.top() + side * 0.1,
                                side * 0.5, side * 0.5)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._w, self._h)

    def key_at(self, point: QPointF) -> str | None:
        for key, rect in self.keys.items():
            if rect.contains(point):
                return key
        return None

    def rest(self, remaining: str) -> None:
        """Show that the keypad rests for ``remaining`` (in words), and take no digits."""
        self.resting, self.digits = True, ""
        self.message = f"请稍候 · Wait {remaining}"
        self.update()

    def say(self, message: str) -> None:
        """A line over the digits (a wrong PIN, say)."""
        self.message = message
        self.update()

    def ready(self) -> None:
        """The rest is over: the pad takes a PIN again."""
        self.resting, self.message = False, ""
        self.update()

    def press(self, key: str) -> None:
        """A key of the pad (or its keyboard equivalent)."""
        if self.resting and key != "×":
            return
        if key.isdigit() and len(self.digits) < 12:
            self.digits += key
            self.message = ""
        elif key == "←":
            self.digits = self.digits[:-1]
        elif key == "OK":
            entered, self.digits = self.digits, ""
            self.submitted.emit(entered)
        elif key == "×":
            self.digits = ""
            self.closed.emit()
        self.update()

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        p = self.palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.boundingRect(), p.scrim(0.75))
        painter.setPen(QPen(p.accent, 3))
        painter.setBrush(p.surface)
        painter.drawRoundedRect(self.box, 24, 24)
        side = self.keys["1"].width()
        close = self.keys["×"]
        inset = self.box.right() - close.left() + side * 0.1  # clear of the close button
        header = QRectF(self.box.left() + inset, self.box.top() + side * 0.15,
                        self.box.width() - 2 * inset, side * 0.5)
        painter.setFont(_fitting(TITLE, side * 0.3, header.width()))
        painter.setPen(p.text)
        painter.drawText(header, Qt.AlignmentFlag.AlignCenter, TITLE)
        line = QRectF(self.box.left() + side * 0.15, header.bottom(),
                      self.box.width() - side * 0.3, side * 0.7)
        shown = self.message or "●" * len(self.digits) or " "
        painter.setFont(_fitting(shown, side * 0.4, line.width()))
        painter.setPen(p.accent if not self.message else p.warning)
        painter.drawText(line, Qt.AlignmentFlag.AlignCenter, shown)
        key_font: QFont = fonts.font(side * 0.4, bold=True)
        painter.setFont(key_font)
        for key, rect in self.keys.items():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(p.faint(0.12) if key != "OK" else p.accent)
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setPen(p.text if key != "OK" else p.background)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, key)


def _fitting(text: str, size: float, width: float) -> QFont:
    """The bold font at ``size``, or smaller, so that ``text`` fits ``width`` on one line."""
    font = fonts.font(size, bold=True)
    needed = QFontMetricsF(font).horizontalAdvance(text)
    return font if needed <= width else fonts.font(size * width / needed, bold=True)


class Lock:
    """Decides which close requests stand and runs the operator's way out.

    Wrong PINs make the keypad rest, longer each round (``Lockout``, kept in
    ``state`` across restarts); times are wall-clock seconds.
    """

    def __init__(self, pin_hash: str | None, exit_chord: str | None,
                 state: Path | None = None) -> None:
        self.pin_hash = pin_hash
        self.exit_chord = exit_chord
        self.lockout = Lockout(state)
        self.released = False

    def configure(self, pin_hash: str | None, exit_chord: str | None) -> None:
        """The operator's ways out as a new config says."""
        self.pin_hash, self.exit_chord = pin_hash, exit_chord

    def release(self) -> None:
        """Let the show close (the operator's way out was taken, or the show ends)."""
        self.released = True

    def refuse(self, what: str) -> None:
        log.info("%s refused: the kiosk is locked", what)

    def chord_matches(self, key: str, modifiers: frozenset[str]) -> bool:
        if not self.exit_chord:
            return False
        *mods, chord_key = self.exit_chord.split("+")
        return frozenset(mods) == modifiers and chord_key.upper() == key.upper()

    def can_open_keypad(self, wall: float) -> bool:
        if self.pin_hash is None:
            log.info("corner held, but no kiosk.pin_hash is configured")
            return False
        if self.lockout.resting(wall):
            log.info("corner held; the keypad rests %s more", self.lockout.remaining(wall))
        return True

    def try_pin(self, pin: str, wall: float) -> bool:
        """Check a PIN; wrong ones make the keypad rest (see Lockout)."""
        if self.lockout.resting(wall):
            return False  # not even looked at, nor counted
        if self.pin_hash is not None and check_pin(pin, self.pin_hash):
            log.warning("operator PIN accepted: leaving the locked show")
            self.lockout.succeeded()
            self.release()
            return True
        log.warning("wrong operator PIN")
        self.lockout.failed(wall)
        return False
