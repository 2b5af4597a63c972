"""QR codes of record ids, so a paper page can be matched back to its record."""

import qrcode
import qrcode.constants


MASK = 2


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of a QR code of ``text`` (no quiet zone), row by row from the top."""
    # A fixed mask: every mask gives a valid code, and choosing the "best" one costs ten
    # times as long as the rest (it would dominate a 300-household batch).
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=MASK
    )
    code.add_data(text)
    code.make(fit=True)
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
