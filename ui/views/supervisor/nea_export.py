"""NEA's export on the Data tab (issue 13, point 3): the persons registered for job placement in a period whose NEA
consent stands, as a CSV or XLSX file (the file dialog's filter, or the name's ending), in the documented layout or
rearranged by a mapping file for NEA's own template (docs/exports/nea.md).

    box = NeaExportBox(ctx, choose_path)      # choose_path("nea", suggested) -> a new file's path, or None
    box.choose_mapping = lambda: "/media/usb/nea-template.json"   # tests replace the open-file dialog
    box.pick_mapping(); box.clear_mapping(); box.export()
    box.finished.connect(...)                 # ("mapping" | "export") after each, done or refused

Who: supervisors (EXPORT) only; the Data tab adds the box for them, never for an admin. The service enforces the
same rule. The mapping file is checked when chosen (its problem is shown, translated, and it is not kept) and again
at export time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from checkpoint.errors import ValidationError
from checkpoint.model.roles import Permission, can
from checkpoint.paths import export_dir
from checkpoint.services.nea import NEA_COLUMNS, NeaExported
from checkpoint.services.nea_mapping import MappingError, NeaMapping, load_mapping
from ui.context import AppContext
from ui.messages import core_message, error_message
from ui.qt import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    Qt,
    QWidget,
    Signal,
)
from ui.widgets.basic import button, text_label
from ui.widgets.fields import ErrorLabel

__all__ = ["NeaExportBox", "visible_for"]

_WARNING_STYLE = "background: #fff3cd; color: #5c4400; border: 1px solid #d8a800; padding: 6px; font-weight: bold;"


def visible_for(role: str) -> bool:
    """Does ``role`` see the box? Exporting NEA's file is a supervisor's (EXPORT)."""
    return can(role, Permission.EXPORT)


class NeaExportBox(QGroupBox):
    """The period, the layout (documented, or a mapping file) and the export (see the module)."""

    finished = Signal(str)

    def __init__(self, ctx: AppContext, choose_path: Callable[[str, str], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("NEA job registrations"))
        self.setObjectName("nea_export_box")
        self.ctx = ctx
        self.choose_path = choose_path
        self.choose_mapping: Callable[[], str | None] = self._open_dialog
        self.mapping_path: str | None = None
        self.mapping: NeaMapping | None = None
        self._busy = False

        today = ctx.session.store.clock.now().astimezone(ctx.session.site.tz).date()   # the store's clock
        self.date_from = QLineEdit(today.replace(day=1).isoformat())
        self.date_from.setObjectName("nea_from")
        self.date_from.setAccessibleName(self.tr("First day (YYYY-MM-DD)"))
        self.date_to = QLineEdit(today.isoformat())
        self.date_to.setObjectName("nea_to")
        self.date_to.setAccessibleName(self.tr("Last day (YYYY-MM-DD)"))
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        period.addWidget(self.date_to)
        self.layout_label = text_label("nea_layout")
        self.layout_label.setTextFormat(Qt.TextFormat.PlainText)    # a mapping's name is text from a file
        self.layout_label.setAccessibleName(self.tr("Layout of the file"))
        self.mapping_btn = button(self.tr("Choose a mapping f&ile…"), "nea_mapping",
                                  self.tr("Choose a mapping file for NEA's own template"))
        self.clear_btn = button(self.tr("Documented la&yout"), "nea_mapping_clear",
                                self.tr("Use the documented NEA layout, no mapping"))
        self.export_btn = button(self.tr("Export for &NEA…"), "nea_export",
                                 self.tr("Export the NEA registrations as a CSV or XLSX file"))
        buttons = QHBoxLayout()
        for b in (self.mapping_btn, self.clear_btn, self.export_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.message = text_label("nea_message")
        self.message.setAccessibleName(self.tr("Result"))
        self.warning = text_label("nea_warning", _WARNING_STYLE)
        self.warning.setAccessibleName(self.tr("Warning"))
        self.error = ErrorLabel("nea_error", self.tr("Error"))

        form = QFormLayout(self)
        form.addRow(self.tr("Registered from, to"), period)
        form.addRow(self.tr("Layout"), self.layout_label)
        form.addRow(buttons)
        form.addRow(self.error)
        form.addRow(self.warning)
        form.addRow(self.message)
        self.warning.hide()
        self._show_layout()

        self.mapping_btn.clicked.connect(self.pick_mapping)
        self.clear_btn.clicked.connect(self.clear_mapping)
        self.export_btn.clicked.connect(self.export)

    def _open_dialog(self) -> str | None:
        start = export_dir()
        path, _sel = QFileDialog.getOpenFileName(self, self.tr("Mapping file for NEA's template"), str(start),
                                                 self.tr("Mapping files (*.json)"))
        return path or None

    def _show_layout(self) -> None:
        if self.mapping is None:
            self.layout_label.setText(self.tr("The documented NEA layout (%n column(s)).", "", len(NEA_COLUMNS)))
        else:
            name = self.mapping.name or Path(self.mapping_path or "").name
            self.layout_label.setText(self.tr("Mapping %1: %n column(s).", "", len(self.mapping.columns))
                                      .replace("%1", name))
        self.clear_btn.setEnabled(self.mapping is not None)

    def _clear_outcome(self) -> None:
        self.error.show_error("")
        self.warning.hide()
        self.message.clear()

    # -- the layout
    def pick_mapping(self) -> None:
        """Ask for a mapping file and check it; a refused file is named and not kept."""
        path = self.choose_mapping()
        if not path:
            return
        self._clear_outcome()
        self.ctx.call(load_mapping, path, NEA_COLUMNS, owner=self,
                      on_done=lambda m: self._mapping_chosen(path, m), on_error=self._mapping_refused)

    def _mapping_chosen(self, path: str, mapping: NeaMapping) -> None:
        self.mapping_path, self.mapping = path, mapping
        self._show_layout()
        self.finished.emit("mapping")

    def _mapping_refused(self, exc: BaseException) -> None:
        self.mapping_path, self.mapping = None, None
        self._show_layout()
        self.error.show_error(self._error_text(exc))
        self.finished.emit("mapping")

    def clear_mapping(self) -> None:
        self.mapping_path, self.mapping = None, None
        self._clear_outcome()
        self._show_layout()

    def _error_text(self, exc: BaseException) -> str:
        if isinstance(exc, MappingError):
            return core_message(exc.msg)
        if isinstance(exc, ValidationError) and exc.field == "out":
            return self.tr("That file already exists. Nothing was overwritten: choose a new name.")
        return error_message(exc)

    # -- the export
    def export(self) -> None:
        """Ask for a new .csv or .xlsx file and write NEA's file for the period there (plaintext: the warning)."""
        if self._busy:
            return
        self._clear_outcome()
        try:
            start, end = date.fromisoformat(self.date_from.text()), date.fromisoformat(self.date_to.text())
        except ValueError:
            self.error.show_error(self.tr("Write the dates as YYYY-MM-DD."))
            self.finished.emit("export")
            return
        path = self.choose_path("nea", f"nea-{end.strftime('%Y%m%d')}.xlsx")
        if not path:
            return
        if Path(path).suffix.lower() not in (".csv", ".xlsx"):
            path += ".xlsx"
        self._busy = True
        self.export_btn.setEnabled(False)
        self.ctx.activity.emit()

        def done(result: NeaExported) -> None:
            self.message.setText(self.tr("%n NEA registration(s) written to %1.", "", result.rows)
                                 .replace("%1", str(result.path)))
            self.warning.setText(self.tr("This file is NOT encrypted. Keep it only on an encrypted disk, hand it "
                                         "to NEA only, and delete it when you are done."))
            self.warning.show()
            self._end()

        def failed(exc: BaseException) -> None:
            self.error.show_error(self._error_text(exc))
            self._end()

        self.ctx.mutate(self.ctx.session.nea.export, start, end, path, mapping=self.mapping_path,
                        on_done=done, on_error=failed, owner=self)

    def _end(self) -> None:
        self._busy = False
        self.export_btn.setEnabled(True)
        self.finished.emit("export")
