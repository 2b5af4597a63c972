"""The recovery code shown at set-up can be saved and printed on paper, and says what it
is for without naming any household."""

import tempfile
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from caseworker.printing.recovery_sheet import recovery_sheet
from caseworker.ui.dialogs.signin import RecoveryCodeDialog
from tests.printing.helpers import page_texts

CODE = "0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ-0123-4567-89AB-CDEF-GHJK"


def test_the_code_is_saved_as_a_sheet_for_the_county(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = RecoveryCodeDialog(CODE, worker="王建华")
    qtbot.addWidget(dialog)
    assert "打印" in dialog.print_button.text()
    saved = dialog.save_as(tmp_path / "恢复码.pdf")
    assert saved is not None and "已保存" in dialog.message.text()
    [text] = page_texts(saved.read_bytes())
    for group in CODE.split("-"):
        assert group in text
    assert "王建华" in text and "县（区）民政局" in text and "不含任何救助对象" in text
    assert [p.name for p in tmp_path.iterdir()] == ["恢复码.pdf"]  # nothing half-written


def test_the_sheet_to_print_is_made_in_memory_not_in_a_temporary_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dialog = RecoveryCodeDialog(CODE, worker="王建华")
    qtbot.addWidget(dialog)
    sheet = dialog._sheet()
    assert sheet.startswith(b"%PDF") and CODE.split("-")[0] in page_texts(sheet)[0]
    assert list(tmp_path.iterdir()) == []
    dated = recovery_sheet(CODE, worker="王建华", on=date(2026, 12, 2))
    assert "2026年12月2日" in page_texts(dated)[0]
