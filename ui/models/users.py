"""Local user accounts as a table (user management on the supervisor screen).

    model = UsersModel()
    model.replace_rows(session.users.list())       # id, username, display_name, role, status, failed_attempts
    model.data(model.index(0, UsersModel.Column.ROLE))   # "Supervisor"

Also the translated labels of roles and account states, and a simple passphrase strength hint.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from checkpoint.model.roles import ROLES
from checkpoint.passphrase import assess
from ui.models.table import RecordTableModel
from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["ROLE_LABELS", "STATUS_LABELS", "UsersModel", "passphrase_strength", "role_label", "status_label"]

ROLE_LABELS: dict[str, str] = {
    "officer": QT_TRANSLATE_NOOP("User", "Officer"),
    "health_worker": QT_TRANSLATE_NOOP("User", "Health worker"),
    "supervisor": QT_TRANSLATE_NOOP("User", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("User", "Administrator"),
}
STATUS_LABELS: dict[str, str] = {
    "active": QT_TRANSLATE_NOOP("User", "Active"),
    "disabled": QT_TRANSLATE_NOOP("User", "Locked"),
}
if set(ROLE_LABELS) != set(ROLES):
    raise RuntimeError("role labels out of step with checkpoint.model.roles.ROLES")


def role_label(role: str) -> str:
    return QCoreApplication.translate("User", ROLE_LABELS[role]) if role in ROLE_LABELS else role


def status_label(status: str) -> str:
    return QCoreApplication.translate("User", STATUS_LABELS[status]) if status in STATUS_LABELS else status


def passphrase_strength(passphrase: str, username: str = "") -> tuple[int, str]:
    """The core's verdict (``checkpoint.passphrase``) as a level and a translated label: 0 refused (the label says
    why), 2 fair, 3 strong.

        >>> passphrase_strength("password12")[0], passphrase_strength("rice field monsoon 42")[0]
        (0, 3)
    """
    verdict = assess(passphrase or "", username=username)
    if not verdict.ok:
        return 0, QCoreApplication.translate("Core", verdict.message)
    if verdict.score < 4:
        return 2, QCoreApplication.translate("User", "Fair: a few more words make it stronger")
    return 3, QCoreApplication.translate("User", "Strong")


class UsersModel(RecordTableModel):
    """One row per user as ``session.users.list()`` returns them."""

    class Column(IntEnum):
        USERNAME = 0
        DISPLAY_NAME = 1
        ROLE = 2
        STATUS = 3
        FAILED = 4

    def header(self, column: IntEnum) -> str:
        c = self.Column
        return {c.USERNAME: self.tr("User name"), c.DISPLAY_NAME: self.tr("Display name"), c.ROLE: self.tr("Role"),
                c.STATUS: self.tr("Status"), c.FAILED: self.tr("Wrong passphrases")}[self.Column(column)]

    def display(self, row: dict[str, Any], column: IntEnum) -> str:
        c = self.Column
        if column == c.USERNAME:
            return row.get("username") or ""
        if column == c.DISPLAY_NAME:
            return row.get("display_name") or ""
        if column == c.ROLE:
            return role_label(row.get("role") or "")
        if column == c.STATUS:
            return status_label(row.get("status") or "")
        return str(int(row.get("failed_attempts") or 0))

    def sort_key(self, row: dict[str, Any], column: IntEnum) -> Any:
        if column == self.Column.FAILED:
            return int(row.get("failed_attempts") or 0)
        return self.display(row, column)
