"""Top-level windows: the main window, sign-in and first-run set-up."""
