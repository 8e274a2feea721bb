"""Videos checked by opening them: the container, a video stream, a codec that decodes,
a duration, and the first frame. What ``kiosk check`` says of a video is what the show
will find when it plays it (PyAV, FFmpeg's libraries, does both).

No Qt here: the model's checks run without a screen.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kiosk.deck.remembered import remembered

SUFFIXES = (".mp4", ".m4v", ".mov", ".webm", ".mkv")
PLAYED = "MP4, MOV, WebM or MKV"
LONGEST = 6 * 3600.0
"""Seconds: a video longer than this is refused (a loop of six hours is a mistake)."""
_cache: dict[tuple[str, int, int, int], VideoInfo | str] = {}


@dataclasses.dataclass(frozen=True)
class VideoInfo:
    """What a video is, as the show plays it."""

    codec: str
    width: int
    height: int
    duration: float
    """Seconds, from the first frame's start to the last frame's end."""
    rate: float
    """Frames a second."""
    sound: bool = False
    """Whether it has a sound track."""


def probe(path: Path) -> VideoInfo | str:
    """What the video at ``path`` is, or why it will not play (a predicate: "has no
    video stream"). Remembered while the file keeps its size, time and inode."""
    return remembered(_cache, path, 256, lambda size: _open(path, size))


def check(ref: str, path: Path) -> str | None:
    """The problem of the video ``ref`` found at ``path`` as a sentence, or None."""
    found = probe(path)
    return f"video '{ref}' {found}" if isinstance(found, str) else None


def _open(path: Path, size: int) -> VideoInfo | str:
    import av  # (FFmpeg's libraries: loaded with the first video)

    if size == 0:
        return "is empty"
    if path.suffix.lower() not in SUFFIXES:
        return f"is not a video the show plays ({PLAYED})"
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                return "has no video stream"
            stream = container.streams.video[0]
            codec = stream.codec_context.name
            first = next(container.decode(stream), None)
            if first is None:
                return f"has no frame that decodes ({codec})"
            duration = _duration(container, stream)
            rate = float(stream.average_rate or stream.guessed_rate or 0) or 25.0
            width, height = first.width, first.height
            sound = bool(container.streams.audio)
            if duration > 2.0 and not _decodes_near(container, stream, duration - 0.5):
                return ("is cut short: no frame decodes near its end (a copy that did not "
                        "finish?)")
    except av.error.FFmpegError as exc:
        return f"cannot be played ({_reason(exc)})"
    except (OSError, ValueError, StopIteration) as exc:
        return f"cannot be played ({exc})"
    if duration <= 0:
        return "has no duration (a picture, not a video?)"
    if duration > LONGEST:
        return f"is {duration / 3600:.1f} hours long; at most {LONGEST / 3600:.0f} are played"
    return VideoInfo(codec, width, height, duration, rate, sound)


def _decodes_near(container: object, stream: object, seconds: float) -> bool:
    """Whether a frame decodes at ``seconds`` (a file cut short, its index intact, says
    its full length but has no frames there)."""
    try:
        base = stream.time_base  # type: ignore[attr-defined]
        container.seek(round(seconds / base) if base else 0,  # type: ignore[attr-defined]
                       stream=stream)
        for frame in container.decode(stream):  # type: ignore[attr-defined]
            if frame.time is not None and frame.time >= seconds - 0.5:  # (a second's
                # leeway: a container may say its length a little longer than its frames)
                return True
    except Exception:  # (an FFmpeg error on the way: the same as nothing there)
        return False
    return False


def _duration(container: object, stream: object) -> float:
    """Seconds the video stream lasts (its own, else the container's)."""
    if getattr(stream, "duration", None) and getattr(stream, "time_base", None):
        return float(stream.duration * stream.time_base)  # type: ignore[attr-defined]
    if getattr(container, "duration", None):
        return float(container.duration) / 1_000_000  # type: ignore[attr-defined]
    return 0.0


def _reason(exc: Exception) -> str:
    text = getattr(exc, "strerror", None) or str(exc)
    return str(text).rstrip(".").lower()
