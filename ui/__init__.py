"""Desktop app (PySide6). Not built yet: see the desktop-app issue."""
