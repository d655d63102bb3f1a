"""A table view set up as every list of records in the app is: whole rows selected, read-only, Tab leaves the
table (arrows move inside it), alternating rows, no row numbers, one line per row, columns sized to their contents.

    table = record_table("users_table", self.tr("Users"), model, stretch=UsersModel.Column.DISPLAY_NAME)

Names of places and agencies stay readable at 1366×768 and in a longer translation: the model's ``PLACE_COLUMNS``
(a facility, an agency) share the spare width and never get less than ``PLACE_MIN_CHARS`` average characters,
because the widest of the other columns, sized to their contents, are capped when they would not leave it
(``ColumnFitter``). Text that
still does not fit is elided in the middle ("Banteay Meanchey Pro…(Serei Saophoan)", not "Bant…"), and the
model's tooltip holds every cell's full text (``ui.models.table.TableModel.tooltip``).
"""

from __future__ import annotations

from ui.qt import QAbstractItemModel, QAbstractItemView, QEvent, QHeaderView, QObject, Qt, QTableView, QTimer

__all__ = ["PLACE_MIN_CHARS", "ColumnFitter", "record_table"]

PLACE_MIN_CHARS = 30      # "Poipet Referral Hospital" whole; the longest names elided in the middle, still legible
OTHER_MIN_CHARS = 10      # a column sized to its contents is never capped below this


class ColumnFitter(QObject):
    """Keeps the place columns of ``table`` at least ``PLACE_MIN_CHARS`` wide. The other columns are sized to their
    contents; when they would leave less than that, the widest of them are capped (``maximumSectionSize``, which
    Stretch columns ignore) at the one width that leaves it — the narrow ones keep their whole text. Refitted when
    the table is resized and when its rows change."""

    def __init__(self, table: QTableView, place_columns: frozenset[int]) -> None:
        super().__init__(table)
        self.table = table
        self.place_columns = place_columns
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.fit)
        table.viewport().installEventFilter(self)
        model = table.model()
        for sig in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged, model.layoutChanged,
                    model.headerDataChanged):
            sig.connect(self._pending.start)
        self.fit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        """Refit until the cap settles: Qt measures a column's hint under the cap in force, so a cap set while the
        rows were still loading hides how wide they want to be; a second pass sees it (three at most)."""
        for _ in range(3):
            if not self._fit_once():
                return

    def _fit_once(self) -> bool:
        """One pass; True if it changed the cap."""
        t = self.table
        header = t.horizontalHeader()
        others = [c for c in range(t.model().columnCount()) if c not in self.place_columns]
        if not others:
            return False
        char = max(1, t.fontMetrics().averageCharWidth())
        spare = t.viewport().width() - len(self.place_columns) * PLACE_MIN_CHARS * char
        wanted = sorted(max(t.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in others)
        cap = wanted[-1]
        for i, w in enumerate(wanted):      # the narrow columns keep their width; the rest share what is left
            left = len(wanted) - i
            if w * left > spare:
                cap = spare // left
                break
            spare -= w
        cap = max(cap, OTHER_MIN_CHARS * char, header.minimumSectionSize())
        if header.maximumSectionSize() == cap:
            return False
        header.setMaximumSectionSize(cap)
        header.resizeSections()               # the sections sized to their contents, again, under the new cap
        return True


def record_table(name: str, accessible: str, model: QAbstractItemModel, *, stretch: int,
                 multi: bool = False) -> QTableView:
    """``stretch``: the column that takes the spare width when the model has no place columns (a model's
    ``PLACE_COLUMNS`` take it when it has); ``multi``: Shift/Ctrl select several rows."""
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
    t.setWordWrap(False)
    t.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    t.verticalHeader().setVisible(False)
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    places = frozenset(int(c) for c in getattr(model, "PLACE_COLUMNS", frozenset()))
    for c in places or {int(stretch)}:
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
    if places:
        t.fitter = ColumnFitter(t, places)   # type: ignore[attr-defined]
    return t
