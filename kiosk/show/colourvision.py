"""How colours look to visitors with colour-vision deficiencies, and how far apart they are.

Simulation by Machado, Oliveira and Fernandes (2009) at full severity, on linear sRGB;
difference by CIEDE2000 in CIELAB (D65). Plain Python: ``kiosk check`` uses it on a
config's theme, the show on its data colours.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

Rgb = tuple[float, float, float]

VISIONS: dict[str, tuple[Rgb, Rgb, Rgb] | None] = {
    "normal vision": None,
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
"""Each way of seeing colour: its matrix on linear RGB (None: as the colour is)."""

APART = 12.0
"""CIEDE2000 difference below which two small swatches on a chart are taken for one
colour (2 or 3 is just noticeable side by side; a legend's swatch is read apart)."""


def _linear(hex_colour: str) -> Rgb:
    value = hex_colour.lstrip("#")
    channels = [int(value[n:n + 2], 16) / 255 for n in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return r, g, b


def seen(hex_colour: str, vision: str) -> Rgb:
    """The linear RGB a visitor with ``vision`` sees for ``hex_colour``."""
    rgb = _linear(hex_colour)
    matrix = VISIONS[vision]
    if matrix is None:
        return rgb
    r, g, b = (min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
               for row in matrix)
    return r, g, b


def lab(rgb: Rgb) -> Rgb:
    """CIELAB (D65) of a linear sRGB colour."""
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def difference(one: Rgb, other: Rgb) -> float:
    """CIEDE2000 difference of two CIELAB colours."""
    l1, a1, b1 = one
    l2, a2, b2 = other
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0 if c1p * c2p == 0 else (h2p - h1p + 180) % 360 - 180
    dhp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, c_bar_p = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_bar - 30)) + 0.24 * math.cos(math.radians(2 * h_bar))
         + 0.32 * math.cos(math.radians(3 * h_bar + 6))
         - 0.20 * math.cos(math.radians(4 * h_bar - 63)))
    sl = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    sc, sh = 1 + 0.045 * c_bar_p, 1 + 0.015 * c_bar_p * t
    rt = (-2 * math.sqrt(c_bar_p**7 / (c_bar_p**7 + 25**7))
          * math.sin(math.radians(60 * math.exp(-(((h_bar - 275) / 25) ** 2)))))
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhp / sh) ** 2
                     + rt * (dc / sc) * (dhp / sh))


def closest(colours: Sequence[str]) -> tuple[float, int, int, str]:
    """The two of ``colours`` that look most alike to anyone: their difference, their
    places, and the way of seeing under which they do."""
    worst = (math.inf, 0, 1, "normal vision")
    for vision in VISIONS:
        seen_as = [lab(seen(c, vision)) for c in colours]
        for (i, a), (j, b) in itertools.combinations(enumerate(seen_as), 2):
            d = difference(a, b)
            if d < worst[0]:
                worst = (d, i, j, vision)
    return worst


def apart(colours: Sequence[str]) -> int:
    """How many of ``colours``, from the first, every visitor tells apart."""
    for n in range(2, len(colours) + 1):
        if closest(colours[:n])[0] < APART:
            return n - 1
    return len(colours)
