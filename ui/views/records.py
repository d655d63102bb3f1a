"""The records browser: search, the lazy list of persons, and the selected person's record beside it.

    view = RecordsView(ctx)          # Ctrl+F search · Down into the list · Enter opens · Esc back to search

Search runs as you type after a short pause (``search_delay_ms``); Enter runs it at once. Opening is explicit
(Enter or double-click), never on mere selection: reading a record is logged, and arrowing down a list must not
log a read of every person passed over. Selecting another row takes the open record off the screen, so the pane
never shows one person while another is selected.
"""

from __future__ import annotations

from ui.context import AppContext
from ui.models.persons import Column, PersonsModel
from ui.qt import (
    QAbstractItemView,
    QEvent,
    QHeaderView,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QShortcut,
    QSplitter,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.views.person_detail import PersonDetail

__all__ = ["RecordsView"]


class RecordsView(QWidget):
    """Search box + persons table + detail pane. ``opened(person_id)`` fires when a record is opened."""

    opened = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, page_size: int = 200,
                 search_delay_ms: int = 300) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = PersonsModel(ctx, self, page_size=page_size)

        self.search = QLineEdit()
        self.search.setObjectName("records_search")
        self.search.setAccessibleName(self.tr("Search persons"))
        self.search.setPlaceholderText(self.tr("Search: name (Latin or Khmer), document number, phone or "
                                               "date of birth"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.search.installEventFilter(self)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(search_delay_ms)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.run_search)

        self.count = QLabel()
        self.count.setObjectName("records_count")
        self.count.setTextFormat(Qt.TextFormat.PlainText)

        self.table = QTableView()
        self.table.setObjectName("records_table")
        self.table.setAccessibleName(self.tr("Persons"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)   # never measure a million rows
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        hh.setSortIndicatorShown(False)
        self._size_columns()
        # activated = Enter, or a double-click (a single click where the platform style says so)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.installEventFilter(self)

        self.detail = PersonDetail(ctx, self)
        self.detail.setObjectName("person_detail")

        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.search)
        left_lay.addWidget(self.count)
        left_lay.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(split)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)

        self.model.count_changed.connect(self._show_count)
        self.model.failed.connect(self.count.setText)
        self.model.modelReset.connect(self._after_reset)
        self._show_count(self.model.rowCount())

    # ------------------------------------------------------------------ actions
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def run_search(self) -> None:
        """Search for the text in the box now (empty text shows the whole list)."""
        self._debounce.stop()
        self.model.set_query(self.search.text())

    def open_row(self, row: int) -> bool:
        """Open the person on ``row`` in the detail pane; False if that row is not loaded yet."""
        pid = self.model.person_id(row)
        if pid is None:
            return False
        self.detail.show_person(pid)
        self.opened.emit(pid)
        return True

    def clear(self) -> None:
        """Take everything off the screen (the app locks): the search text, the list and the open record."""
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.clear()
        self.detail.clear()

    def reload(self) -> None:
        self.model.reload()

    # ------------------------------------------------------------------ internals
    def _size_columns(self) -> None:
        """Column widths from the header text and a typical value (measuring the rows would read them all)."""
        fm = self.table.fontMetrics()
        samples = {Column.FAMILY_NAME: "CHHOEUNG", Column.GIVEN_NAMES: "SOKUNTHEA",
                   Column.NAME_KHMER: "សុគន្ធា សុគន្ធា", Column.SEX: self.model.display({"sex": "UNKNOWN"}, Column.SEX),
                   Column.DATE_OF_BIRTH: self.model.display({"date_of_birth": "2000-12-31", "dob_estimated": 1},
                                                            Column.DATE_OF_BIRTH),
                   Column.DOCUMENT_NUMBER: "N00000000000", Column.LAST_ARRIVAL: "2026-12-31 23:59"}
        for col, sample in samples.items():
            header = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            width = max(fm.horizontalAdvance(header), fm.horizontalAdvance(sample)) + 3 * fm.averageCharWidth()
            self.table.horizontalHeader().resizeSection(col, width)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index.row())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        pid = self.model.person_id(current.row())
        if self.detail.person_id is not None and pid != self.detail.person_id:
            self.detail.clear(self.tr("Press Enter to open the selected person."))

    def _after_reset(self) -> None:
        self.table.setSortingEnabled(False)
        if self.model.is_search:
            # Search results are few and all loaded: any column sorts; the list itself stays newest first.
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(self.model.is_search)

    def _show_count(self, n: int) -> None:
        if self.model.is_search:
            text = self.tr("%n persons found", "", n)
            if n >= self.model.search_limit:
                text += " " + self.tr("(only the first %n are shown; refine the search)", "", n)
        else:
            text = self.tr("%n persons", "", n)
        self.count.setText(text)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if obj is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                self._enter_table()
                return True
            if obj is self.table and key == Qt.Key.Key_Escape:
                self.focus_search()
                return True
        return super().eventFilter(obj, event)

    def _enter_table(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        current = self.table.currentIndex()
        if not current.isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
