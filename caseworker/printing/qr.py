"""QR codes of record ids, so a paper page can be matched back to its record."""

import qrcode
import qrcode.constants
from qrcode.exceptions import DataOverflowError

MASK = 2
_versions: dict[int, int] = {}


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of a QR code of ``text`` (no quiet zone), row by row from the top."""
    # A fixed mask: every mask gives a valid code, and choosing the "best" one costs ten
    # times as long as the rest (it would dominate a 300-household batch).
    version = _versions.get(len(text))
    code = qrcode.QRCode(
        version=version,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=0,
        mask_pattern=MASK,
    )
    code.add_data(text)
    # Finding the smallest version that holds the text encodes it several times; texts
    # of one length (record ids) need the same version, so it is found once.
    try:
        code.make(fit=version is None)
    except DataOverflowError:  # a text of this length that needs a larger code
        code.make(fit=True)
    _versions.setdefault(len(text), code.version)
    return [list(row) for row in code.get_matrix()]


def qr_runs(matrix: list[list[bool]]) -> list[tuple[int, int, int]]:
    """Dark modules merged into horizontal runs: (row, first column, length)."""
    runs = []
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                runs.append((r, start, c - start))
            else:
                c += 1
    return runs
