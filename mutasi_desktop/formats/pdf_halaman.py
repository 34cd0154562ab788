"""PDF pages as pixels (PDFium through pypdfium2), for the in-app preview and for printing.

PDFium is small (a 4 MB wheel) where Qt's own PDF module would pull in the whole
PySide6-Addons wheel (175 MB, 420 MB installed); see docs/decrees.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium

POINTS_PER_INCH = 72.0


@dataclass(frozen=True)
class Halaman:
    """One rendered page: RGB, 3 bytes per pixel, rows ``stride`` bytes apart."""

    nomor: int  # 1-based
    width: int
    height: int
    stride: int
    rgb: bytes
    width_pt: float
    height_pt: float


def jumlah_halaman(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def ukuran_halaman(data: bytes) -> list[tuple[float, float]]:
    """(width, height) of each page in points."""
    pdf = pdfium.PdfDocument(data)
    try:
        return [(float(w), float(h)) for w, h in (pdf[i].get_size() for i in range(len(pdf)))]
    finally:
        pdf.close()


def render_halaman(
    data: bytes, dpi: float = 96.0, halaman: list[int] | None = None
) -> Iterator[Halaman]:
    """Render the pages (1-based numbers; all when ``halaman`` is None) at ``dpi``."""
    pdf = pdfium.PdfDocument(data)
    try:
        numbers = halaman or list(range(1, len(pdf) + 1))
        for n in numbers:
            page = pdf[n - 1]
            w_pt, h_pt = page.get_size()
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)
            try:
                yield Halaman(
                    nomor=n,
                    width=bitmap.width,
                    height=bitmap.height,
                    stride=bitmap.stride,
                    rgb=bytes(bitmap.buffer),
                    width_pt=float(w_pt),
                    height_pt=float(h_pt),
                )
            finally:
                bitmap.close()
                page.close()
    finally:
        pdf.close()
