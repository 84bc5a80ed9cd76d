"""Legible colours: WCAG 2 contrast, and a colour nudged until it reads on every background it
is painted on (plain, zebra and selected rows, in whichever theme is active)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.color import Color
from rich.color_triplet import ColorTriplet

#: WCAG AA for normal text
MINIMUM = 4.5


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour."""
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg: tuple[int, int, int], bg: tuple[int, int, int]) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def legible(color: Color, backgrounds: Iterable[tuple[int, int, int]],
            minimum: float = MINIMUM) -> Color:
    """``color``, or the first mix of it with white (on dark backgrounds) or black (on light
    ones), in 5% steps, that reaches ``minimum`` contrast on every background: the hue stays,
    only the lightness moves."""
    rgb = tuple(color.get_truecolor())
    bgs = list(backgrounds)
    if not bgs or all(contrast(rgb, bg) >= minimum for bg in bgs):  # type: ignore[arg-type]
        return color
    dark = sum(luminance(bg) for bg in bgs) / len(bgs) < 0.18
    target = 255 if dark else 0
    for step in range(1, 21):
        t = step / 20
        mixed = tuple(round(c + (target - c) * t) for c in rgb)
        if all(contrast(mixed, bg) >= minimum for bg in bgs):  # type: ignore[arg-type]
            return Color.from_triplet(ColorTriplet(*mixed))
    return Color.from_triplet(ColorTriplet(target, target, target))
