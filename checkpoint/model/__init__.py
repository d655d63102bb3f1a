"""Domain model: validation and invariants, one module per aggregate. Pure functions over plain dicts."""
