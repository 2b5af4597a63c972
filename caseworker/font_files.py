"""The font files bundled in ``resources/fonts/``, named once for printing and the screen.

Kept free of ReportLab and Qt so either side can import it without loading the other.
"""

# WenQuanYi Micro Hei draws nearly all Chinese (face 0 of the collection is the
# proportional "WenQuanYi Micro Hei").
MAIN_FONT_FILE = "wqy-microhei.ttc"
MAIN_FONT_FACE = 0

# A subset of Hanazono Mincho A (build/make_fallback_font.py) with only the Han characters
# the main font lacks: CJK Extension A and the Extension B-F characters of names (䶮, 𠮷).
FALLBACK_FONT_FILE = "hanazono-rare.ttf"
FALLBACK_FAMILY = "Caseworker Rare Han"
