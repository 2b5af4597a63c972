"""First start on a laptop: who is using it (name, role, area)."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import RegionLevel, WorkerRole
from caseworker.domain.regions import Region
from caseworker.domain.validation import ValidationFailed
from caseworker.store.db import Store
from caseworker.store.workers import Worker, known_regions, set_current_worker
from caseworker.ui.errors import in_full
from caseworker.ui.labels import label
from caseworker.ui.widgets.fields import CodeCombo, ErrorLabel
from caseworker.ui.widgets.guarded import grows_with_its_messages

ROLE_LEVEL = {
    WorkerRole.VILLAGE: RegionLevel.VILLAGE,
    WorkerRole.TOWNSHIP: RegionLevel.TOWNSHIP,
    WorkerRole.COUNTY: RegionLevel.COUNTY,
}


class FirstRunDialog(QDialog):
    """Choose the worker; ``worker`` is set once saved."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.worker: Worker | None = None
        self.setWindowTitle(self.tr("Welcome to Caseworker"))
        self.regions: list[Region] = known_regions(store)
        self.name = QLineEdit()
        self.role = CodeCombo(WorkerRole)
        self.area = QComboBox()
        self.error = ErrorLabel()
        intro = QLabel(self.tr("Who will use this laptop? This is asked once."))
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Your role"), self.role)
        form.addRow(self.tr("Your area"), self.area)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        grows_with_its_messages(self, layout)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        self.role.currentIndexChanged.connect(self._fill_areas)
        self._fill_areas()

    def _fill_areas(self) -> None:
        role = WorkerRole(self.role.code() or WorkerRole.VILLAGE.value)
        level = ROLE_LEVEL[role]
        names = {r.code: r.name for r in self.regions}
        self.area.clear()
        for region in self.regions:
            if region.level is level:
                parent = names.get(region.parent_code or "", "")
                self.area.addItem(f"{parent} {region.name}".strip(), region.code)
        if not self.area.count():
            self.area.addItem(label(level), None)

    def save(self) -> None:
        try:
            self.worker = set_current_worker(
                self.store,
                name=self.name.text(),
                role=self.role.code() or "",
                scope_code=self.area.currentData(),
            )
        except ValidationFailed as failed:
            self.error.show_message(in_full(failed.errors))
            return
        self.accept()
