"""Builders for test records (``from tests.support.helpers import registration``)."""

from __future__ import annotations

from typing import Any


def adult(**over: Any) -> dict[str, Any]:
    p = {"family_name": "SOK", "given_names": "DARA", "name_khmer": "សុខ ដារា", "sex": "M",
         "date_of_birth": "1990-05-17", "id_document_type": "PASSPORT", "id_document_number": "N1234567",
         "phone": "012345678", "home_province": "01"}
    p.update(over)
    return p


def registration(**over: Any) -> dict[str, Any]:
    r: dict[str, Any] = {"person": adult(), "encounter": {"return_type": "DEPORTED_G2G", "country_of_work": "THA"},
                         "consents": {"screening": True, "storage": True, "referral": True, "sharing": True},
                         "trafficking": {"ticked": []}, "tb": {}}
    r.update(over)
    return r


# Meets the adult rule: in each of DR, EX and CD one strong plus one medium (spec §1.4 clause 2).
POSITIVE_ADULT = ["ILO-DR-1", "ILO-DR-2", "ILO-EX-1", "ILO-EX-2", "ILO-CD-1", "ILO-CD-5"]
