"""Pure name and document keys (stdlib only): the device's duplicate check and HQ's repeat-returnee matching
(``sync.hq.matches``) normalise a person the same way. Nothing here reads a store, the code lists or the clock,
so HQ may import it without loading device code.

    >>> name_key("CHANN", "SOKHAR") == name_key("CHAN", "SOKHA")
    True
    >>> khmer_key("សុខ ដារា") == khmer_key("សុខដារា")
    True
    >>> document_key("passport", "n 123-4567")
    'PASSPORT:N1234567'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["document_key", "khmer_key", "name_key"]

# Common variants of Khmer names in Latin script (Chann/Chan, Sokhar/Sokha, Srey/Srei, Pov/Pauv...).
_VARIANTS = (("AU", "O"), ("OU", "U"), ("OO", "U"), ("EA", "IA"), ("EY", "EI"), ("Y", "I"), ("PH", "P"),
             ("TH", "T"), ("KH", "K"), ("CH", "C"), ("J", "C"), ("W", "V"), ("Z", "S"), ("Q", "K"))
_NOT_KHMER = re.compile(r"[^\u1780-\u17FF\u19E0-\u19FF]")


def _word_key(w: str) -> str:
    for a, b in _VARIANTS:
        w = w.replace(a, b)
    w = re.sub(r"(.)\1+", r"\1", w)          # doubled letters
    w = re.sub(r"(?<=.)[HR]$", "", w)         # trailing h/r (Sokhar, Sokhah)
    return w


def name_key(family_name: str, given_names: str) -> str:
    """A spelling-tolerant key for possible-duplicate detection (order of name parts ignored)."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", f"{family_name} {given_names}")
                     if not unicodedata.combining(c))
    words = re.findall(r"[A-Z]+", folded.upper())
    return " ".join(sorted(_word_key(w) for w in words))


def khmer_key(name_khmer: str) -> str:
    """A Khmer name as one run of Khmer letters (NFC; spaces and zero-width joiners, which officers type
    differently, removed); "" when it holds no Khmer."""
    return _NOT_KHMER.sub("", unicodedata.normalize("NFC", name_khmer or ""))


def document_key(doc_type: str, number: str) -> str:
    """TYPE:NUMBER as the device stores them (upper case, no spaces or hyphens); "" when either is missing or the
    type is NONE."""
    t = re.sub(r"[^A-Z_]", "", (doc_type or "").upper())[:32]
    n = re.sub(r"[^A-Z0-9]", "", (number or "").upper())[:40]
    return f"{t}:{n}" if t and t != "NONE" and n else ""
