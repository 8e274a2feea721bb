"""The show's state, and the one place that changes it.

Every source of change (keys, touch, buttons, the overview, the keypad, the idle and loop
timers, opening hours, clock sync, new content, the presenter) turns its event into a
``Command`` and hands it to ``Show.apply``. The stage is told what to show from here;
the other views follow the signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, Signal

from kiosk.app.reload import Update
from kiosk.config import Config, home_language, offered_languages
from kiosk.deck.model import Deck
from kiosk.play.attract import Attract
from kiosk.play.clock import Clock
from kiosk.play.commands import MOVES, Action, Command
from kiosk.play.keys import Keymap
from kiosk.play.navigator import Blank, Move, Navigator
from kiosk.show.stage import Stage

log = logging.getLogger(__name__)
RESTART_SECTIONS = ("display", "presenter")
"""Config sections that place windows: taken at the next start, not live."""
AT_ONCE = ("kiosk", "keys", "schedule", "record")
"""Config sections that draw nothing: taken the moment a new config is checked."""


class Show(QObject):
    """Where the show is (slide, language, blank, what is open, asleep, new content
    waiting) and how a command changes it.

    Signals:
        slide_changed(int, str): the slide now shown (0-based) and why: key, touch, ...
        step_changed(int, int, str): a step within the slide shown (a gallery's next
            photograph): the slide, the step (0-based) and why.
        language_changed(str): the language now shown.
        overlay_changed(str): "overview", "keypad" or "" (none) is now open.
        content_changed(): a new deck or config is on screen.
        config_changed(Config): a new config was taken live.
        locked_changed(bool): the kiosk lock was turned on or off live.
        explored(int): a visitor tapped a chart mark on this slide.
        session_started(), session_ended(): a visitor's first input after the loop; the
            return to the loop after they left.
        quit_requested(): Q, outside the kiosk lock.
        exit_requested(): the operator left the locked show.
        full_screen_left(): Esc, outside the kiosk lock and without a console.
    """

    slide_changed = Signal(int, str)
    step_changed = Signal(int, int, str)
    language_changed = Signal(str)
    overlay_changed = Signal(str)
    content_changed = Signal()
    config_changed = Signal(object)
    locked_changed = Signal(bool)
    explored = Signal(int)
    session_started = Signal()
    session_ended = Signal()
    quit_requested = Signal()
    exit_requested = Signal()
    full_screen_left = Signal()

    def __init__(self, stage: Stage, config: Config, clock: Clock, *, locked: bool = False,
                 adjust: Callable[[Config], Config] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stage, self.clock, self.config = stage, clock, config
        self.loaded = stage.loaded
        self.navigator = Navigator(len(self.deck.slides), loop=config.kiosk.loop,
                                   steps=self._steps())
        self.attract = Attract(loop=config.kiosk.loop, idle_timeout=config.kiosk.idle_timeout,
                               now=clock.now())
        self._forced_lock = locked and not config.kiosk.lock  # --kiosk: whatever the config
        self.locked = locked
        self._adjust = adjust
        """What the command line changes in every config (kiosk preview's)."""
        self.keymap = Keymap(config.keys)
        """What each key does, as the config says (read by the keyboard and the lock)."""
        self.language = stage.language
        self.overlay = ""
        self.asleep = False
        self.presenting = False
        """A presenter console is attached (Esc opens the overview then)."""
        self.pending: Update | None = None
        self.next_guess = 1
        """The slide most likely shown next (the way the last move went)."""
        self._shown(0)
        stage.slide_failed.connect(self._slide_failed)

    @property
    def deck(self) -> Deck:
        return self.loaded.deck

    def _steps(self) -> list[int]:
        return [self.deck.slide_steps(slide) for slide in self.deck.slides]

    @property
    def index(self) -> int:
        return self.navigator.index

    @property
    def languages(self) -> list[str]:
        return offered_languages(self.config, self.deck)

    def attach_console(self) -> None:
        """A presenter console now drives the show too."""
        self.presenting = True

    # --- the one place ----------------------------------------------------------------

    def apply(self, command: Command, cause: str) -> None:
        """Carry out ``command``, which came from ``cause`` (key, touch, loop...)."""
        action = command.action
        if action in MOVES:
            self._move(command, cause)
        elif action is Action.CONTENT:
            self._offer(command.payload)
        elif action in (Action.BLACK, Action.WHITE):
            self.navigator.toggle_blank(Blank.BLACK if action is Action.BLACK else Blank.WHITE)
            self.stage.set_blank(self.navigator.blank)
        elif action is Action.LANGUAGE:
            self._language(command.text)
        elif action is Action.OVERVIEW:
            self._open("" if self.overlay == "overview" else "overview")
        elif action is Action.KEYPAD:
            self._open("keypad" if command.number else "")
        elif action is Action.LEAVE_FULL_SCREEN:
            if self.presenting:  # a presenter's Esc opens the overview, as in PowerPoint
                self._open("" if self.overlay == "overview" else "overview")
            elif self.locked:
                log.info("leaving full screen refused: the kiosk is locked")
            else:
                self.full_screen_left.emit()
        elif action is Action.QUIT:
            if self.locked:
                log.info("quit refused: the kiosk is locked")
            else:
                self.quit_requested.emit()
        elif action is Action.EXIT:
            self._open("")
            self.exit_requested.emit()
        elif action is Action.HOME:
            self._home(cause)
        elif action is Action.SLEEP:
            self._sleep(command.number, cause)
        elif action is Action.WAKE:
            self._wake(home=bool(command.number), cause=cause)
        elif action is Action.ZOOM:
            self.stage.zoom(command.payload)

    def explore(self, point: QPointF) -> bool:
        """A tap at ``point`` on the slide: True when a chart mark took it (and said
        its value)."""
        if not self.stage.explore(point):
            return False
        self.explored.emit(self.index)
        return True

    def touched(self) -> None:
        """Someone did something: the loop waits (and a visit starts)."""
        if not self.attract.visitor:
            self.session_started.emit()
        self.attract.touched(self.clock.now())

    def left(self) -> None:
        """The visitor has gone (no input for the idle time)."""
        self.session_ended.emit()

    # --- moves ------------------------------------------------------------------------

    def _move(self, command: Command, cause: str) -> None:
        update = self._adopt() if self.pending is not None else None
        if update is not None and update.other_deck:
            command = Command(Action.JUMP, 1)  # another show: from its first slide
        old = self.navigator.index
        move = self._target(command)
        if update is None:  # (a new deck's slides are built when it is shown)
            move = self._past_failed(move)
        self.stage.set_blank(self.navigator.blank)
        if update is not None:  # new content comes in with this slide change
            index = self.navigator.index
            self.stage.replace_deck(update.loaded, index, self.config, self.language,
                                    direction=1 if index >= old else -1)
            move = move or Move(old, index, 1)
            log.info("new content on screen: slide %d of %d", index + 1, len(self.deck.slides))
            self.content_changed.emit()
        elif move is not None and move.within:
            self.stage.show_step(move.step, direction=move.direction)
        elif move is not None:
            self.stage.show_slide(move.target, direction=move.direction, step=move.step)
        if move is not None:
            self._shown(move.target)
            if move.within:
                self.step_changed.emit(move.target, move.step, cause)
                return
            self.next_guess = move.target + move.direction
            self.slide_changed.emit(move.target, cause)

    def _target(self, command: Command) -> Move | None:
        nav = self.navigator
        moves = {Action.NEXT: nav.next, Action.PREVIOUS: nav.previous,
                 Action.FIRST: nav.first, Action.LAST: nav.last}
        if command.action in moves:
            return moves[command.action]()
        return nav.jump(command.number) if command.number is not None else None

    def _past_failed(self, move: Move | None) -> Move | None:
        """The move, carried on past slides that cannot be shown (building the target
        tells), the way it goes; an author's window stops on them to show why."""
        nav = self.navigator
        while move is not None and not self.stage.authoring and not self.stage.can_show(
                move.target):
            nav.skip(move.target)
            onward = nav.next() if move.direction > 0 else nav.previous()
            move = Move(move.origin, onward.target, move.direction) if onward else None
        return move

    def _shown(self, index: int) -> None:
        self.attract.slide_shown(self.clock.now(),
                                 self.deck.slide_duration(self.deck.slides[index]))

    def _slide_failed(self, index: int) -> None:
        """A slide cannot be shown: moves pass it by; a kiosk's screen leaves it (an
        author's window keeps it up, with the reason on it)."""
        self.navigator.skip(index)

    def leave_failed(self, index: int) -> None:
        """Slide ``index`` turned out not to draw while on screen: move on from it."""
        if self.navigator.index == index and not self.stage.authoring:
            self.apply(Command(Action.NEXT), "fault")

    # --- new content ------------------------------------------------------------------

    def _offer(self, update: Update) -> None:
        """New content: what of its config draws nothing (the kiosk policy and lock, the
        keys, opening hours, the visitor log) applies now; the deck, theme, languages and
        show options come with the next slide change."""
        self.pending = update
        now = self._usable(update.config)
        self._take(self.config.model_copy(update={name: getattr(now, name)
                                                  for name in AT_ONCE}), warn=False)

    def _usable(self, config: Config) -> Config:
        """``config`` as this show takes it: adjusted (kiosk preview's), and with the
        sections that place windows as the show started."""
        new = self._adjust(config) if self._adjust is not None else config
        return new.model_copy(update={name: getattr(self.config, name)
                                      for name in RESTART_SECTIONS})

    def _adopt(self) -> Update:
        """Take the pending update's deck and the rest of its config (the caller shows
        it); ``display`` and ``presenter``, which place windows, wait for a restart (the
        log says so)."""
        assert self.pending is not None
        update, self.pending = self.pending, None
        self.loaded = update.loaded
        self.navigator.resize(len(self.deck.slides), self._steps())
        self._take(update.config, warn=True)
        if self.language not in self.languages:
            self.language = home_language(self.config, self.deck)
        return update

    def _take(self, given: Config, *, warn: bool) -> None:
        old, new = self.config, self._usable(given)
        waiting = [name for name in RESTART_SECTIONS if getattr(given, name) != getattr(
            old, name)]
        if waiting and warn:
            log.warning("config: %s changed; it places the show's windows, so it applies "
                        "when the show starts again", " and ".join(waiting))
        self.config = new
        if new.keys != old.keys:
            self.keymap = Keymap(new.keys)
        kiosk = new.kiosk
        self.navigator.set_loop(kiosk.loop)
        self.attract.configure(loop=kiosk.loop, idle_timeout=kiosk.idle_timeout)
        locked = self._forced_lock or kiosk.lock
        if locked != self.locked:
            self.locked = locked
            log.info("kiosk lock %s", "on: close requests are refused" if locked else "off")
            self.locked_changed.emit(locked)
        if new != old:
            self.config_changed.emit(new)

    # --- language, overlays, sleep ----------------------------------------------------

    def _language(self, wanted: str | None) -> None:
        languages = self.languages
        if wanted is None:
            if len(languages) < 2:
                return
            at = languages.index(self.language) if self.language in languages else 0
            wanted = languages[(at + 1) % len(languages)]
        if wanted == self.language or wanted not in languages:
            return
        self.language = wanted
        self.stage.set_language(wanted)
        self.language_changed.emit(wanted)

    def _open(self, overlay: str) -> None:
        if overlay != self.overlay:
            self.overlay = overlay
            self.overlay_changed.emit(overlay)

    def _home(self, cause: str) -> None:
        """Back to the home slide in the default language, and loop from there (asleep:
        the closed-hours picture stays)."""
        self._open("")
        self._language(home_language(self.config, self.deck))
        if self.asleep:
            return
        home = min(self.config.kiosk.home, len(self.deck.slides))
        if self.navigator.index == home - 1:
            self.navigator.set_blank(Blank.NONE)
            self.stage.set_blank(Blank.NONE)
            if self.navigator.rewind() is not None or self.stage.zoomed:
                self.stage.show_step(0, direction=-1)  # (a gallery: its first photo, whole)
            self._shown(home - 1)
        else:
            self.apply(Command(Action.JUMP, home), cause)

    def _sleep(self, slide: int | None, cause: str) -> None:
        """Closed: black, or the slide shown outside the opening hours (of the day's
        deck: one waiting to come in is taken now)."""
        self.asleep = True
        count = len((self.pending.loaded if self.pending else self.loaded).deck.slides)
        if slide is None or slide > count:
            self.navigator.set_blank(Blank.BLACK)
            self.stage.set_blank(Blank.BLACK)
        else:
            self.apply(Command(Action.JUMP, slide), cause)

    def _wake(self, *, home: bool, cause: str) -> None:
        self.asleep = False
        self.navigator.set_blank(Blank.NONE)
        self.stage.set_blank(Blank.NONE)
        if home:
            self._home(cause)
