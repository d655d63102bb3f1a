"""A table view set up as every list of records in the app is: whole rows selected, read-only, Tab leaves the
table (arrows move inside it), alternating rows, no row numbers, columns sized to their contents.

    table = record_table("users_table", self.tr("Users"), model, stretch=UsersModel.Column.DISPLAY_NAME)
"""

from __future__ import annotations

from ui.qt import QAbstractItemModel, QAbstractItemView, QHeaderView, QTableView

__all__ = ["record_table"]


def record_table(name: str, accessible: str, model: QAbstractItemModel, *, stretch: int,
                 multi: bool = False) -> QTableView:
    """``stretch``: the column that takes the spare width; ``multi``: Shift/Ctrl select several rows."""
    t = QTableView()
    t.setObjectName(name)
    t.setAccessibleName(accessible)
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                       else QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setTabKeyNavigation(False)
    t.setAlternatingRowColors(True)
    t.verticalHeader().setVisible(False)
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return t
