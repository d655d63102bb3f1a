"""Issue 12, product decision: an immediate-danger referral is never blocked by consent (duty of care). Made for an
adult who refused (or was not asked) consent to referral, it reads "made without consent: immediate danger" on the
record and on the slip; with consent, or at another urgency, or for a child, it does not. Routing is unchanged: the
sharing consent alone decides where the data goes (docs/consent.md)."""

from __future__ import annotations

import pytest

import ui.slip
from checkpoint.errors import ConflictError
from tests.support.helpers import adult, registration
from ui.qt import QColor, QImage, QPainter, QRectF
from ui.slip import LABELS, paint_slip

NO_REFERRAL = {"storage": True, "screening": True, "referral": False, "sharing": False}
DANGER = {"kind": "protection", "agency_code": "IOM", "reason_code": "OFFICER_INITIATED", "urgency": "IMMEDIATE_DANGER"}


def _reg(sess, doc: str, consents: dict, referrals: list, dob: str = "1990-05-17"):
    return sess.registrations.register(**registration(person=adult(id_document_number=doc, date_of_birth=dob),
                                                      consents=consents, referrals=referrals))


def _refs(sess, person_id: str) -> list[dict]:
    return sess.records.get(person_id)["encounters"][0]["referrals"]


def _drawn(slip, monkeypatch) -> str:
    seen: list[str] = []
    real = ui.slip._Page.text

    def spy(self, x, y, w, s, *args, **kwargs):
        if not self.dry:
            seen.append(s)
        return real(self, x, y, w, s, *args, **kwargs)
    monkeypatch.setattr(ui.slip._Page, "text", spy)
    img = QImage(740, 1050, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    try:
        paint_slip(p, QRectF(0, 0, 740, 1050), slip, lang="km")
    finally:
        p.end()
    return "\n".join(seen)


def test_refused_consent_never_blocks_immediate_danger_and_the_record_and_slip_say_so(qtbot, sign_in,
                                                                                     monkeypatch) -> None:
    sokha = sign_in("sokha")
    r = _reg(sokha, "N7000001", NO_REFERRAL, [DANGER])                 # at registration: not blocked
    [ref] = _refs(sokha, r.person_id)
    assert ref["urgency"] == "IMMEDIATE_DANGER" and ref["without_consent"] == "IMMEDIATE_DANGER"
    slip = sokha.slips.slip(ref["id"])
    assert slip.without_consent
    page = _drawn(slip, monkeypatch)
    assert LABELS["without_consent"][0] in page and LABELS["without_consent"][1] in page
    # the record view says it plainly, in the officer's language
    from ui.views.person_record import referral_text
    assert "Made without consent: immediate danger" in referral_text(ref)

    # from the record afterwards (Referrals.refer): the same; a same-day referral is still refused without consent
    later = sokha.referrals.refer(r.encounter_id, agency_code="MoSVY_PROVINCIAL_DOSVY", urgency="IMMEDIATE_DANGER",
                                  reason="The man outside says he owns her debt.")
    with pytest.raises(ConflictError):
        sokha.referrals.refer(r.encounter_id, agency_code="IOM", urgency="SAME_DAY", reason="asked for help")
    by_id = {x["id"]: x for x in _refs(sokha, r.person_id)}
    assert by_id[later.ids["referral"]]["without_consent"] == "IMMEDIATE_DANGER"
    # routing unchanged: no consent to sharing was created by the referral
    assert sokha.store.db.execute("SELECT count(*) FROM consent_records WHERE encounter_id = ? AND purpose = "
                                  "'sharing' AND granted = 1", [r.encounter_id]).fetchone()[0] == 0


@pytest.mark.parametrize("consents, urgency, dob", [
    ({"storage": True, "screening": True, "referral": True, "sharing": True}, "IMMEDIATE_DANGER", "1990-05-17"),
    (NO_REFERRAL, "IMMEDIATE_DANGER", "2012-01-01"),                         # a child: the guardian, the duty
], ids=["with_consent", "child"])
def test_not_marked_with_consent_or_for_a_child(qtbot, sign_in, monkeypatch, consents, urgency, dob) -> None:
    sokha = sign_in("sokha")
    r = _reg(sokha, "N7000002", consents, [{**DANGER, "urgency": urgency}], dob=dob)
    refs = _refs(sokha, r.person_id)
    assert refs and not any(x.get("without_consent") for x in refs)
    slip = sokha.slips.slip(refs[0]["id"])
    assert not slip.without_consent
    assert LABELS["without_consent"][0] not in _drawn(slip, monkeypatch)


def test_consent_given_then_withdrawn_was_given(sign_in) -> None:
    sokha = sign_in("sokha")
    r = _reg(sokha, "N7000003", {"storage": True, "screening": True, "referral": True, "sharing": True}, [DANGER])
    sokha.consents.withdraw(r.encounter_id, "referral", reason="changed her mind")
    assert not any(x.get("without_consent") for x in _refs(sokha, r.person_id))
