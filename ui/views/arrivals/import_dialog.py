"""Import a handover list: the group's details, the column mapping (guessed from the headers, or the one remembered
for this authority), the bad rows with their sheet row and a translated reason, then Import. Nothing is written
unless every row is good, or "Import only the good rows" is ticked. Reading and checking run on the DB worker.

    dlg = ImportDialog(ctx)
    dlg.open_file(Path("bus-1.csv"))      # what the file chooser does
    dlg.import_list()                     # after the officer checked the mapping and the bad rows
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checkpoint.arrivals.codes import TRANSPORTS
from checkpoint.arrivals.handover import FIELDS, MAX_BYTES, ColumnMapping, HandoverError, read_table
from ui.context import AppContext
from ui.messages import error_message, field_label, tr
from ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

__all__ = ["ImportDialog"]


class ImportDialog(QDialog):
    imported = Signal(str)        # the new group's id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import a handover list"))
        self.path: Path | None = None
        self.headers: list[str] = []
        lay = QVBoxLayout(self)
        top = QFormLayout()
        choose = QHBoxLayout()
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setObjectName("import_file")
        browse = QPushButton(self.tr("&Choose the list…"))
        browse.setObjectName("import_browse")
        browse.clicked.connect(self._browse)
        choose.addWidget(self.file_label, 1)
        choose.addWidget(browse)
        top.addRow(self.tr("List"), choose)
        self.transport = QComboBox()
        self.transport.setObjectName("transport")
        for t in TRANSPORTS:
            self.transport.addItem(t.replace("_", " ").title(), t)
        top.addRow(self.tr("Transport"), self.transport)
        self.group_fields: dict[str, QLineEdit] = {}
        for name, title in (("vehicle", self.tr("Plate or number")), ("handover_ref", self.tr("Handover reference")),
                            ("handover_date", self.tr("Handover date")),
                            ("authority", self.tr("Thai detention or referring authority")),
                            ("expected_count", self.tr("Expected head count"))):
            w = QLineEdit()
            w.setObjectName(name)
            w.setAccessibleName(title)
            top.addRow(title, w)
            self.group_fields[name] = w
        lay.addLayout(top)
        lay.addWidget(QLabel(self.tr("Which column holds what:")))
        self.mapping_form = QFormLayout()
        self.columns: dict[str, QComboBox] = {}
        for f in FIELDS:
            cb = QComboBox()
            cb.setObjectName(f"column_{f}")
            cb.setAccessibleName(field_label(f))
            self.mapping_form.addRow(field_label(f), cb)
            self.columns[f] = cb
        lay.addLayout(self.mapping_form)
        self.check_button = QPushButton(self.tr("Chec&k the list"))
        self.check_button.setObjectName("import_check")
        self.check_button.clicked.connect(self.check)
        lay.addWidget(self.check_button)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.problems = QListWidget()
        self.problems.setObjectName("import_problems")
        self.problems.setAccessibleName(self.tr("Rows that cannot be imported"))
        lay.addWidget(self.problems, 1)
        self.only_good = QCheckBox(self.tr("Import only the &good rows (the others stay listed here)"))
        self.only_good.setObjectName("import_only_good")
        lay.addWidget(self.only_good)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("import_go")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_list)
        self.only_good.toggled.connect(lambda _b: self._enable())
        lay.addWidget(self.import_button)
        self._bad = 0
        self._good = 0

    # ------------------------------------------------------------------ choosing and checking
    def _browse(self) -> None:
        name, _f = QFileDialog.getOpenFileName(self, self.tr("Choose the handover list"), "",
                                               self.tr("Lists (*.csv *.xlsx *.txt)"))
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(path.name)
        self.headers = []
        self.check()

    def mapping(self) -> dict[str, str] | None:
        if not self.headers:
            return None
        return {f: cb.currentText() for f, cb in self.columns.items() if cb.currentIndex() > 0}

    def check(self) -> None:
        if self.path is None:
            return
        path, mapping = self.path, self.mapping()
        source = self.group_fields["authority"].text().strip()
        a = self.ctx.session.arrivals

        def read() -> tuple[list[str], Any]:
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
            headers = read_table(data, path.name)[0]          # the columns, even when the mapping is incomplete
            try:
                return headers, a.preview(data, path.name, mapping=mapping, source=source)
            except HandoverError as e:
                return headers, e
        self.ctx.call(read, on_done=self._checked, on_error=self._refused, owner=self, latest="check")

    def _refused(self, e: BaseException) -> None:
        self.problems.clear()
        self.summary.setText(error_message(e) if not isinstance(e, OSError) else
                             self.tr("The file could not be read."))
        self._good = 0
        self._enable()

    def _checked(self, result: tuple[list[str], Any]) -> None:
        headers, lst = result
        if not self.headers:
            self.headers = list(headers)
            guessed = ColumnMapping.guess(headers).columns if isinstance(lst, HandoverError) else lst.mapping.columns
            for f, cb in self.columns.items():
                cb.clear()
                cb.addItem("—")
                cb.addItems(self.headers)
                col = guessed.get(f)
                cb.setCurrentIndex(self.headers.index(col) + 1 if col in self.headers else 0)
        if isinstance(lst, HandoverError):
            self._refused(lst)
            return
        self.problems.clear()
        for p in lst.problems:
            self.problems.addItem(self.tr("Row %1 · %2: %3").replace("%1", str(p.row))
                                  .replace("%2", field_label(p.field)).replace("%3", tr("Core", p.message)))
        self._good, self._bad = len(lst.rows), len({p.row for p in lst.problems})
        self.summary.setText(self.tr("%1 good rows, %2 with problems.").replace("%1", str(self._good))
                             .replace("%2", str(self._bad)))
        self._enable()

    def _enable(self) -> None:
        self.import_button.setEnabled(self._good > 0 and (self._bad == 0 or self.only_good.isChecked()))

    # ------------------------------------------------------------------ importing
    def import_list(self) -> None:
        if self.path is None or not self.import_button.isEnabled():
            return
        path, mapping = self.path, self.mapping()
        group: dict[str, Any] = {k: w.text().strip() for k, w in self.group_fields.items() if w.text().strip()}
        group["transport"] = self.transport.currentData()
        only_good = self.only_good.isChecked()
        a = self.ctx.session.arrivals

        def run() -> Any:
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
            return a.import_list(data, path.name, group=group, mapping=mapping, only_good=only_good)
        self.ctx.mutate(run, on_done=self._done, on_error=self._refused, owner=self)

    def _done(self, imp: Any) -> None:
        self.imported.emit(imp.group_id)
        self.accept()
