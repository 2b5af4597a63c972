"""The recovery code on paper: one A4 page for the county civil affairs bureau to keep,
with what it is for and nothing about any household."""

import io
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from caseworker.printing.fonts import FONT_NAME, draw_string, register_font
from caseworker.printing.render import atomic_output
from caseworker.printing.text import cn_date

TITLE = "社会救助专干助手　数据恢复码"
INSTRUCTIONS = (
    "本页由县（区）民政局妥善保管，不要与笔记本电脑放在一起。",
    "工作人员忘记密码时，凭此恢复码可重新设置密码、打开本机记录。",
    "输入时不分大小写，空格和短横线可以省略。",
    "码中没有字母I、L、O、U；照抄时写成的O按0读取，I或L按1读取。",
    "本页不含任何救助对象的信息。",
)


def recovery_sheet(code: str, *, worker: str, on: date) -> bytes:
    """The sheet as PDF bytes (kept in memory: the code is a secret, it is not written to
    a temporary file to be printed)."""
    register_font()
    width, height = A4
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, initialFontName=FONT_NAME, pageCompression=1)
    canvas.setTitle(TITLE)
    canvas.setFont(FONT_NAME, 18)
    canvas.drawCentredString(width / 2, height - 35 * mm, TITLE)
    canvas.setFont(FONT_NAME, 11)
    # The worker's name may hold a rare character that only the fallback font draws.
    draw_string(canvas, 25 * mm, height - 52 * mm, 11, f"工作人员：{worker}")
    canvas.drawString(25 * mm, height - 60 * mm, f"生成日期：{cn_date(on)}")
    groups = code.split("-")
    canvas.setFont("Courier-Bold", 17)
    for line, start in enumerate(range(0, len(groups), 5)):
        text = "  ".join(groups[start : start + 5])
        canvas.drawCentredString(width / 2, height - (82 + 12 * line) * mm, text)
    canvas.setFont(FONT_NAME, 11)
    for line, words in enumerate(INSTRUCTIONS):
        canvas.drawString(25 * mm, height - (135 + 9 * line) * mm, f"{line + 1}. {words}")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def write_recovery_sheet(path: Path, code: str, *, worker: str, on: date) -> None:
    """Write the sheet to ``path`` (atomically: never a half-written file)."""
    sheet = recovery_sheet(code, worker=worker, on=on)
    with atomic_output(path) as out:
        out.write(sheet)
