"""checkpoint.storage

``db`` is imported first, whichever storage module is asked for: it makes sqlite-utils use SQLCipher's module,
which must happen before anything imports sqlite_utils (``store`` and ``schema`` import it at their top).
"""

from checkpoint.storage import db as _db  # noqa: F401  (first: see above)
