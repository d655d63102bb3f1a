"""Text that arrived through a non-English keyboard layout (issue 19 §4).

A passport reader types the MRZ as key presses through the active layout: with the Khmer layout on (likely right
after typing a Khmer name), "P<KHM" arrives as Khmer letters. The MRZ alphabet is A-Z, 0-9 and "<" only, so any
character outside ASCII means the layout, not the document. A Latin passphrase typed on the Khmer layout also
arrives in Khmer letters.

    >>> typed_in_another_layout("P<KHMSOK<<DARA")
    False
    >>> typed_in_another_layout("ផ<ឃហមសោ")
    True

The scan is not mapped back to Latin: that needs the key-to-character table of the exact Windows Khmer layout on
the laptop (Windows ships two, "Khmer" and "Khmer (NIDA)"), with its shift states; no such table from a source
we can check is in this project, and a wrong guess would put wrong letters in an identity document's fields. The
officer is told to switch the layout and scan again instead.
"""

from __future__ import annotations

__all__ = ["KHMER_BLOCK", "has_khmer", "typed_in_another_layout"]

KHMER_BLOCK = ("\u1780", "\u17ff")


def has_khmer(text: str) -> bool:
    lo, hi = KHMER_BLOCK
    return any(lo <= ch <= hi for ch in text)


def typed_in_another_layout(text: str) -> bool:
    """True if ``text`` holds a character no English keyboard types (Khmer, or anything outside ASCII)."""
    return any(ord(ch) > 0x7E for ch in text if ch not in "\r\n\t")
