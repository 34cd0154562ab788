#!/usr/bin/env python3
"""One-off: convert TeX Gyre Bonum (CFF-flavoured .otf) to TrueType for reportlab.

reportlab's ``TTFont`` accepts only TrueType outlines, and Debian's ``fonts-texgyre`` ships
Bonum (the metric-compatible Bookman look-alike) as CFF ``.otf``. This converts the cubic
outlines to quadratic ones with fontTools' cu2qu and writes ``resources/fonts/TeXGyreBonum-*.ttf``.

Needs fontTools at development time only (``pip install fontTools``); the app never imports it.
Usage::

    apt-get install fonts-texgyre
    python scripts/convert_fonts.py [/usr/share/texmf/fonts/opentype/public/tex-gyre]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("/usr/share/texmf/fonts/opentype/public/tex-gyre")
STYLES = {"regular": "Regular", "bold": "Bold"}
MAX_ERR = 1.0  # font units: the usual tolerance of cubic-to-quadratic conversion
POST_FORMAT = 2.0


def otf_to_ttf(src: Path, dst: Path) -> None:
    font = TTFont(str(src))
    if "CFF " not in font:
        raise SystemExit(f"{src} has no CFF table")
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    for name in glyph_order:  # bounding boxes for hmtx/head
        glyphs[name].recalcBounds(glyf)

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    post = font["post"]
    post.formatType = POST_FORMAT
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(str(dst))


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    out = ROOT / "resources" / "fonts"
    for key, style in STYLES.items():
        dst = out / f"TeXGyreBonum-{style}.ttf"
        otf_to_ttf(source / f"texgyrebonum-{key}.otf", dst)
        print(f"{dst.relative_to(ROOT)}: {dst.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
