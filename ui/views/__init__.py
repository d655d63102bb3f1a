"""The screens inside the main window (one per navigation entry), built the first time they are shown."""
