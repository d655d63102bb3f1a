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

from collections import OrderedDict
from enum import IntEnum
from typing import Any

from checkpoint.services.changes import Changes
from ui.context import AppContext
from ui.messages import error_message, field_label
from ui.models.table import TableModel, as_row
from ui.qt import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
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

_CONTENT_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.AccessibleTextRole),
                            TableModel.IdRole, TableModel.SortKeyRole, TableModel.RowRole})

# Latest-wins keys of this model's reads (ui.tasks.Op.latest): the count or the search results, and a page.
_ROWS, _PAGE = "rows", "page"


class PersonsModel(TableModel):
    """Persons, newest first (list mode) or the results of a search (search mode). See the module docstring."""

    Column = Column
    PersonIdRole = TableModel.IdRole

    count_changed = Signal(int)     # rows now available (the store's total, or the number of search results)
    failed = Signal(str)            # a translated message: a page, the count or a search could not be loaded

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *, page_size: int = 200,
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
        self._counted = False                               # this mode's count (or results) has arrived
        self._total = 0
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()   # LRU, most recent last
        self._stale: set[int] = set()                       # shown, but older than the last reload
        self._failed_pages: set[int] = set()                # not retried until the next reload
        self._wanted: OrderedDict[int, None] = OrderedDict()  # pages asked for, most recent last
        self._inflight: int | None = None                   # the page being fetched (one at a time)
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

    # ------------------------------------------------------------------ the table (ui.models.table.TableModel)
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._results) if self.is_search else self._total

    def row_at(self, row: int) -> dict[str, Any] | None:
        return self.row_dict(row)

    def header(self, column: IntEnum) -> str:
        col = Column(column)
        return self.tr("Last arrival") if col is Column.LAST_ARRIVAL else field_label(COLUMN_FIELDS[col])

    def header_tooltip(self, column: IntEnum) -> str | None:
        return self.header(column)

    def placeholder(self, role: int) -> Any:
        if role == int(Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("Loading")
        return PLACEHOLDER if role == int(Qt.ItemDataRole.DisplayRole) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """As every table model's; reading a row whose page is not loaded (or is stale) asks for that page."""
        if (int(role) in _CONTENT_ROLES and index.isValid() and not self.is_search
                and 0 <= index.row() < self._total and 0 <= index.column() < len(Column)):
            page = index.row() // self.page_size
            if page not in self._pages or page in self._stale:
                self._want(page)
            else:
                self._pages.move_to_end(page)             # least recently shown pages are dropped first
        return super().data(index, role)

    def display(self, row: dict[str, Any], column: IntEnum) -> str:
        col = Column(column)
        value = row.get(COLUMN_FIELDS[col])
        if col is Column.LAST_ARRIVAL:
            return local_datetime(value)
        if col is Column.SEX:
            return {"F": self.tr("Female"), "M": self.tr("Male"), "X": self.tr("Other"),
                    "UNKNOWN": self.tr("Not specified")}.get(value or "", value or "")
        if col is Column.DATE_OF_BIRTH and value and row.get("dob_estimated"):
            return self.tr("%1 (estimated)").replace("%1", str(value))
        return "" if value is None else str(value)

    def sort_key(self, row: dict[str, Any], column: IntEnum) -> str:
        value = row.get(COLUMN_FIELDS[Column(column)])
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
        self._forget_page_in_flight()
        self._failed_pages.clear()
        self._wanted.clear()
        if not self.is_search:
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
        self._ctx.runner.drop_pending(_ROWS, self)           # a count or search for the old mode must not land
        self._forget_page_in_flight()
        self._query = query
        self._counted = False
        self._total = 0
        self._results = []
        self._pages.clear()
        self._stale.clear()
        self._failed_pages.clear()
        self._wanted.clear()
        self.endResetModel()

    def _forget_page_in_flight(self) -> None:
        """The page being fetched belongs to rows that are about to change: drop its result when it comes (the
        next page request need not wait for it)."""
        self._ctx.runner.drop_pending(_PAGE, self)
        self._inflight = None

    # ------------------------------------------------------------------ loading (results arrive on the GUI thread)
    def _load(self) -> None:
        """Ask for the count (list mode) or the search results; only the newest request's answer is used."""
        session = self._ctx.session
        if self._query:
            self._ctx.call(session.records.search, self._query, limit=self.search_limit, on_done=self._on_results,
                           on_error=self._on_error, owner=self, latest=_ROWS)
        else:
            self._ctx.call(session.records.count, on_done=self._on_count, on_error=self._on_error, owner=self,
                           latest=_ROWS)

    def _on_error(self, exc: BaseException) -> None:
        self._ctx.show_error(None, exc)
        self.failed.emit(error_message(exc))

    def _on_results(self, summaries: list[Any]) -> None:
        rows = [as_row(s) for s in summaries]
        first = not self._counted
        same = [r["id"] for r in rows] == [r["id"] for r in self._results]
        if same and not first and rows:
            self._results = list(rows)
            self.rows_changed(0, len(rows) - 1)
        else:
            self.beginResetModel()
            self._results = list(rows)
            self._counted = True
            self.endResetModel()
        self._counted = True
        self.count_changed.emit(len(self._results))

    def _on_count(self, total: int) -> None:
        if not self._counted or total != self._total:
            self.beginResetModel()
            self._forget_page_in_flight()                    # asked for before the rows shifted
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
        if page in self._failed_pages or self._inflight == page:
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
        self._inflight = page
        self._ctx.call(self._ctx.session.records.page, offset=page * self.page_size, limit=self.page_size,
                       on_done=lambda rows: self._on_page(page, rows),
                       on_error=lambda e: self._on_page_error(page, e), owner=self, latest=_PAGE)

    def _on_page(self, page: int, summaries: list[Any]) -> None:
        self._inflight = None
        self._pages.pop(page, None)
        self._pages[page] = rows = [as_row(s) for s in summaries]
        self._stale.discard(page)
        while len(self._pages) > self._max_cached:
            old, _ = self._pages.popitem(last=False)
            self._stale.discard(old)
        first = page * self.page_size
        last = min(first + self.page_size, self._total) - 1
        self.rows_changed(first, last)
        if len(rows) < last - first + 1:
            # Fewer rows than the count promised: persons were voided since. Count again (a reset follows).
            self.reload()
            return
        self._dispatch()

    def _on_page_error(self, page: int, exc: BaseException) -> None:
        self._inflight = None
        self._failed_pages.add(page)
        self._on_error(exc)
        self._dispatch()
