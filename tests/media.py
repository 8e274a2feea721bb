"""Video clips made by the tests (PyAV's own encoders), never downloaded."""

from __future__ import annotations

from pathlib import Path

import numpy as np

STEP = 4
"""Frame n of a counting clip is grey at n x STEP (0 to 252): a test reads which frame
is on the screen from the grey it shows."""


SOUND_RATE = 44100


def counting_clip(path: Path, frames: int = 60, rate: int = 30, size: tuple[int, int] = (320, 180),
                  codec: str = "libx264", *, sound: bool = False) -> Path:
    """A clip of ``frames`` frames at ``rate`` fps, frame n a flat grey of n x STEP;
    with ``sound``, an AAC track of a 440 Hz tone as loud as ``loudness`` says at each
    second (so that a test hears where in the clip its sound is)."""
    import av

    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=rate)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        if codec == "libx264":
            stream.options = {"crf": "4", "preset": "ultrafast", "tune": "zerolatency"}
        audio = container.add_stream("aac", rate=SOUND_RATE) if sound else None
        if audio is not None:
            audio.layout = "mono"
        for n in range(frames):
            pixels = np.full((size[1], size[0], 3), (n * STEP) % 256, dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
        if audio is not None:
            total = round(frames / rate * SOUND_RATE)
            t = np.arange(total) / SOUND_RATE
            wave = (loudness(t) * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
            size_ = 1024
            for start in range(0, total, size_):
                chunk = wave[start:start + size_][None, :]
                frame = av.AudioFrame.from_ndarray(chunk, format="flt", layout="mono")
                frame.sample_rate = SOUND_RATE
                frame.pts = start
                for packet in audio.encode(frame):
                    container.mux(packet)
            for packet in audio.encode():
                container.mux(packet)
    return path


def loudness(seconds):  # type: ignore[no-untyped-def]
    """The tone's amplitude at ``seconds`` into a counting clip: rising, 0.1 a second."""
    return 0.05 + 0.1 * np.asarray(seconds)


def grey(level: int) -> int:
    """The frame whose grey is nearest to ``level``."""
    return round(level / STEP)


def tone(path: Path, seconds: float = 1.0, rate: int = 22050) -> Path:
    """A WAV file of a quiet 440 Hz tone (an audio guide stands in)."""
    import math
    import struct
    import wave

    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "w") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", int(4000 * math.sin(
            2 * math.pi * 440 * n / rate))) for n in range(int(seconds * rate))))
    return path
