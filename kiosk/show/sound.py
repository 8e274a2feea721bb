"""Sound: the audio guide of the slide on screen, in the visitor's language.

One output for the whole show: a new guide replaces the one playing, leaving a slide
stops it. miniaudio decodes and plays (its own decoders, its own thread); a machine
without a sound device shows the captions and says once in the log that it is silent.
Tests give the show an output of their own (``use``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)


class Output(Protocol):
    """Where audio guides, and a video's sound track, are played."""

    def play(self, path: Path, volume: float, start: float = 0.0) -> None:
        """Play ``path`` (an audio file, or a video's sound) from ``start`` seconds in,
        a video's sound round again as the video loops."""
        ...

    def stop(self) -> None: ...


class DeviceOutput:
    """The machine's default sound device, opened with the first guide."""

    def __init__(self) -> None:
        self._device: Any = None
        self._failed = False

    def play(self, path: Path, volume: float, start: float = 0.0) -> None:
        import miniaudio

        from kiosk.deck.videos import SUFFIXES

        self.stop()
        if self._failed:
            return
        try:
            if self._device is None:
                self._device = miniaudio.PlaybackDevice(
                    output_format=miniaudio.SampleFormat.SIGNED16, nchannels=2,
                    sample_rate=RATE)
            if path.suffix.lower() in SUFFIXES:  # a video's sound track: FFmpeg's
                stream = sound_track(path, start)
                next(stream)
            else:
                stream = miniaudio.stream_file(
                    str(path), output_format=miniaudio.SampleFormat.SIGNED16, nchannels=2,
                    sample_rate=RATE, seek_frame=round(start * RATE))
            louder = _louder(stream, volume)
            next(louder)  # (primed, as miniaudio's own streams are)
            self._device.start(louder)
        except Exception as error:  # no device (a machine without sound), a bad file
            self._failed = self._device is None
            reason = " ".join(str(part) for part in error.args[:1]) or str(error)
            if self._failed:
                log.warning("no sound device here (%s): the show is silent, captions are "
                            "shown", reason)
            else:
                log.warning("audio %s cannot be played (%s)", path, reason)

    @property
    def silent(self) -> bool:
        """Whether there is no sound device here (found with the first sound played)."""
        return self._failed

    def stop(self) -> None:
        if self._device is not None:
            self._device.stop()


RATE = 44100
"""Samples a second of what the device plays (16-bit stereo)."""


def sound_track(path: Path, start: float) -> Any:
    """A video's sound as 16-bit stereo at RATE, from ``start`` seconds in and round
    again from the beginning at its end (as the video loops): a generator that is sent
    how many frames miniaudio wants and yields them (it is primed with ``next``)."""
    source = _decoded(path, start)
    buffer = bytearray()
    frames = yield b""
    while True:
        wanted = int(frames or 0) * 4  # (two channels of two bytes a frame)
        while len(buffer) < wanted:
            chunk = next(source, None)
            if chunk is None:
                break
            buffer += chunk
        if not buffer:
            return
        out, buffer = bytes(buffer[:wanted]), buffer[wanted:]
        frames = yield out


def _decoded(path: Path, start: float) -> Iterator[bytes]:
    """The sound track's samples, decoded and resampled, looping (none: it ends)."""
    import av

    at = start
    while True:
        produced = False
        with av.open(str(path)) as container:
            if not container.streams.audio:
                return
            stream = container.streams.audio[0]
            if at > 0 and stream.time_base:
                container.seek(round(at / stream.time_base), stream=stream)
            resampler = av.AudioResampler(format="s16", layout="stereo", rate=RATE)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    if at > 0 and out.time is not None and out.time + out.samples / RATE \
                            < at:
                        continue  # (before the point asked: a seek lands on a key frame)
                    produced = True
                    yield bytes(out.to_ndarray().tobytes())
        if not produced:
            return
        at = 0.0


def _louder(stream: Any, volume: float) -> Any:
    """The stream's samples at ``volume`` (miniaudio asks for them as it plays)."""
    import numpy as np

    frames = yield b""  # (miniaudio primes a generator with its first send)
    while True:
        try:
            chunk = stream.send(frames)
        except StopIteration:
            return
        if volume < 0.999:
            samples = np.frombuffer(chunk, dtype=np.int16)
            chunk = (samples * volume).astype(np.int16).tobytes()
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
