"""Render every main screen to PNG, in English and in Khmer, for reviewers (make screenshots).

Windows are drawn at 1366x768, the usual laptop screen at a checkpoint; the identity page is also drawn after a
passport scan with a wrong check digit, and the review page holds three suggested referrals.

Runs offscreen on a throwaway store holding the same synthetic month as `make run` (2,000 arrivals, seed 1, see
checkpoint/demo.py), seen on a Wednesday afternoon; nothing here touches a real store.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from checkpoint import crypto
from checkpoint.clock import ManualClock
from checkpoint.demo import generate
from checkpoint.mrz import check_digit
from checkpoint.services import create_store
from checkpoint.workflows.registration import RegistrationFlow, Step

PASS = "screenshots passphrase"  # noqa: S105 - a throwaway demo store
SCREEN = (1366, 768)
# A Wednesday, 14:30 in Poipet: today's handovers are under way, so the home screen shows a working day.
SHOT_TIME = datetime(2026, 11, 25, 7, 30, tzinfo=UTC)


def passport_with_a_wrong_birth_date_digit() -> tuple[str, str]:
    """A synthetic Cambodian passport's two MRZ lines, the birth date's check digit off by one."""
    num, dob, exp = "N07654321", "880214", "311231"
    line2 = (num + str(check_digit(num)) + "KHM" + dob + str((check_digit(dob) + 1) % 10) + "F" + exp
             + str(check_digit(exp)) + "<" * 14 + "0")
    line2 += str(check_digit(line2[0:10] + line2[13:20] + line2[21:43]))
    return ("P<KHMCHEA<<SOPHEA" + "<" * 44)[:44], line2


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtTest import QTest

    from ui.context import AppContext
    from ui.i18n import set_language
    from ui.qt import QApplication, Qt, QWidget
    from ui.tasks import TaskRunner
    from ui.windows.login import LoginWindow
    from ui.windows.main_window import MainWindow
    from ui.wizards.registration import RegistrationWizard

    qapp = QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="cp-shots-"))
    clock = ManualClock(SHOT_TIME)
    s, _ = create_store(tmp / "demo.db", checkpoint_name="Poipet", username="dara", display_name="Dara Sok",
                        passphrase=PASS, clock=clock, kdf=crypto.KdfParams.fast())
    s.users.add("thida", "Thida Keo", "health_worker", PASS)
    generate(s, count=2000, seed=1, now=clock.now())     # the month `make run` shows
    arrivals_group = _arrivals_demo(s)                  # issue 11: a bus's handover list, a few registered
    runner = TaskRunner()
    ctx = AppContext(runner, s)
    written = []

    def settle() -> None:
        for _ in range(200):
            qapp.processEvents()
            if runner.pending == 0:
                break
            runner._db.submit(lambda: None).result()
        qapp.processEvents()

    def shot(w: QWidget, name: str, lang: str, *, size: tuple[int, int] = SCREEN) -> None:
        w.resize(*size)
        w.show()
        settle()
        path = args.out / f"{name}-{lang}.png"
        w.grab().save(str(path))
        written.append(path)

    for lang in ("en", "km"):
        set_language(qapp, lang)
        login = LoginWindow(runner, tmp / "demo.db", kdf=crypto.KdfParams.fast())
        shot(login, "login", lang, size=(480, 360))
        login.close()
        main = MainWindow(ctx)
        shot(main, "home", lang)
        for key in ("records", "referrals", "supervisor"):
            if main.available(key):
                main.show_page(key)
                shot(main, key, lang)
        if main.available("health_post"):     # issue 14: the health post with a person's TB pathway, the cascade
            main.show_page("health_post")
            page = main.page("health_post")
            rows = runner.run_sync(s.referrals.list, kind="health", status="treatment_started") or \
                runner.run_sync(s.referrals.list, kind="health")
            if rows:
                page.post.open_person(rows[0].person_id)
            shot(main, "health-post", lang)
            if page.cascade is not None:
                page.setCurrentWidget(page.cascade)
                page.cascade.date_from.setText((clock.now().date().replace(day=1)).isoformat())
                page.cascade.refresh()
                shot(main, "tb-cascade", lang)
            page.setCurrentWidget(page.policy)
            shot(main, "tb-policy", lang)
            if page.follow_up is not None:      # issue 14: the open TB referrals, overdue first
                page.setCurrentWidget(page.follow_up)
                shot(main, "tb-follow-up", lang)
        if main.available("arrivals"):                 # issue 11: quick registration and a station's queue
            main.show_page("arrivals")
            view = main.page("arrivals")
            settle()
            quick = view.quick
            quick.group.setCurrentIndex(max(0, quick.group.findData(arrivals_group)))
            settle()
            quick.rows.setCurrentRow(2)
            quick.load_current()
            quick.fields["phone"].setText("012345678")
            quick.flags["PREGNANT"].setChecked(True)
            quick.fields["home_district"].setText("Ou Chrov")           # the form's destination and language fields
            quick.fields["home_commune"].setText("Poipet")
            quick.language.setCurrentIndex(quick.language.findData("tha"))
            shot(main, "arrivals-quick", lang)
            quick.add_person()                                          # a person on no list, once registered
            for f, v in (("family_name", "CHAN"), ("given_names", "VISALA"), ("date_of_birth", "02/02/2521")):
                quick.fields[f].setText(v)
            quick.sex.setCurrentIndex(quick.sex.findData("M"))
            quick.save()                                                # offers the repeat returnee inline
            settle()
            shot(main, "arrivals-duplicate", lang)
            view.setCurrentWidget(view.queue)
            view.queue.refresh()
            shot(main, "arrivals-queue", lang)
        if main.available("assistance"):               # issue 13: the assistance desk, a person already paid
            main.show_page("assistance")
            desk = main.page("assistance")
            desk.call_next()
            settle()
            if desk.person_id is not None:
                runner.run_sync(s.assistance.give, desk.person_id, "CASH_GRANT_KHR", 100000)
                runner.run_sync(s.assistance.give, desk.person_id, "WATER", 2)
                desk.give("CASH_GRANT_KHR")
            shot(main, "assistance-desk", lang)
        flow = RegistrationFlow(now=clock.now())
        flow.person.update(family_name="SOK", given_names="DARA", name_khmer="សុខ ដារា", sex="M",
                           date_of_birth="1990-05-17", id_document_type="PASSPORT", id_document_number="N01234567")
        flow.consents.update(storage=True, screening=True, referral=True)
        flow.ticked |= {"ILO-DR-1", "ILO-DR-2", "ILO-EX-1", "ILO-EX-2", "ILO-CD-1", "ILO-CD-5"}
        flow.tb.update({"TB-S1": True, "TB-S1d": 21})
        for step in (Step.IDENTITY, Step.JOURNEY, Step.CONSENT, Step.TRAFFICKING, Step.TB, Step.REVIEW):
            wiz = RegistrationWizard(ctx, flow, start=step)
            wiz.result_ = object()    # screenshots only: never save drafts of this demo flow
            shot(wiz, f"registration-{step.value}", lang)
            wiz.close()
        wiz = RegistrationWizard(ctx, RegistrationFlow(now=clock.now()))
        wiz.result_ = object()
        wiz.resize(*SCREEN)
        wiz.show()
        settle()
        mrz = wiz.findChild(QWidget, "mrz")
        mrz.setFocus()
        for line in passport_with_a_wrong_birth_date_digit():     # what a keyboard-wedge reader types
            QTest.keyClicks(mrz, line)
            QTest.keyClick(mrz, Qt.Key.Key_Return)
        shot(wiz, "registration-identity-bad-scan", lang)
        wiz.close()
        # issue 12: the red-flag pre-screen (a yes, with the safety rule beside the ILO result; and eight no's), the
        # checklist answered yes / no / not asked, and consent per purpose for a child (the guardian consents)
        for name, pre, yes, no, dob in (
                ("registration-prescreen-yes", {"PS-1": "no", "PS-2": "yes", "PS-3": "yes"},
                 {"ILO-CD-1", "ILO-CD-3", "ILO-CD-4"}, {"ILO-DR-1", "ILO-DR-2"}, "1990-05-17"),
                ("registration-prescreen-negative", {f"PS-{i}": "no" for i in range(1, 9)}, set(), set(),
                 "1990-05-17"),
                ("registration-consent-child", {}, set(), set(), "2012-02-01")):
            f12 = RegistrationFlow(now=clock.now())
            f12.person.update(family_name="CHEA", given_names="SOPHEA", name_khmer="ជា សុភា", sex="F",
                              date_of_birth=dob)
            f12.consents.update(storage=True, screening=True, referral=True)
            f12.purposes.update(tb_screen=True, trafficking_interview=True)
            f12.prescreen.update(pre)
            f12.ticked |= yes
            f12.answered_no |= no
            if dob.startswith("2012"):
                f12.guardian.update(name="CHEA SOKHA", relationship="mother")
                f12.sharing_agencies.append("MoSVY_PROVINCIAL_DOSVY")
            step = Step.CONSENT if name.endswith("child") else Step.TRAFFICKING
            wiz = RegistrationWizard(ctx, f12, start=step)
            wiz.result_ = object()
            shot(wiz, name, lang)
            wiz.close()
        main.shutdown()
        main.close()
    runner.run_sync(s.lock)
    runner.shutdown()
    print("\n".join(str(p) for p in written))
    return 0


def _arrivals_demo(s: Any) -> str:
    """A 40-row handover list from one bus, its first 12 rows quick-registered (some flagged): for the arrivals
    screenshots (issue 11)."""
    names = [("SOK", "SREYMOM", "F"), ("CHAN", "VISAL", "M"), ("KEO", "BOPHA", "F"), ("MEAS", "KOSAL", "M"),
             ("PHAN", "RITHY", "M"), ("HENG", "SOPHEA", "F"), ("LIM", "DAVY", "F"), ("PICH", "VIBOL", "M")]
    lines = ["No.,Name,Khmer name,Sex,Date of birth,Province"]
    for i in range(40):
        fam, giv, sex = names[i % len(names)]
        lines.append(f"{i + 1},{fam} {giv}{chr(65 + i // 8)},,{sex},{(i % 27) + 1:02d}/{(i % 12) + 1:02d}/"
                     f"{2520 + i % 30},Banteay Meanchey")
    imp = s.arrivals.import_list("\n".join(lines).encode(), "bus.csv", group={
        "transport": "BUS", "vehicle": "40-1234", "handover_ref": "AR-2569/118", "authority": "Aranyaprathet IDC"})
    flags = {3: ["INJURED_OR_ILL"], 5: ["PREGNANT"], 8: ["VISIBLE_DISTRESS"], 11: ["DISABILITY"]}
    for row in range(2, 14):
        s.arrivals.quick_register(group_id=imp.group_id, row=row, flags=flags.get(row, ()))
    return str(imp.group_id)


if __name__ == "__main__":
    sys.exit(main())
