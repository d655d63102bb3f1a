"""Protocol versions. A peer that speaks another version gets a typed error, never a guess."""

PROTOCOL_VERSION = 1
SUPPORTED = frozenset({1})
