"""The one base of the app's table models: named columns, a header per column, and the same custom roles.

    class UsersModel(RecordTableModel):
        class Column(IntEnum):
            USERNAME = 0
            ROLE = 1
        def header(self, column): ...                 # the column's title
        def display(self, row, column): ...           # the cell's text (also its accessible text)

    model.replace_rows(session.users.list())          # row dataclasses or dicts, each with an ``id``
    model.index(0, UsersModel.Column.ROLE).data(UsersModel.RowRole)    # the row, as a dict (a copy)

Every model has ``Column`` (an IntEnum naming the columns in order), ``PLACE_COLUMNS`` (the columns holding names of
places or agencies, long text that ``ui.widgets.tables.record_table`` keeps readable), ``RowRole`` (the domain object
as a dict), ``IdRole`` (its id, ``ID_KEY`` of the row) and ``SortKeyRole`` (a value that sorts the column correctly: a
date as ISO text, a stage by its place in the cascade). The tooltip of a cell is its full text unless a model says
more. :class:`TableModel` reads rows from wherever a subclass keeps
them (``row_at``: the lazy persons model answers None for a row not loaded yet, and ``placeholder`` says what
such a cell shows). :class:`RecordTableModel` keeps them in memory and updates the view with the least it can:
``dataChanged`` for rows that changed, ``rowsRemoved`` when rows only went away, a reset otherwise.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from enum import IntEnum
from typing import Any

from ui.qt import QAbstractTableModel, QByteArray, QModelIndex, QObject, QPersistentModelIndex, Qt

__all__ = ["RecordTableModel", "TableModel", "as_row"]

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


def as_row(record: Any) -> dict[str, Any]:
    """A row dict from a service's row dataclass (``UserAccount``, ``ReferralRow``...) or a mapping (copied)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    return dict(record)


class TableModel(QAbstractTableModel):
    """Columns, header, roles and cell text; subclasses set ``Column`` (and ``PLACE_COLUMNS``) and implement
    ``rowCount``, ``row_at``, ``header`` and ``display`` (and may refine ``sort_key``, ``tooltip``,
    ``header_tooltip``, ``placeholder``)."""

    RowRole = int(Qt.ItemDataRole.UserRole) + 1      # the row as a dict (a copy); None for a row not loaded
    IdRole = int(Qt.ItemDataRole.UserRole) + 2       # the row's id (str); None for a row not loaded
    SortKeyRole = int(Qt.ItemDataRole.UserRole) + 3  # a value that sorts the column (str or int)

    Column: type[IntEnum]
    ID_KEY = "id"
    # Columns holding names of places or agencies (a facility, an agency, a province): long text. record_table gives
    # them the spare width and at least PLACE_MIN_CHARS, and elides them in the middle; the tooltip has it whole.
    PLACE_COLUMNS: frozenset[int] = frozenset()

    # -- what subclasses provide
    def row_at(self, row: int) -> dict[str, Any] | None:
        """The row's dict, or None when it is not loaded (or out of range). Must not copy: data() copies."""
        raise NotImplementedError

    def header(self, column: IntEnum) -> str:
        raise NotImplementedError

    def display(self, row: dict[str, Any], column: IntEnum) -> str:
        raise NotImplementedError

    def sort_key(self, row: dict[str, Any], column: IntEnum) -> Any:
        return self.display(row, column)

    def tooltip(self, row: dict[str, Any], column: IntEnum) -> str | None:
        """The cell's full text (a view may elide any cell: a narrow screen, a longer translation)."""
        return self.display(row, column) or None

    def header_tooltip(self, column: IntEnum) -> str | None:
        return None

    def placeholder(self, role: int) -> Any:
        """What a cell of a row that is not loaded yet shows for ``role`` (nothing, unless a subclass says)."""
        return None

    # -- the Qt model API
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.Column):
            if role == _DISPLAY:
                return self.header(self.Column(section))
            if role == _TOOLTIP:
                return self.header_tooltip(self.Column(section))
            return None
        if orientation == Qt.Orientation.Vertical and role == _DISPLAY and 0 <= section < self.rowCount():
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount() or not 0 <= index.column() < len(self.Column):
            return None
        role = int(role)
        row = self.row_at(index.row())
        if role == self.RowRole:
            return dict(row) if row is not None else None
        if role == self.IdRole:
            return row[self.ID_KEY] if row is not None else None
        if row is None:
            return self.placeholder(role)
        column = self.Column(index.column())
        if role in (_DISPLAY, _ACCESSIBLE):
            return self.display(row, column)
        if role == _TOOLTIP:
            return self.tooltip(row, column)
        if role == self.SortKeyRole:
            return self.sort_key(row, column)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names[self.RowRole] = QByteArray(b"row")
        names[self.IdRole] = QByteArray(b"id")
        names[self.SortKeyRole] = QByteArray(b"sortKey")
        return names

    # -- helpers
    def record(self, row: int) -> dict[str, Any] | None:
        """A copy of the row's dict (None when it is not loaded or out of range)."""
        d = self.row_at(row) if 0 <= row < self.rowCount() else None
        return dict(d) if d is not None else None

    def rows_changed(self, first: int, last: int) -> None:
        """Tell the views that rows ``first``..``last`` (every column) changed: a partial update, no reset."""
        if first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.Column) - 1))


class RecordTableModel(TableModel):
    """Rows held in memory, one dict per row with an id (``ID_KEY``); see the module docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, row: int) -> dict[str, Any] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def ids(self) -> list[str]:
        return [r[self.ID_KEY] for r in self._rows]

    def row_of(self, record_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r[self.ID_KEY] == record_id:
                return i
        return -1

    # -- writing
    def replace_rows(self, rows: Iterable[Any]) -> None:
        """Show ``rows`` (dicts, or the services' row dataclasses). Same ids in the same order: ``dataChanged`` for
        each changed row only; some rows gone and nothing else different: ``rowsRemoved``; anything else: a model
        reset."""
        new = [as_row(r) for r in rows]
        old_ids = self.ids()
        new_ids = [r[self.ID_KEY] for r in new]
        if new_ids == old_ids:
            for i, r in enumerate(new):
                if r != self._rows[i]:
                    self._rows[i] = r
                    self.rows_changed(i, i)
            return
        kept = set(new_ids)
        if set(old_ids) > kept and [i for i in old_ids if i in kept] == new_ids:
            self.remove_ids(set(old_ids) - kept)
            self.replace_rows(new)   # now the same ids: emits dataChanged for rows that changed meanwhile
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def update_row(self, record_id: str, changes: Mapping[str, Any]) -> bool:
        """Merge ``changes`` into one row and emit ``dataChanged`` for it; False if the row is not shown."""
        i = self.row_of(record_id)
        if i < 0:
            return False
        self._rows[i] = {**self._rows[i], **changes}
        self.rows_changed(i, i)
        return True

    def remove_ids(self, ids: Iterable[str]) -> None:
        """Remove these rows, one contiguous block at a time (bottom up, so indexes stay valid)."""
        gone = set(ids)
        i = len(self._rows) - 1
        while i >= 0:
            if self._rows[i][self.ID_KEY] in gone:
                end = i
                while i - 1 >= 0 and self._rows[i - 1][self.ID_KEY] in gone:
                    i -= 1
                self.beginRemoveRows(QModelIndex(), i, end)
                del self._rows[i:end + 1]
                self.endRemoveRows()
            i -= 1
