"""The Evidence tab as a specialist meets it: in the real main window on a real store,
adding a photo and a PDF, pasting, viewing at full size, removing with a reason, and the
documents still needed shown in the eligibility panel and on home."""

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfWriter
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QDialogButtonBox

from caseworker.config import resource_path
from caseworker.domain.evidence import EvidenceKind, MediaType
from caseworker.store.attachments import attachments_of
from caseworker.store.db import Store
from caseworker.store.search import search_households
from caseworker.store.workers import Worker
from caseworker.ui.dialogs.attachment import AttachDialog
from caseworker.ui.main_window import MainWindow
from caseworker.ui.pages.evidence_tab import EvidenceTab
from caseworker.ui.settings import AppSettings
from tests.ui.conftest import DEMO_DAY

HEAD = "马兵斌"  # the demo household with a Dibao application under way


def photo(path: Path, colour: str = "red", size: tuple[int, int] = (1600, 900)) -> Path:
    Image.new("RGB", size, colour).save(path, "JPEG")
    return path


def pdf(path: Path, pages: int = 2) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture
def window(qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings) -> MainWindow:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    return window


def household_id(store: Store) -> str:
    with store.read() as conn:
        return search_households(conn, HEAD)[0].id


def evidence_tab(window: MainWindow, store: Store) -> EvidenceTab:
    page = window.open_household_evidence(household_id(store))
    assert page is not None
    assert page.tabs.currentWidget() is page.evidence
    return page.evidence


def add(
    qtbot: QtBot,
    tab: EvidenceTab,
    sources: list,
    kind: EvidenceKind,
    check: Callable[[AttachDialog], None] = lambda _: None,
) -> None:
    """Add ``sources`` through the add dialog, as ``kind`` (``check`` looks at the dialog
    as it opened)."""
    tab.attach_dialog = None
    assert tab.add_files(sources) is not None
    qtbot.waitUntil(lambda: tab.attach_dialog is not None, timeout=10000)
    dialog = tab.attach_dialog
    assert dialog is not None
    check(dialog)
    dialog.choose(kind)
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_adding_viewing_and_removing_evidence_on_the_household_page(
    qtbot: QtBot, window: MainWindow, county: Store, tmp_path: Path
) -> None:
    tab = evidence_tab(window, county)
    page = window.household_page
    assert page is not None
    assert tab.checklist_view.status_of("户口簿") == "缺"
    assert tab.checklist_view.status_of("签字的申请书") == "缺"
    # Nobody here is disabled (each is recorded as having no disability): no certificate
    # is asked of anyone.
    assert not any("残疾人证" in row.text(0) for row in tab.checklist_view.rows)
    section = page.eligibility.evidence_section
    assert section is not None and "需补充材料" in section.text() and "户口簿" in section.text()

    add(qtbot, tab, [photo(tmp_path / "户口簿.jpg")], EvidenceKind.HUKOU)
    assert tab.checklist_view.status_of("户口簿") == "✓"
    hukou = next(a for a in tab.attachments if a.kind is EvidenceKind.HUKOU)
    assert hukou.member_id is None  # the household's paper, though an ID card was offered
    assert "户口簿" not in (page.eligibility.evidence_section or section).text()
    qtbot.waitUntil(lambda: len(tab.thumbnails) == 1, timeout=10000)
    assert any(line.startswith("户口簿（1份）") for line in tab.row_texts())
    assert not tab.files.topLevelItem(0).child(0).icon(0).isNull()  # its thumbnail

    def offered(dialog: AttachDialog) -> None:
        # The first document still missing is offered: the head's ID card.
        assert dialog.chosen_kind() is EvidenceKind.ID_CARD
        assert dialog.member.currentText() == page.household().members[0].name
        assert "申请书.pdf（PDF，2页）" in dialog.listing.text()
        assert not dialog.member_hint.isVisibleTo(dialog)
        dialog.member.setCurrentIndex(0)  # the whole household: said to be one member's
        assert dialog.member_hint.isVisibleTo(dialog)

    pdf_file = pdf(tmp_path / "申请书.pdf", pages=2)
    add(qtbot, tab, [pdf_file], EvidenceKind.SIGNED_FORM, offered)
    assert tab.checklist_view.status_of("签字的申请书") == "✓"
    assert any("PDF，2页" in line for line in tab.row_texts())

    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("green"))
    QGuiApplication.clipboard().setImage(image)
    tab.attach_dialog = None
    assert tab.paste() is not None
    qtbot.waitUntil(lambda: tab.attach_dialog is not None, timeout=10000)
    dialog = tab.attach_dialog
    assert dialog is not None
    dialog.choose(EvidenceKind.HOUSING_PHOTO)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert any(line.startswith("住房照片（1份）") for line in tab.row_texts())

    tab.select(hukou.id)
    viewer = tab.view(tab.selected())
    assert viewer is not None
    viewer.zoom_by(1.25)
    wide = viewer.picture.pixmap().size()
    assert wide.width() > wide.height()
    viewer.rotate(90)  # a photo taken sideways, turned to read it
    turned = viewer.picture.pixmap().size()
    assert turned.height() > turned.width()
    viewer.go(1)
    caption = viewer.caption.text()
    assert "签字的申请书" in caption and caption.count("2页") == 1 and "导出…" in caption
    saved = viewer.save_copy(tmp_path / "copy.pdf")
    assert saved is not None and saved.read_bytes().startswith(b"%PDF")
    viewer.close()
    with county.read() as conn:  # viewing changed nothing
        assert attachments_of(conn, hukou.household_id)[0].sha256 == hukou.sha256

    tab.select(hukou.id)
    remove = tab.remove(tab.selected())
    assert remove is not None
    ok = remove.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # no reason given
    assert remove.isVisible() and "原因" in remove.error.text()
    with county.read() as conn:
        assert len(attachments_of(conn, hukou.household_id)) == 3
    remove.reason.setPlainText("拍错了户")
    ok.click()
    assert not remove.isVisible()
    assert tab.checklist_view.status_of("户口簿") == "缺"
    assert not tab.show_removed.isChecked()
    assert not any("拍错了户" in line for line in tab.row_texts())
    tab.show_removed.setChecked(True)
    gone = [line for line in tab.row_texts() if "拍错了户" in line]
    assert len(gone) == 1 and "王建华" in gone[0]


def test_an_iphone_photo_is_added_upright_and_shown(
    qtbot: QtBot, window: MainWindow, county: Store, tmp_path: Path
) -> None:
    """A HEIC photo from an iPhone, taken upright with its location, goes through the add
    dialog like any photo: kept as a JPEG, upright, shown upright at full size."""
    tab = evidence_tab(window, county)
    heic = tmp_path / "IMG_0001.HEIC"
    heic.write_bytes(resource_path("samples", "iphone-photo.heic").read_bytes())

    def listed(dialog: AttachDialog) -> None:
        assert "IMG_0001.HEIC" in dialog.listing.text()

    add(qtbot, tab, [heic], EvidenceKind.HOUSING_PHOTO, listed)
    qtbot.waitUntil(lambda: len(tab.thumbnails) == 1, timeout=10000)
    kept = next(a for a in tab.attachments if a.kind is EvidenceKind.HOUSING_PHOTO)
    assert kept.media_type is MediaType.JPEG
    viewer = tab.view(kept)
    assert viewer is not None
    shown = viewer.picture.pixmap().size()
    assert shown.height() > shown.width()  # upright, as it was taken
    viewer.close()


def test_a_refused_file_is_named_and_nothing_is_added(
    qtbot: QtBot, window: MainWindow, county: Store, tmp_path: Path, answers: list[str]
) -> None:
    tab = evidence_tab(window, county)
    fake = tmp_path / "身份证.jpg"  # a zip file under a photo's name
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("a.txt", "not a photo")
    mime = QMimeData()  # both dragged from the file manager onto the tab
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (photo(tmp_path / "good.jpg"), fake)])
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tab.dropEvent(drop)
    assert drop.isAccepted()
    assert tab.reading is not None
    qtbot.waitUntil(lambda: tab.reading is None, timeout=10000)
    assert tab.attach_dialog is None
    assert any("身份证.jpg" in text for text in answers)
    assert "所选的2个文件都没有添加。请去掉这个文件，重新添加其他文件。" in answers[-1]
    with county.read() as conn:
        assert attachments_of(conn, household_id(county)) == []
    assert tab.buttons["add"].isEnabled()


def test_home_lists_the_household_missing_documents_and_opens_its_evidence(
    qtbot: QtBot, window: MainWindow
) -> None:
    home = window.dashboard
    home.refresh()
    qtbot.waitUntil(lambda: home.stats is not None and home._task is None, timeout=20000)
    lines = home.evidence.texts()
    assert any(line.startswith(HEAD) and "户口簿" in line for line in lines)
    assert home.boxes[3].title() == "申请缺少证明材料（1户）"
    item = home.evidence.list.item(0)
    home.evidence.list.itemActivated.emit(item)
    page = window.household_page
    assert page is not None and page.tabs.currentWidget() is page.evidence
