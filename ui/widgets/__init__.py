"""Small widgets that follow the house rules (objectName = field id, an accessible name, plain values)."""
