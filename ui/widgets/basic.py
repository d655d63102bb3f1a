"""Small constructors that follow the house rules: a button or a label with its objectName and accessible name.

    ok = button(self.tr("&Approve selected"), "approve", self.tr("Approve the selected arrivals"))
    count = text_label("review_count")          # selectable, word-wrapped; empty until set
"""

from __future__ import annotations

from ui.qt import QLabel, QPushButton, Qt

__all__ = ["button", "text_label"]


def button(text: str, name: str, accessible: str) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setAccessibleName(accessible)
    return b


def text_label(name: str, style: str = "") -> QLabel:
    """A word-wrapped label whose text can be selected (and copied) with the mouse."""
    lab = QLabel()
    lab.setObjectName(name)
    lab.setWordWrap(True)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        lab.setStyleSheet(style)
    return lab
