"""Sound: the audio guide of the slide on screen, in the visitor's language.

One output for the whole show: a new guide replaces the one playing, leaving a slide
stops it. miniaudio decodes and plays (its own decoders, its own thread); a machine
without a sound device shows the captions and says once in the log that it is silent.
Tests give the show an output of their own (``use``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)


class Output(Protocol):
    """Where audio guides are played."""

    def play(self, path: Path, volume: float) -> None: ...

    def stop(self) -> None: ...


class DeviceOutput:
    """The machine's default sound device, opened with the first guide."""

    def __init__(self) -> None:
        self._device: Any = None
        self._failed = False

    def play(self, path: Path, volume: float) -> None:
        import miniaudio

        self.stop()
        if self._failed:
            return
        try:
            if self._device is None:
                self._device = miniaudio.PlaybackDevice(
                    output_format=miniaudio.SampleFormat.SIGNED16, nchannels=2,
                    sample_rate=44100)
            stream = miniaudio.stream_file(str(path), output_format=miniaudio.SampleFormat
                                           .SIGNED16, nchannels=2, sample_rate=44100)
            louder = _louder(stream, volume)
            next(louder)  # (primed, as miniaudio's own streams are)
            self._device.start(louder)
        except Exception as error:  # no device (a machine without sound), a bad file
            self._failed = self._device is None
            log.warning("audio %s cannot be played (%s)%s", path, error,
                        ": the show is silent, captions are shown" if self._failed else "")

    def stop(self) -> None:
        if self._device is not None:
            self._device.stop()


def _louder(stream: Any, volume: float) -> Any:
    """The stream's samples at ``volume`` (miniaudio asks for them as it plays)."""
    import array

    frames = yield b""  # (miniaudio primes a generator with its first send)
    while True:
        try:
            chunk = stream.send(frames)
        except StopIteration:
            return
        if volume < 0.999:
            samples = array.array("h", chunk)
            chunk = array.array("h", (int(s * volume) for s in samples))
        frames = yield chunk


_output: Output | None = None


def output() -> Output:
    """The show's sound output."""
    global _output
    if _output is None:
        _output = DeviceOutput()
    return _output


def use(replacement: Output | None) -> None:
    """Play through ``replacement`` (a test's), or the device again (None)."""
    global _output
    _output = replacement
