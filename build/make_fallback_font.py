"""Make the fallback font for rare Chinese characters: a subset of Hanazono Mincho A.

    apt-get install fonts-hanazono      # Debian's package of the Hanazono fonts
    pip install fonttools               # only this script needs it, not the app
    python build/make_fallback_font.py [/usr/share/fonts/truetype/hanazono/HanaMinA.ttf]

writes ``resources/fonts/hanazono-rare.ttf``. The main font (WenQuanYi Micro Hei) has no
glyph for the CJK Extension A and B characters that many rural names use (䶮 U+4DAE,
𠮷 U+20BB7). HanaMinA has all of Extension A, every character of the Table of General
Standard Chinese Characters (通用规范汉字表), and the supplementary-plane characters of JIS
X 0213 and HKSCS, but it is 22.8 MB: most of it (Latin, kana, the 20,000 common
characters, 8,800 variation sequences) the main font already draws. The subset keeps only
the Han characters HanaMinA has and the main font lacks, about 10,400 characters in 5.1 MB,
and a full-width □ (U+25A1), which the forms print for a character neither font has (the
main font's □ is narrow).

Not kept: the rest of Extension B and Extensions C-F beyond those sets (another 57,000 or
so characters), which are in HanaMinB.ttf (30.7 MB; Extension B alone would add ~22 MB).

The subset is renamed "Caseworker Rare Han" (the reserved names of the fonts' OFL option
stay with the original) and drops hinting (the original has none worth keeping) and the
layout tables (Chinese needs no shaping). The output is committed; run this again only to
change what it keeps.
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
MAIN = FONTS / "wqy-microhei.ttc"
OUTPUT = FONTS / "hanazono-rare.ttf"
DEFAULT_SOURCE = Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf")

FAMILY = "Caseworker Rare Han"
POSTSCRIPT = "CaseworkerRareHan"
DESCRIPTION = (
    "A subset of HanaMinA (Hanazono Mincho A, version 2017-09-04, GlyphWiki Project): "
    "only the Han characters that WenQuanYi Micro Hei lacks and U+25A1, renamed, hinting "
    "and layout tables removed, made by Caseworker's build/make_fallback_font.py."
)

# The blocks of Han ideographs: Extension A, the URO, the compatibility ideographs, and
# the supplementary ideographic plane (Extensions B-F and the compatibility supplement).
HAN_BLOCKS = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
    (0x30000, 0x3134F),
)


def is_han(code: int) -> bool:
    """Whether ``code`` is in one of the blocks of Han ideographs."""
    return any(lo <= code <= hi for lo, hi in HAN_BLOCKS)


# □: printed in place of a character neither font has (the mark of 缺字 in Chinese print).
MISSING_MARK = 0x25A1


def wanted(source: TTFont, main: TTFont) -> list[int]:
    """The Han characters the source font draws and the main font does not, and □."""
    have = set(main.getBestCmap())
    han = [code for code in source.getBestCmap() if is_han(code) and code not in have]
    return sorted([*han, MISSING_MARK])


def rename(font: TTFont) -> None:
    """Give the subset its own name; keep the copyright and licence records."""
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 10):
            names.removeNames(nameID=record.nameID)
    for name_id, value in (
        (1, FAMILY),
        (3, f"{POSTSCRIPT}-2017-09-04"),
        (4, FAMILY),
        (6, POSTSCRIPT),
        (10, DESCRIPTION),
    ):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)


def main(argv: list[str]) -> int:
    source_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    source = TTFont(source_path)
    codes = wanted(source, TTCollection(MAIN).fonts[0])
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM", "BASE", "prop", "GSUB", "GPOS", "GDEF"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(source)
    rename(source)
    source.save(OUTPUT)
    print(f"{OUTPUT}: {len(codes)} characters, {OUTPUT.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
