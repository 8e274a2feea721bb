"""The kiosk lock on a running show: close requests refused, full screen kept, and the
operator's ways out (the exit chord; the corner held, then the keypad's PIN)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QWindowStateChangeEvent

from kiosk.app.controllers import Ticker
from kiosk.app.controllers.pointer import where
from kiosk.app.input import key_name, modifiers
from kiosk.app.lock import HOLD_SECONDS, Keypad, Lock, in_corner
from kiosk.app.show import Show
from kiosk.config import Config
from kiosk.play.clock import Clock
from kiosk.play.commands import Action, Command
from kiosk.play.keys import KEYPAD_KEYS, SHORTCUT_MODIFIERS, chord_of
from kiosk.show.stage import Stage

log = logging.getLogger(__name__)
WRONG_PIN = "PIN 错误 · Wrong PIN"


class Operator(QObject):
    """Holds the lock while the show is locked; opens the keypad as the show's overlay
    says, and takes its keys and taps while it is open."""

    def __init__(self, show: Show, stage: Stage, clock: Clock, ticker: Ticker, *,
                 state: Path | None = None) -> None:
        super().__init__(show)
        self.show, self.stage, self.clock, self.ticker = show, stage, clock, ticker
        self._state = state
        self.lock: Lock | None = None
        self.keypad: Keypad | None = None
        self._held: tuple[QPointF, float] | None = None
        self._locked(show.locked)

    def bind(self) -> None:
        self.show.locked_changed.connect(self._locked)
        self.show.config_changed.connect(self._config)
        self.show.overlay_changed.connect(self._overlay)
        self.ticker.ticked.connect(self._tick)
        self.stage.installEventFilter(self)
        self.stage.viewport().installEventFilter(self)  # the corner held (bound after
        # the pointer, this sees the presses first)

    def unbind(self) -> None:
        self.show.locked_changed.disconnect(self._locked)
        self.show.config_changed.disconnect(self._config)
        self.show.overlay_changed.disconnect(self._overlay)
        self.ticker.ticked.disconnect(self._tick)
        self.stage.removeEventFilter(self)
        self.stage.viewport().removeEventFilter(self)

    def release(self) -> None:
        """The show ends: let its window close."""
        if self.lock is not None:
            self.lock.release()


    def _locked(self, locked: bool) -> None:
        kiosk = self.show.config.kiosk
        if locked and self.lock is None:
            self.lock = Lock(kiosk.pin_hash, kiosk.exit_chord, self._state)
        elif not locked:
            self.lock = None

    def _config(self, config: Config) -> None:
        if self.lock is not None:
            self.lock.configure(config.kiosk.pin_hash, config.kiosk.exit_chord)

    # --- the keypad -------------------------------------------------------------------

    def _overlay(self, overlay: str) -> None:
        if overlay == "keypad" and self.keypad is None:
            self.keypad = Keypad(*self.stage.design, self.stage.chrome.palette)
            self.keypad.submitted.connect(self._pin)
            self.keypad.closed.connect(self._close_keypad)
            self.stage.scene().addItem(self.keypad)
            wall = self.clock.wall()
            if self.lock is not None and self.lock.lockout.resting(wall):
                self.keypad.rest(self.lock.lockout.remaining(wall))
        elif overlay != "keypad" and self.keypad is not None:
            self.stage.scene().removeItem(self.keypad)
            self.keypad = None

    def _close_keypad(self) -> None:
        self.show.apply(Command(Action.KEYPAD, 0), "keypad")

    def _pin(self, pin: str) -> None:
        assert self.lock is not None and self.keypad is not None
        wall = self.clock.wall()
        if self.lock.try_pin(pin, wall):
            self.show.apply(Command(Action.EXIT), "keypad")
        elif self.lock.lockout.resting(wall):
            self.keypad.rest(self.lock.lockout.remaining(wall))
        else:
            self.keypad.say(WRONG_PIN)

    def tap(self, point: QPointF) -> bool:
        if self.keypad is None:
            return False
        key = self.keypad.key_at(point)
        if key is not None:
            self.keypad.press(key)
        return True

    def swipe(self, direction: int) -> bool:
        return self.keypad is not None

    def _tick(self) -> None:
        if self.lock is None or self.show.asleep:
            return
        wall = self.clock.wall()
        if self.keypad is not None and self.keypad.resting and not self.lock.lockout.resting(
                wall):
            self.keypad.ready()  # left open through its rest
        if self._held is not None and self.keypad is None:
            point, since = self._held
            if in_corner(point) and self.clock.now() - since >= HOLD_SECONDS:
                self._held = None
                if self.lock.can_open_keypad(wall):
                    self.show.apply(Command(Action.KEYPAD, 1), "corner")

    # --- what the lock refuses --------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is not self.stage:  # the viewport: only watch for the corner held
            found = where(self.stage, event)
            if found is not None:
                self._held = (found[1], self.clock.now()) if found[0] == "down" else None
            return False
        if self.keypad is not None and kind == QEvent.Type.KeyPress and isinstance(
                event, QKeyEvent):
            key = KEYPAD_KEYS.get(key_name(event) or "")
            if key:
                self.keypad.press(key)
            return True
        lock = self.lock
        if lock is None or lock.released:
            return False
        if kind == QEvent.Type.Close:
            event.ignore()
            lock.refuse("close request")
            return True
        if (isinstance(event, QWindowStateChangeEvent)
                and event.oldState() & Qt.WindowState.WindowFullScreen
                and not self.stage.isFullScreen()):  # a locked show stays full screen
            QTimer.singleShot(0, self.stage, self.stage.showFullScreen)
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(lock, event)
        return False

    def _key(self, lock: Lock, event: QKeyEvent) -> bool:
        name, held = key_name(event), modifiers(event)
        if name is None:
            return False
        if lock.chord_matches(name, held):
            lock.release()
            log.warning("operator key chord: leaving the locked show")
            self.show.apply(Command(Action.EXIT), "chord")
            return True
        if held & SHORTCUT_MODIFIERS and self.show.keymap.action(
                name, held) is None:
            lock.refuse(chord_of(name, held))  # (Alt+F4 and the like)
            return True
        return False
