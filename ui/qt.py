"""The one module that imports Qt (Anki's aqt/qt): everything in ui/ imports Qt names from here."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QMarginsF,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    QTranslator,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPixmap,
    QShortcut,
    QTextDocument,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark a constant for translation (lupdate reads the call); the text is translated where it is shown."""
    return text


# Written out (not computed) so that type checkers see what this module exports.
__all__ = [
    "QT_TRANSLATE_NOOP", "QAbstractItemModel", "QAbstractItemView", "QAbstractTableModel", "QAction",
    "QApplication", "QButtonGroup", "QByteArray", "QCheckBox", "QCloseEvent", "QColor", "QComboBox",
    "QCoreApplication", "QDate", "QDateEdit", "QDialog", "QDialogButtonBox", "QEvent", "QFileDialog", "QFont",
    "QFontDatabase", "QFormLayout", "QFrame", "QGridLayout", "QGroupBox", "QGuiApplication", "QHBoxLayout",
    "QHeaderView", "QIcon", "QImage", "QKeyEvent", "QKeySequence", "QLabel", "QLineEdit", "QListWidget",
    "QListWidgetItem", "QLocale", "QMainWindow", "QMarginsF", "QMessageBox", "QModelIndex", "QObject",
    "QPageLayout", "QPageSize", "QPainter", "QPalette", "QPdfWriter", "QPersistentModelIndex", "QPixmap",
    "QPlainTextEdit", "QPrintDialog", "QPrinter", "QPushButton", "QRadioButton", "QRectF", "QScrollArea",
    "QShortcut", "QSize", "QSizeF", "QSizePolicy", "QSpinBox", "QSplitter", "QStackedWidget", "QStatusBar",
    "QTabWidget", "QTableView", "QTextBrowser", "QTextDocument", "QTextOption", "QTimer", "QToolBar", "QTranslator",
    "QVBoxLayout", "QWidget", "QWizard", "QWizardPage", "Qt", "Signal", "Slot",
]
