"""One test for "is this red", for every reader: GB/T 9704 §7.2 prints the 发文机关标志 and the separator
line in red, and seals are red (§7.3.5). Readers differ only in the settings: vector colours in a PDF or
DOCX are exact, ink on a scan is paler and noisier."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True, slots=True)
class RedTest:
    """Red when the red component is at least `min_red`, green and blue at most `max_other`, and red exceeds
    both by at least `min_margin` (components 0-255)."""

    min_red: int
    max_other: int
    min_margin: int

    def rgb(self, r: float, g: float, b: float) -> bool:
        return r >= self.min_red and g <= self.max_other and b <= self.max_other and r - max(g, b) >= self.min_margin

    def pixels(self, img: np.ndarray) -> np.ndarray:
        """The red pixels of a BGR image, as a boolean mask."""
        import numpy as np

        b, g, r = (img[:, :, k].astype(np.int16) for k in range(3))
        return (r >= self.min_red) & (g <= self.max_other) & (b <= self.max_other) & (r - np.maximum(g, b) >= self.min_margin)


# vector colour (PDF fill, DOCX run colour): FF0000 and the darker reds of WPS templates (C00000, E60012)
PRINTED_RED = RedTest(min_red=140, max_other=102, min_margin=90)
# a scan's red ink, seal or 版头: paler, its fringe pink
SCANNED_INK = RedTest(min_red=121, max_other=255, min_margin=41)
# a scan's red text line: most of its ink must be a strong red, so a black line over a seal is not red
SCANNED_TEXT = RedTest(min_red=151, max_other=119, min_margin=0)


def is_red_components(components: Sequence[float]) -> bool:
    """A PDF colour as 0-1 components, RGB or CMYK."""
    if len(components) == 4:
        c, m, y, k = components
        components = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    if len(components) != 3:
        return False
    r, g, b = (255 * v for v in components)
    return PRINTED_RED.rgb(r, g, b)


def is_red_hex(hex_rgb: str | None) -> bool:
    """A DOCX colour such as 'FF0000'; 'auto' and malformed values are not red."""
    if not hex_rgb or len(hex_rgb) != 6:
        return False
    try:
        r, g, b = (int(hex_rgb[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return PRINTED_RED.rgb(r, g, b)
