"""Audio guides checked by opening them: a format the show plays, and a duration.

The show plays MP3, WAV, FLAC and Ogg Vorbis (miniaudio's own decoders, in a wheel of
0.6 MB); no Qt here.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.deck.remembered import remembered

SUFFIXES = (".mp3", ".wav", ".flac", ".ogg")
PLAYED = "MP3, WAV, FLAC or Ogg Vorbis"
_cache: dict[tuple[str, int, int, int], float | str] = {}


def probe(path: Path) -> float | str:
    """The audio file's length in seconds, or why it will not play (a predicate)."""
    return remembered(_cache, path, 256, lambda size: _open(path, size))


def check(ref: str, path: Path) -> str | None:
    """The problem of the audio ``ref`` found at ``path`` as a sentence, or None."""
    found = probe(path)
    return f"audio '{ref}' {found}" if isinstance(found, str) else None


def _open(path: Path, size: int) -> float | str:
    import miniaudio

    if size == 0:
        return "is empty"
    if path.suffix.lower() not in SUFFIXES:
        return f"is not audio the show plays ({PLAYED})"
    try:
        info = miniaudio.get_file_info(str(path))
    except miniaudio.DecodeError as exc:
        return f"cannot be played ({str(exc).rstrip('.').lower() or 'not decodable'})"
    if info.duration <= 0:
        return "has no duration"
    return float(info.duration)
