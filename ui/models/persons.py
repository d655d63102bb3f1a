"""The checkpoint's list of persons as a lazy table model: it scrolls a 1,000,000-row store without loading it.

    model = PersonsModel(ctx)              # counts the store, then loads pages as the view asks for rows
    model.set_query("SOK")                 # search results (up to 200); set_query("") goes back to the list
    model.data(model.index(0, 0), PersonsModel.PersonIdRole)

How rows are loaded (list mode). ``rowCount()`` is the true total from ``records.count()``, so the scroll bar
has its real size from the start and End / dragging the thumb jumps straight to the last rows. Rows are cut into
pages of ``page_size``; ``data()`` for a row whose page is not loaded shows "…" and asks for that page. Page
loads go through the task runner (never the GUI thread), at most one at a time; while one is in flight, newer
requests queue and only the most recent few are kept, so dragging the thumb across a million rows fetches the
pages where it stops, not every page it passed. When a page arrives the model emits ``dataChanged`` for its
rows. Loaded pages are kept in a small LRU cache, so memory stays flat however far the user scrolls.

We did not use ``canFetchMore``/``fetchMore``: that protocol grows ``rowCount()`` as the user reaches the
bottom, so reaching row 999,999 would mean fetching every page before it, and the scroll bar would lie about
the size of the list.

Search mode holds at most ``search_limit`` rows, all loaded at once; it can be sorted by any column
(``SortKeyRole``). The list itself is always newest first: sorting a million rows needs an ordering option in
``session.records.page``.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from enum import IntEnum
from typing import Any

from checkpoint.services.changes import Changes
from ui.messages import error_message, field_label
from ui.qt import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from ui.text import local_datetime

__all__ = ["PLACEHOLDER", "Column", "PersonsModel"]

PLACEHOLDER = "…"


class Column(IntEnum):
    FAMILY_NAME = 0
    GIVEN_NAMES = 1
    NAME_KHMER = 2
    SEX = 3
    DATE_OF_BIRTH = 4
    DOCUMENT_NUMBER = 5
    LAST_ARRIVAL = 6


# The row-dict key behind each column (the dicts are PersonSummary fields, from session.records).
COLUMN_FIELDS: dict[Column, str] = {
    Column.FAMILY_NAME: "family_name",
    Column.GIVEN_NAMES: "given_names",
    Column.NAME_KHMER: "name_khmer",
    Column.SEX: "sex",
    Column.DATE_OF_BIRTH: "date_of_birth",
    Column.DOCUMENT_NUMBER: "id_document_number",
    Column.LAST_ARRIVAL: "last_arrival_at",
}

PERSON_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1   # the person's id (str), None for a row not yet loaded
SORT_KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 2    # a casefolded str that sorts the column correctly
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 3         # the row's summary dict, None for a row not yet loaded
_CONTENT_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.AccessibleTextRole),
                            PERSON_ID_ROLE, SORT_KEY_ROLE, ROW_ROLE})


def _row(summary: Any) -> dict[str, Any]:
    """A row dict from a ``PersonSummary`` (a dict is copied)."""
    return dataclasses.asdict(summary) if dataclasses.is_dataclass(summary) else dict(summary)


class PersonsModel(QAbstractTableModel):
    """Persons, newest first (list mode) or the results of a search (search mode). See the module docstring."""

    PersonIdRole = PERSON_ID_ROLE
    SortKeyRole = SORT_KEY_ROLE
    RowRole = ROW_ROLE

    count_changed = Signal(int)     # rows now available (the store's total, or the number of search results)
    failed = Signal(str)            # a translated message: a page, the count or a search could not be loaded

    def __init__(self, ctx: Any, parent: QObject | None = None, *, page_size: int = 200,
                 max_cached_pages: int = 50, max_queued_pages: int = 4, search_limit: int = 200,
                 auto_reload: bool = True) -> None:
        super().__init__(parent)
        if page_size < 1 or max_cached_pages < 1 or max_queued_pages < 1:
            raise ValueError("page_size, max_cached_pages and max_queued_pages must be at least 1")
        self._ctx = ctx
        self.page_size = page_size
        self.search_limit = search_limit
        self._max_cached = max_cached_pages
        self._max_queued = max_queued_pages
        self._query = ""
        self._gen = 0                                       # bumped on every reset; late answers are dropped
        self._counted = False                               # this mode's count (or results) has arrived
        self._total = 0
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()   # LRU, most recent last
        self._stale: set[int] = set()                       # shown, but older than the last reload
        self._failed_pages: set[int] = set()                # not retried until the next reload
        self._wanted: OrderedDict[int, None] = OrderedDict()  # pages asked for, most recent last
        self._inflight: tuple[int, int] | None = None      # (generation, page) being fetched
        self._results: list[dict[str, Any]] = []
        if auto_reload:
            ctx.changed.connect(self._on_changed)
        self.reload()

    # ------------------------------------------------------------------ state
    @property
    def query(self) -> str:
        return self._query

    @property
    def is_search(self) -> bool:
        return bool(self._query)

    @property
    def ready(self) -> bool:
        """True once the current mode's first answer (the count, or the search results) has arrived."""
        return self._counted

    def row_dict(self, row: int) -> dict[str, Any] | None:
        """The summary dict of a loaded row (None for a placeholder or a row out of range)."""
        if self.is_search:
            return self._results[row] if 0 <= row < len(self._results) else None
        if not 0 <= row < self._total:
            return None
        rows = self._pages.get(row // self.page_size)
        i = row % self.page_size
        return rows[i] if rows is not None and i < len(rows) else None

    def person_id(self, row: int) -> str | None:
        d = self.row_dict(row)
        return d["id"] if d else None

    def loaded_pages(self) -> list[int]:
        return sorted(self._pages)

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._results) if self.is_search else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if int(role) in (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)):
            col = Column(section)
            if col is Column.LAST_ARRIVAL:
                return self.tr("Last arrival")
            return field_label(COLUMN_FIELDS[col])
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names[self.PersonIdRole] = QByteArray(b"personId")
        names[self.SortKeyRole] = QByteArray(b"sortKey")
        names[self.RowRole] = QByteArray(b"row")
        return names

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        role = int(role)
        row, col = index.row(), index.column()
        if not (0 <= row < self.rowCount() and 0 <= col < len(Column)):
            return None
        if role not in _CONTENT_ROLES:
            return None
        d = self.row_dict(row)
        if not self.is_search:
            page = row // self.page_size
            if page not in self._pages or page in self._stale:
                self._want(page)
            else:
                self._pages.move_to_end(page)             # least recently shown pages are dropped first
        if role == self.RowRole:
            return d
        if role == self.PersonIdRole:
            return d["id"] if d else None
        if d is None:
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("Loading")
            return PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
        column = Column(col)
        if role == self.SortKeyRole:
            return self.sort_key(d, column)
        return self.display(d, column)

    def display(self, d: dict[str, Any], column: Column) -> str:
        value = d.get(COLUMN_FIELDS[column])
        if column is Column.LAST_ARRIVAL:
            return local_datetime(value)
        if column is Column.SEX:
            return {"F": self.tr("Female"), "M": self.tr("Male"), "X": self.tr("Other"),
                    "UNKNOWN": self.tr("Not specified")}.get(value or "", value or "")
        if column is Column.DATE_OF_BIRTH and value and d.get("dob_estimated"):
            return self.tr("%1 (estimated)").replace("%1", str(value))
        return "" if value is None else str(value)

    @staticmethod
    def sort_key(d: dict[str, Any], column: Column) -> str:
        value = d.get(COLUMN_FIELDS[column])
        return "" if value is None else str(value).casefold()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort search results by a column (the list itself stays newest first; see the module docstring)."""
        if not self.is_search or not 0 <= column < len(Column) or len(self._results) < 2:
            return
        col = Column(column)
        self.layoutAboutToBeChanged.emit()
        order_rows = sorted(range(len(self._results)), key=lambda r: (self.sort_key(self._results[r], col), r),
                            reverse=order == Qt.SortOrder.DescendingOrder)
        new_row = {old: new for new, old in enumerate(order_rows)}
        self._results = [self._results[r] for r in order_rows]
        old_list = self.persistentIndexList()
        self.changePersistentIndexList(
            old_list, [self.index(new_row[i.row()], i.column()) if i.isValid() else QModelIndex() for i in old_list])
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ modes
    def set_query(self, text: str) -> None:
        """Show the search results for ``text`` (session.records.search, up to ``search_limit``); '' shows the list."""
        q = (text or "").strip()
        if q == self._query and self._counted:
            return
        self._reset(q)
        self._load()

    def reload(self) -> None:
        """Load again from the store, keeping what is on screen until the new rows arrive.

        List mode: a changed total resets the model (rows shifted); the same total re-fetches the loaded pages and
        updates them in place (``dataChanged``), so selection and scroll position stay. Search mode: the search is
        run again; the same persons in the same order are updated in place, anything else resets.
        """
        if not self._counted:
            self._load()
            return
        self._gen += 1
        self._failed_pages.clear()
        self._wanted.clear()
        if self.is_search:
            self._load()
            return
        self._stale = set(self._pages)
        self._load()

    def clear(self) -> None:
        """Forget every row (used when the screen locks); the next reload() starts from nothing."""
        self._reset("")
        self._counted = False

    def _on_changed(self, changes: Changes) -> None:
        if changes.persons or changes.encounters:
            self.reload()

    def _reset(self, query: str) -> None:
        self.beginResetModel()
        self._gen += 1
        self._query = query
        self._counted = False
        self._total = 0
        self._results = []
        self._pages.clear()
        self._stale.clear()
        self._failed_pages.clear()
        self._wanted.clear()
        self.endResetModel()

    # ------------------------------------------------------------------ loading (results arrive on the GUI thread)
    def _load(self) -> None:
        gen, session = self._gen, self._ctx.session
        if self._query:
            self._ctx.call(session.records.search, self._query, limit=self.search_limit,
                           on_done=lambda rows: self._on_results(gen, rows), on_error=self._on_error)
        else:
            self._ctx.call(session.records.count, on_done=lambda n: self._on_count(gen, n),
                           on_error=self._on_error)

    def _on_error(self, exc: BaseException) -> None:
        self._ctx.show_error(None, exc)
        self.failed.emit(error_message(exc))

    def _on_results(self, gen: int, summaries: list[Any]) -> None:
        if gen != self._gen:
            return
        rows = [_row(s) for s in summaries]
        first = not self._counted
        same = [r["id"] for r in rows] == [r["id"] for r in self._results]
        if same and not first and rows:
            self._results = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(Column) - 1))
        else:
            self.beginResetModel()
            self._results = list(rows)
            self._counted = True
            self.endResetModel()
        self._counted = True
        self.count_changed.emit(len(self._results))

    def _on_count(self, gen: int, total: int) -> None:
        if gen != self._gen:
            return
        if not self._counted or total != self._total:
            self.beginResetModel()
            self._gen += 1
            self._total = max(0, int(total))
            self._counted = True
            self._pages.clear()
            self._stale.clear()
            self._wanted.clear()
            self.endResetModel()
        else:
            # Same total: re-fetch the most recently used pages now (those are on screen); other stale pages are
            # re-fetched when the view next asks for their rows.
            for page in list(self._pages):
                self._want(page, dispatch=False)
            self._dispatch()
        self.count_changed.emit(self._total)

    def _want(self, page: int, *, dispatch: bool = True) -> None:
        if page in self._failed_pages or self._inflight == (self._gen, page):
            return
        self._wanted.pop(page, None)
        self._wanted[page] = None
        while len(self._wanted) > self._max_queued:
            self._wanted.popitem(last=False)       # the oldest request: the user has scrolled past it
        if dispatch:
            self._dispatch()

    def _dispatch(self) -> None:
        if self._inflight is not None or not self._wanted:
            return
        page, _ = self._wanted.popitem(last=True)  # the newest request first: that is where the user is looking
        gen = self._gen
        self._inflight = (gen, page)
        self._ctx.call(self._ctx.session.records.page, offset=page * self.page_size, limit=self.page_size,
                       on_done=lambda rows: self._on_page(gen, page, rows),
                       on_error=lambda e: self._on_page_error(gen, page, e))

    def _on_page(self, gen: int, page: int, summaries: list[Any]) -> None:
        self._inflight = None
        if gen == self._gen:
            self._pages.pop(page, None)
            self._pages[page] = rows = [_row(s) for s in summaries]
            self._stale.discard(page)
            while len(self._pages) > self._max_cached:
                old, _ = self._pages.popitem(last=False)
                self._stale.discard(old)
            first = page * self.page_size
            last = min(first + self.page_size, self._total) - 1
            if first <= last:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))
            if len(rows) < last - first + 1:
                # Fewer rows than the count promised: persons were voided since. Count again (a reset follows).
                self.reload()
                return
        self._dispatch()

    def _on_page_error(self, gen: int, page: int, exc: BaseException) -> None:
        self._inflight = None
        if gen == self._gen:
            self._failed_pages.add(page)
            self._on_error(exc)
        self._dispatch()

