"""Modal forms opened from the views: one file per family (user accounts, corrections of a record)."""
