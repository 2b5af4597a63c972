import io
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from caseworker.store.audit import entries
from caseworker.store.db import Store
from caseworker.store.search import search_households
from caseworker.store.workers import Worker
from caseworker.ui.main_window import MainWindow
from caseworker.ui.settings import AppSettings
from tests.ui.conftest import DEMO_DAY


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_print_centre_previews_and_saves_a_households_form(
    qtbot: QtBot,
    county: Store,
    worker: Worker,
    settings: AppSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    temporary = tmp_path / "temp"  # where a preview file would be left in clear by a crash
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    with county.read() as conn:
        household_id = search_households(conn, "张学林")[0].id
    window.open_household(household_id)
    centre = window.open_print_centre()
    assert "张学林" in centre.household_label.text()
    centre.form.setCurrentIndex(centre.form.findData("authorization"))
    centre.preview()
    qtbot.waitUntil(lambda: centre.output is not None, timeout=20000)
    assert centre.document.pageCount() >= 1
    assert list(temporary.iterdir()) == []  # the preview is in memory only
    saved = centre.save_as(tmp_path / "授权书.pdf")
    assert saved is not None
    text = pdf_text(saved.read_bytes())
    assert "授权书" in text and "张学林" in text
    with county.read() as conn:
        printed = [e for e in entries(conn) if e.action == "print"]
    assert printed and printed[-1].household_id == household_id


def test_a_village_batch_has_progress_and_can_be_cancelled(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    centre = window.open_print_centre()
    assert not centre.one_household.isEnabled()  # no household open yet
    centre.area.setCurrentIndex(centre.area.findData("610423100"))  # a township
    centre.batch_kind.setCurrentIndex(centre.batch_kind.findData("case-file"))
    task = centre.preview()
    assert task is not None and not centre.cancel_button.isHidden()
    centre.cancel_button.click()  # at once: before the first household is drawn
    qtbot.waitUntil(lambda: centre.cancel_button.isHidden(), timeout=20000)
    assert "取消" in centre.error.text()
    assert centre.output is None
    centre.batch_kind.setCurrentIndex(centre.batch_kind.findData("publicity"))
    centre.area.setCurrentIndex(centre.area.findData("610423100201"))
    centre.preview()
    qtbot.waitUntil(lambda: centre.output is not None, timeout=20000)
    assert centre.output is not None and "公示" in pdf_text(centre.output)


def test_previews_an_earlier_version_left_in_the_temp_folder_are_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caseworker.ui.app import remove_old_previews

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    left = tmp_path / "caseworker-print-k3j2"
    left.mkdir()
    (left / "preview-1.pdf").write_text("%PDF-1.4 张学林 610423197401080657")
    (tmp_path / "someone-elses.txt").write_text("kept")
    assert remove_old_previews() == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["someone-elses.txt"]
