"""The player: input in, navigator asked, stage told what to show."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPixmap, QTouchEvent, QWindowStateChangeEvent
from PySide6.QtWidgets import QWidget

from kiosk.app.cursor import CursorHider
from kiosk.app.hours import OpeningHours
from kiosk.app.input import key_name, modifiers
from kiosk.app.lock import HOLD_SECONDS, Keypad, Lock, in_corner
from kiosk.app.reload import Reloader, Update
from kiosk.config import Config, Installation, home_language
from kiosk.deck.load import LoadedDeck
from kiosk.play.attract import Attract, Due
from kiosk.play.clock import Clock
from kiosk.play.gestures import Swipe, Tap, classify
from kiosk.play.keys import (
    KEYPAD_KEYS,
    OVERVIEW_KEYS,
    Action,
    Command,
    KeyInterpreter,
    Keymap,
    chord_of,
)
from kiosk.play.navigator import Blank, Move, Navigator
from kiosk.play.sync import clock_position, shift_at
from kiosk.show.overview import Overview
from kiosk.show.stage import Stage
from kiosk.show.thumbnails import Thumbnails
from kiosk.weak import weakly

log = logging.getLogger(__name__)
_MOVES = (Action.NEXT, Action.PREVIOUS, Action.FIRST, Action.LAST, Action.JUMP)
_INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
          QEvent.Type.Wheel)
RESTART_SECTIONS = ("display", "presenter")
"""Config sections that place windows: taken at the next start, not live."""
EDGE_ZONE = 0.14
FIRST_PREBUILD_MS = 300  # share of the stage width at each side where a tap turns the page
FRAME_MS = 16


class Player(QObject):
    """Drives a Stage from keys, clickers, touch and mouse.

    Signals:
        slide_changed(int, str): the slide now shown (0-based) and why: key, touch, ...
        language_changed(str): the language now shown.
        explored(int): a visitor tapped a chart mark on this slide.
        quit_requested(): the user asked to quit (Q), outside kiosk lock.
        exit_requested(): the operator left the locked show (PIN or key chord).
        session_started(), session_ended(): a visitor's first input after the loop; the
            return to the loop after they left.
        config_changed(Config): a new config was taken live (the visitor log follows it).
        window_flags_changed(bool): the kiosk lock was turned on or off live (the window
            stays on top while locked).
    """

    slide_changed = Signal(int, str)
    explored = Signal(int)
    exit_requested = Signal()
    session_started = Signal()
    session_ended = Signal()
    language_changed = Signal(str)
    quit_requested = Signal()
    config_changed = Signal(object)
    window_flags_changed = Signal(bool)

    def __init__(self, loaded: LoadedDeck, config: Config, clock: Clock, *,
                 locked: bool = False, authoring: bool = False,
                 lock_state: Path | None = None,
                 adjust: Callable[[Config], Config] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.config = config
        self.locked = locked
        self._forced_lock = locked and not config.kiosk.lock  # --kiosk: whatever the config
        self._lock_state = lock_state
        self._adjust = adjust
        """What the command line changes in every config (kiosk preview's)."""
        self.stage = Stage(loaded, config, clock, authoring=authoring)
        self.navigator = Navigator(len(loaded.deck.slides), loop=config.kiosk.loop)
        self.keys = KeyInterpreter(Keymap(config.keys))
        self.cursor = CursorHider(self.stage.viewport(), clock, config.display.cursor_hide)
        self._press: tuple[float, float, float] | None = None
        self._next_guess = 1
        self._to_build: list[int] = []
        self.deck = loaded.deck
        self.lock = self._new_lock(config) if locked else None
        self.hours = OpeningHours(config.schedule) if config.schedule else None
        self.reloader: Reloader | None = None
        self.pending: Update | None = None
        self.banner = False
        self.at_once = False
        self.presenting = False
        """A presenter console is attached (Esc opens the overview then)."""
        self.keypad: Keypad | None = None
        self.overview: Overview | None = None
        self.thumbnails = Thumbnails()
        self._thumbnailer = QTimer(self)
        self._thumbnailer.setInterval(0)
        self._thumbnailer.timeout.connect(self._make_thumbnail)
        self.attract = Attract(loop=config.kiosk.loop, idle_timeout=config.kiosk.idle_timeout,
                               now=clock.now())
        self.attract.slide_shown(clock.now(), self.deck.slide_duration(self.deck.slides[0]))

        self.frame_timer = QTimer(self)
        self.frame_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.frame_timer.setInterval(FRAME_MS)
        self.frame_timer.timeout.connect(self.stage.tick)
        self.stage.animating_changed.connect(self._animating)
        self.stage.slide_failed.connect(self._slide_failed)
        if self.stage.animating:  # the first slide moves from the start: it was shown
            self.frame_timer.start()  # before anyone listened
        self.housekeeping = QTimer(self)
        self.housekeeping.setInterval(250)
        self.housekeeping.timeout.connect(self.poll)
        self.housekeeping.start()

        viewport = self.stage.viewport()
        viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        viewport.setMouseTracking(True)
        self.stage.installEventFilter(self)
        viewport.installEventFilter(self)
        # The neighbours are built once the window is up, at its scale: not on the way to
        # the first frame (a zero timer would run before the first paint).
        QTimer.singleShot(FIRST_PREBUILD_MS, self, self._prebuild)

    # --- what happens -------------------------------------------------------------------

    def command(self, command: Command, cause: str) -> None:
        """Carry out a command that came from ``cause`` (key, touch, button...)."""
        nav = self.navigator
        action = command.action
        update = self._adopt_pending() if self.pending is not None and action in _MOVES else None
        if update is not None and update.other_deck:
            command = Command(Action.JUMP, 1)  # another show: from its first slide
        old = nav.index
        move = self._move(command)
        if update is None:  # (a new deck's slides are built when it is shown)
            move = self._past_failed(move)
        if action in (Action.BLACK, Action.WHITE):
            nav.toggle_blank(Blank.BLACK if action is Action.BLACK else Blank.WHITE)
        elif action is Action.LANGUAGE:
            self.toggle_language()
        elif action is Action.OVERVIEW:
            self.toggle_overview()
        elif action is Action.LEAVE_FULL_SCREEN:
            if self.presenting:  # a presenter's Esc opens the overview, as in PowerPoint
                self.toggle_overview()
            else:
                self._leave_full_screen()
        elif action is Action.QUIT:
            if self.locked:
                log.info("quit refused: the kiosk is locked")
            else:
                self.quit_requested.emit()
        self.stage.set_blank(nav.blank)
        if update is not None:  # new content comes in with this slide change
            self.stage.replace_deck(update.loaded, nav.index, update.config,
                                    direction=1 if nav.index >= old else -1)
            move = move or Move(old, nav.index, 1)
            log.info("new content on screen: slide %d of %d", nav.index + 1,
                     len(self.deck.slides))
        elif move is not None:
            self.stage.show_slide(move.target, direction=move.direction)
        if move is not None:
            self._shown(move.target)
            self.slide_changed.emit(move.target, cause)
            self._next_guess = move.target + move.direction

    def _past_failed(self, move: Move | None) -> Move | None:
        """The move, carried on past slides that cannot be shown (building the target
        tells), the way it goes; an author's window stops on them to show why."""
        nav = self.navigator
        while (move is not None and not self.stage.authoring
               and self.stage.view_for(move.target).fault is not None):
            nav.skip(move.target)
            onward = nav.next() if move.direction > 0 else nav.previous()
            move = Move(move.origin, onward.target, move.direction) if onward else None
        return move

    def _move(self, command: Command) -> Move | None:
        """Where a navigation command takes the navigator (None for other commands)."""
        nav = self.navigator
        moves = {Action.NEXT: nav.next, Action.PREVIOUS: nav.previous,
                 Action.FIRST: nav.first, Action.LAST: nav.last}
        if command.action in moves:
            return moves[command.action]()
        if command.action is Action.JUMP and command.number is not None:
            return nav.jump(command.number)
        return None

    def watch_content(self, installation: Installation, deck_path: Path, *,
                      banner: bool, at_once: bool = False) -> None:
        """Take new content as it arrives: checked, then at the next slide change, or
        ``at_once`` on the same slide (authoring preview, which also looks every 0.3 s)."""
        timing = {"interval": 0.3, "settle": 0.3} if at_once else {}
        self.reloader = Reloader(installation, deck_path, now=self.clock.now(),
                                 refs=self.stage.loaded.assets, **timing)
        self.banner = banner
        self.at_once = at_once

    def poll(self) -> None:
        """What happens by itself: the attract loop, the idle return, the cursor, new
        content, and the operator's corner being held."""
        self.cursor.check()
        now = self.clock.now()
        if self.reloader is not None:
            update = self.reloader.poll(now)
            if update is not None:
                self.pending = update
                asleep = self.hours is not None and self.hours.asleep
                if update.other_deck and not self.attract.visitor and not asleep:
                    self.command(Command(Action.JUMP, 1), "reload")  # a new show: from 1
                elif self.at_once:
                    self.command(Command(Action.JUMP, self.navigator.index + 1), "reload")
            if self.banner:
                self.stage.set_banner(self.reloader.last_error)
        wall = self.clock.wall()
        self._shift(wall)
        if self.hours is not None:
            update = self.hours.day_deck(wall, self.reloader)
            if update is not None:  # the day's deck, at once and from its first slide
                self.pending = update
                if not self.attract.visitor and not self.hours.asleep:
                    self.command(Command(Action.JUMP, 1), "schedule")
            self.hours.step(self, wall)
            if self.hours.asleep:
                if self.pending is not None and self.hours.config.outside != "black":
                    self.sleep(self.hours.config.outside)  # new content, closed as it is
                return
        if self.config.kiosk.sync == "clock" and not self.attract.visitor:
            self._follow_clock(wall)
            return
        if (self.keypad is not None and self.keypad.resting and self.lock is not None
                and not self.lock.lockout.resting(wall)):
            self.keypad.ready()  # left open through its rest
        if self.lock is not None and self._press is not None and self.keypad is None:
            x, y, t0 = self._press
            if in_corner(QPointF(x, y)) and now - t0 >= HOLD_SECONDS:
                self._press = None
                if self.lock.can_open_keypad(self.clock.wall()):
                    keypad = self._open_keypad()
                    if self.lock.lockout.resting(self.clock.wall()):
                        keypad.rest(self.lock.lockout.remaining(self.clock.wall()))
        due = self.attract.due(self.clock.now())
        if due is Due.NEXT:
            self.command(Command(Action.NEXT), "loop")
        elif due is Due.HOME:
            self.session_ended.emit()
            self.go_home()

    def _shift(self, wall: float) -> None:
        """Burn-in protection: a slow walk of the picture around a small circle."""
        display = self.config.display
        if display.shift > 0:
            self.stage.set_shift(*shift_at(wall, display.shift, display.shift_every))

    def _follow_clock(self, wall: float) -> None:
        """Sync mode: the slide the wall clock says, the same on every kiosk."""
        durations = [self.deck.slide_duration(slide) for slide in self.deck.slides]
        index = clock_position(durations, wall)
        if index != self.navigator.index:
            self.command(Command(Action.JUMP, index + 1), "sync")

    def sleep(self, outside: str | int) -> None:
        """Closed: black, or the slide shown outside the opening hours (of the day's
        deck: one waiting to come in is taken now)."""
        count = len((self.pending.loaded if self.pending else self.stage.loaded).deck.slides)
        if outside == "black" or int(outside) > count:
            self.navigator.blank = Blank.BLACK
            self.stage.set_blank(Blank.BLACK)
        else:
            self.command(Command(Action.JUMP, int(outside)), "closed")

    def wake(self, *, go_home: bool) -> None:
        """Open again (or a visitor woke the show)."""
        self.navigator.blank = Blank.NONE
        self.stage.set_blank(Blank.NONE)
        if go_home:
            self.go_home()

    def go_home(self) -> None:
        """Back to the home slide in the default language, and loop from there (a keypad
        left open by whoever walked away closes)."""
        self._close_keypad()
        default = home_language(self.config, self.deck)
        if self.stage.language != default:
            self.stage.set_language(default)
            self.language_changed.emit(default)
        home = min(self.config.kiosk.home, len(self.deck.slides))
        if self.navigator.index == home - 1:
            self.navigator.blank = Blank.NONE
            self.stage.set_blank(Blank.NONE)
            self._shown(home - 1)
        else:
            self.command(Command(Action.JUMP, home), "idle")

    def _adopt_pending(self) -> Update:
        """Take the pending update's deck and config; the caller shows it.

        Every section of a new config applies at once, but ``display`` and
        ``presenter``, which place windows: the log says they wait for a restart.
        """
        assert self.pending is not None
        update, self.pending = self.pending, None
        self.thumbnails.clear()
        self.deck = update.loaded.deck
        old, new = self.config, update.config
        if self._adjust is not None:
            new = self._adjust(new)
        waiting = [name for name in RESTART_SECTIONS if getattr(old, name) != getattr(new, name)]
        if waiting:
            log.warning("config: %s changed; it places the show's windows, so it applies "
                        "when the show starts again", " and ".join(waiting))
        self.config = new.model_copy(update={name: getattr(old, name)
                                             for name in RESTART_SECTIONS})
        self.navigator.resize(len(self.deck.slides))
        self.navigator.loop = self.config.kiosk.loop
        self.keys.keymap = Keymap(self.config.keys)
        self.attract.loop = self.config.kiosk.loop
        self.attract.idle_timeout = self.config.kiosk.idle_timeout
        self._apply_lock()
        if new.schedule != old.schedule:
            self._apply_schedule()
        if new != old:
            self.config_changed.emit(self.config)
        return update

    def _new_lock(self, config: Config) -> Lock:
        return Lock(config.kiosk.pin_hash, config.kiosk.exit_chord, self._lock_state)

    def _apply_lock(self) -> None:
        """The kiosk lock as the config (or --kiosk) now says."""
        locked = self._forced_lock or self.config.kiosk.lock
        if locked and self.lock is None:
            self.lock = self._new_lock(self.config)
            log.info("kiosk lock on: close requests are refused")
        elif not locked and self.lock is not None:
            self.lock = None
            log.info("kiosk lock off")
        if self.lock is not None:
            self.lock.pin_hash = self.config.kiosk.pin_hash
            self.lock.exit_chord = self.config.kiosk.exit_chord
        if locked != self.locked:
            self.locked = locked
            self.window_flags_changed.emit(locked)

    def _apply_schedule(self) -> None:
        """New opening hours: the old hooks end, the new hours decide at the next poll."""
        if self.hours is not None:
            self.hours.close()
            if self.hours.asleep:
                self.wake(go_home=False)
        self.hours = OpeningHours(self.config.schedule) if self.config.schedule else None
        log.info("opening hours %s", "updated" if self.hours else "removed: always open")

    def close(self) -> None:
        """The show ends: end the display hooks still running."""
        if self.hours is not None:
            self.hours.close()

    def _shown(self, index: int) -> None:
        self.attract.slide_shown(self.clock.now(), self.deck.slide_duration(
            self.deck.slides[index]))

    def toggle_overview(self) -> None:
        """Open the grid of the slides (or close it): the pictures of its page are made
        one per turn of the event loop, so input never waits for them."""
        if self.overview is not None:
            self.stage.scene().removeItem(self.overview)
            self.overview = None
            self._thumbnailer.stop()
            return
        count = len(self.deck.slides)
        menu = [n - 1 for n in self.config.show.menu if 1 <= n <= count]
        self.overview = Overview(*self.stage.design, menu or list(range(count)),
                                 self.navigator.index, self.stage.chrome.palette,
                                 weakly(self._thumbnail))
        self.stage.scene().addItem(self.overview)
        self._thumbnailer.start()

    def _thumbnail(self, slide: int) -> QPixmap | None:
        return self.thumbnails.get((self.stage.language, slide))

    def _make_thumbnail(self) -> None:
        """Make one missing picture of the overview's page (a timer calls this)."""
        overview, language = self.overview, self.stage.language
        missing = [slide for slide in overview.visible
                   if self.thumbnails.get((language, slide)) is None] if overview else []
        if not missing:
            self._thumbnailer.stop()
            return
        from kiosk.show.render import render_slide

        size = (round(self.stage.design[0] / 5), round(self.stage.design[1] / 5))
        image, view = render_slide(self.stage.loaded, self.config, missing[0], size, language)
        view.dispose()
        self.thumbnails.put((language, missing[0]), QPixmap.fromImage(image))
        assert overview is not None
        overview.update()

    def _overview_key(self, name: str) -> None:
        assert self.overview is not None
        what = OVERVIEW_KEYS.get(name)
        moves = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}
        if what in moves:
            self.overview.move(*moves[what])
            self._thumbnailer.start()
        elif what in ("page-on", "page-back"):
            self.overview.turn(1 if what == "page-on" else -1)
            self._thumbnailer.start()
        elif what == "choose":
            chosen = self.overview.chosen
            self.toggle_overview()
            self.command(Command(Action.JUMP, chosen + 1), "overview")
        elif what == "close":
            self.toggle_overview()

    def toggle_language(self) -> None:
        """Switch to the next offered language."""
        languages = self.stage.languages
        if len(languages) < 2:
            return
        current = languages.index(self.stage.language) if self.stage.language in languages else 0
        self.stage.set_language(languages[(current + 1) % len(languages)])
        self.language_changed.emit(self.stage.language)

    def _open_keypad(self) -> Keypad:
        width, height = self.stage.design
        self.keypad = Keypad(width, height, self.stage.chrome.palette)
        self.keypad.submitted.connect(self._pin_entered)
        self.keypad.closed.connect(self._close_keypad)
        self.stage.scene().addItem(self.keypad)
        return self.keypad

    def _close_keypad(self) -> None:
        if self.keypad is not None:
            self.stage.scene().removeItem(self.keypad)
            self.keypad = None

    def _pin_entered(self, pin: str) -> None:
        assert self.lock is not None and self.keypad is not None
        wall = self.clock.wall()
        if self.lock.try_pin(pin, wall):
            self._close_keypad()
            self.exit_requested.emit()
        elif self.lock.lockout.resting(wall):
            self.keypad.rest(self.lock.lockout.remaining(wall))
        else:
            self.keypad.message = "PIN 错误 · Wrong PIN"
            self.keypad.update()

    def _leave_full_screen(self) -> None:
        if self.locked:
            log.info("leaving full screen refused: the kiosk is locked")
            return
        window = self.stage.window()
        if window.isFullScreen():
            window.showNormal()

    @property
    def asleep(self) -> bool:
        return self.hours is not None and self.hours.asleep

    def _animating(self, animating: bool) -> None:
        if animating:
            self.frame_timer.start()
        else:
            self.frame_timer.stop()
            # Idle again: build the slide most likely next, so its entry has no hitch.
            QTimer.singleShot(0, self, self._prebuild)

    def _slide_failed(self, index: int) -> None:
        """A slide cannot be shown: moves pass it by, and on a kiosk's screen the show
        leaves it at once (an author's window keeps it up, with the reason on it)."""
        self.navigator.skip(index)
        if index == self.navigator.index and not self.stage.authoring:
            QTimer.singleShot(0, self, lambda: self._leave_failed(index))

    def _leave_failed(self, index: int) -> None:
        if self.navigator.index == index:
            self.command(Command(Action.NEXT), "fault")

    def _prebuild(self) -> None:
        """Get the slides most likely next ready while nothing moves, one step per turn of
        the event loop, so that a key pressed meanwhile waits for one step at most."""
        if self.stage.animating:
            return
        index, count = self.stage.index, len(self.deck.slides)
        self._to_build = list(dict.fromkeys(
            [self._next_guess % count, (index + 1) % count, (index - 1) % count]))
        self._build_one()

    def _build_one(self) -> None:
        if self.stage.animating or not self._to_build:
            return
        if not self.stage.prebuild(self._to_build[0]):
            self._to_build.pop(0)
        if self._to_build:
            QTimer.singleShot(0, self, self._build_one)

    # --- input --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT:
            if not self.attract.visitor:
                self.session_started.emit()
            self.attract.touched(self.clock.now())
        if self.lock is not None and watched is self.stage:
            if kind == QEvent.Type.Close and not self.lock.released:
                event.ignore()
                self.lock.refuse("close request")
                return True
            if (isinstance(event, QWindowStateChangeEvent) and not self.lock.released
                    and event.oldState() & Qt.WindowState.WindowFullScreen
                    and not self.stage.isFullScreen()):  # a locked show stays full screen
                QTimer.singleShot(0, self.stage, self.stage.showFullScreen)
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        if kind == QEvent.Type.MouseMove:
            self.cursor.moved()
            return False
        if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
            if kind == QEvent.Type.MouseButtonPress:
                self._pressed(event.position())
                return True
            if kind == QEvent.Type.MouseButtonRelease:
                self._released(event.position())
                return True
        if isinstance(event, QTouchEvent):
            return self._touch(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        name = key_name(event)
        if name is None:
            return False
        held = modifiers(event)
        if self.overview is not None and self.keypad is None:
            self._overview_key(name)
            return True
        if self.keypad is not None:
            key = KEYPAD_KEYS.get(name)
            if key:
                self.keypad.press(key)
            return True
        if self.lock is not None:
            if self.lock.chord_matches(name, held):
                self.lock.released = True
                log.warning("operator key chord: leaving the locked show")
                self.exit_requested.emit()
                return True
            if held & {"Ctrl", "Alt", "Meta"} and self.keys.keymap.action(name, held) is None:
                self.lock.refuse(chord_of(name, held))  # (Alt+F4 and the like)
                return True
        command = self.keys.press(name, self.clock.now(), modifiers=held)
        if command is not None:
            self.command(command, "key")
        return True

    def _touch(self, event: QTouchEvent) -> bool:
        points = event.points()
        if not points:
            return True
        viewport = self.stage.viewport()
        position = viewport.mapFromGlobal(points[0].globalPosition())
        if event.type() == QEvent.Type.TouchBegin:
            self._pressed(position)
        elif event.type() == QEvent.Type.TouchEnd:
            self._released(position)
        event.accept()
        return True

    def _scene_point(self, position: QPointF) -> QPointF:
        return self.stage.mapToScene(position.toPoint())

    def _pressed(self, position: QPointF) -> None:
        point = self._scene_point(position)
        self._press = (point.x(), point.y(), self.clock.now())

    def _released(self, position: QPointF) -> None:
        if self._press is None:
            return
        x0, y0, t0 = self._press
        self._press = None
        point = self._scene_point(position)
        gesture = classify(x0, y0, t0, point.x(), point.y(), self.clock.now())
        if isinstance(gesture, Swipe) and self.overview is not None:
            self.overview.turn(gesture.direction)  # a page of the grid
            self._thumbnailer.start()
        elif isinstance(gesture, Swipe):
            action = Action.NEXT if gesture.direction > 0 else Action.PREVIOUS
            self.command(Command(action), "swipe")
        elif isinstance(gesture, Tap):
            self._tap(QPointF(gesture.x, gesture.y))

    def _tap(self, point: QPointF) -> None:
        if self.keypad is not None:
            key = self.keypad.key_at(point)
            if key is not None:
                self.keypad.press(key)
            return
        if self.overview is not None:
            chosen = self.overview.at(point)
            self.toggle_overview()
            if chosen is not None:
                self.command(Command(Action.JUMP, chosen + 1), "overview")
            return
        control = self.stage.chrome.hit(point)
        if control == "overview":
            self.toggle_overview()
        elif control == "next":
            self.command(Command(Action.NEXT), "touch")
        elif control == "previous":
            self.command(Command(Action.PREVIOUS), "touch")
        elif control == "home":
            self.command(Command(Action.FIRST), "touch")
        elif control == "language":
            self.toggle_language()
        elif self.stage.current is not None and self.stage.current.explore(point):
            self.explored.emit(self.stage.index)
        elif point.x() >= self.stage.design[0] * (1 - EDGE_ZONE):
            self.command(Command(Action.NEXT), "touch")
        elif point.x() <= self.stage.design[0] * EDGE_ZONE:
            self.command(Command(Action.PREVIOUS), "touch")

    @property
    def widget(self) -> QWidget:
        """The widget to show: the stage."""
        return self.stage
