"""Per-document limits, a record of their own so the command line reads its defaults without importing the
extraction stack (spaCy takes most of a second to import: the first output must not wait for it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-document limits (README "Limits"). Pass 0 to switch one off."""

    seconds: float = 300.0  # a 100-page scan OCRs in about 3 minutes on one core
    memory_mb: int = 2048  # data segment of a worker; OCR of an A4 page at 150 dpi peaks near 1 GB
    input_mb: int = 200  # bytes of one input file

    def __post_init__(self) -> None:
        for name in ("seconds", "memory_mb", "input_mb"):
            if getattr(self, name) < 0:
                raise ValueError(f"Limits.{name} must be >= 0, got {getattr(self, name)}")
