"""The navigator: which slide is on screen and where a command takes the show."""

from __future__ import annotations

import dataclasses
import enum


class Blank(enum.Enum):
    """A blanked screen, as presenters use it: black (B, .) or white (W)."""

    NONE = "none"
    BLACK = "black"
    WHITE = "white"


@dataclasses.dataclass(frozen=True)
class Move:
    """A change of slide, or of step within one: from where, to where, and which way it
    looks."""

    origin: int
    target: int
    direction: int
    """+1 forward, -1 backward: a slide transition moves that way."""
    step: int = 0
    """The step of ``target`` now shown (a gallery's photograph: 0 the first)."""

    @property
    def within(self) -> bool:
        """A step within the slide on screen, not a change of slide."""
        return self.origin == self.target


class Navigator:
    """Slide position of a deck of ``count`` slides (0-based), with optional looping, and
    the step within a slide that has several (``steps``: a gallery's photographs): next
    goes through a slide's steps before the next slide, previous comes back into a slide
    at its last step.

    It never asks the window anything; the window asks it and draws what it says.
    """

    def __init__(self, count: int, *, loop: bool = True, start: int = 0,
                 steps: list[int] | None = None) -> None:
        if count < 1:
            raise ValueError("a deck has at least one slide")
        self.count = count
        self.steps = self._checked(steps, count)
        self.loop = loop
        self.index = min(max(start, 0), count - 1)
        self.step = 0
        self.blank = Blank.NONE
        self.skipped: set[int] = set()
        """Slides that cannot be shown: next, previous, first and last pass them by."""

    @staticmethod
    def _checked(steps: list[int] | None, count: int) -> list[int]:
        if steps is None:
            return [1] * count
        if len(steps) != count or min(steps) < 1:
            raise ValueError("every slide has one step or more")
        return list(steps)

    def _go(self, target: int, direction: int | None = None, step: int = 0) -> Move | None:
        self.blank = Blank.NONE
        if target == self.index:
            return self._to_step(step, direction or -1)
        origin, self.index, self.step = self.index, target, step
        if direction is None:
            direction = 1 if target > origin else -1
        return Move(origin, target, direction, step)

    def _to_step(self, step: int, direction: int) -> Move | None:
        """To step ``step`` of the slide on screen (None when it is there)."""
        if step == self.step:
            return None
        self.step = step
        return Move(self.index, self.index, direction, step)

    def next(self) -> Move | None:
        """One step on, or one slide on; after the last, the first when looping."""
        self.blank = Blank.NONE
        if self.step + 1 < self.steps[self.index]:
            return self._to_step(self.step + 1, +1)
        target = self._showable(self.index + 1, +1)
        if target is not None:
            return self._go(target)
        target = self._showable(0, +1) if self.loop else None
        return self._go(target, +1) if target is not None else self._stay()

    def following(self) -> int | None:
        """The slide ``next`` would go to (None at the end without looping)."""
        target = self._showable(self.index + 1, +1)
        if target is None and self.loop:
            target = self._showable(0, +1)
        return target

    def previous(self) -> Move | None:
        """One step back, or one slide back to its last step; before the first, the last
        when looping."""
        self.blank = Blank.NONE
        if self.step > 0:
            return self._to_step(self.step - 1, -1)
        target = self._showable(self.index - 1, -1)
        if target is None:
            target = self._showable(self.count - 1, -1) if self.loop else None
            if target is None:
                return self._stay()
        return self._go(target, -1, self.steps[target] - 1)

    def rewind(self) -> Move | None:
        """To the first step of the slide on screen (a visitor left a gallery)."""
        return self._to_step(0, -1)

    def first(self) -> Move | None:
        return self._go(self._showable(0, +1) or 0)

    def last(self) -> Move | None:
        target = self._showable(self.count - 1, -1)
        return self._go(self.count - 1 if target is None else target)

    def skip(self, index: int) -> None:
        """Slide ``index`` cannot be shown: moves pass it by (a jump still goes there)."""
        self.skipped.add(index)

    def _showable(self, start: int, step: int) -> int | None:
        """The first slide from ``start`` on, going ``step``, that is not skipped."""
        index = start
        while 0 <= index < self.count:
            if index not in self.skipped:
                return index
            index += step
        return None

    def jump(self, number: int) -> Move | None:
        """Go to slide ``number`` (1-based, as people count); out of range does nothing."""
        if not 1 <= number <= self.count:
            return None
        return self._go(number - 1)

    def set_blank(self, blank: Blank) -> None:
        """Blank the screen so (or unblank it, with ``Blank.NONE``)."""
        self.blank = blank

    def toggle_blank(self, blank: Blank) -> Blank:
        """Blank the screen, or unblank it when it is already so."""
        self.blank = Blank.NONE if self.blank is blank else blank
        return self.blank

    def set_loop(self, loop: bool) -> None:
        """Start over after the last slide (or stop there)."""
        self.loop = loop

    def resize(self, count: int, steps: list[int] | None = None) -> None:
        """A new deck with ``count`` slides: keep the position when it still exists."""
        if count < 1:
            raise ValueError("a deck has at least one slide")
        self.count = count
        self.steps = self._checked(steps, count)
        self.index = min(self.index, count - 1)
        self.step = min(self.step, self.steps[self.index] - 1)
        self.skipped = set()

    def _stay(self) -> Move | None:
        """No move (at an end without looping); the screen unblanks all the same."""
        self.blank = Blank.NONE
        return None
