"""Table models, all on ui/models/table.py (named columns, row/id/sort-key roles, partial updates)."""
