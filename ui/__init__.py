"""The desktop app (PySide6). Qt is imported from ui/qt.py only; all store work runs on the task runner's DB thread.

Where things are:

    app.py        the composition root: QApplication, language, store path, runner, windows (checkpoint's main)
    qt.py         the one Qt import module
    tasks.py      TaskRunner/Op: one DB worker, a network pool, results on the GUI thread, ``latest(key)``
    context.py    AppContext: the runner and the signed-in session given to every window; ``changed(Changes)``
    i18n.py       Language: the translator, Khmer font and current language, owned by the QApplication
    text.py       how values read on screen: code_label, local dates and times, the current language
    messages.py   errors as translated sentences, field labels (core_messages.py: the core's strings for lupdate)
    slip.py       the A5 referral slip (PDF, printer)
    models/       table models on one base (table.py): persons (lazy), referrals, users, review
    widgets/      small widgets with the house rules: input fields and ErrorLabel, buttons and labels, tables
    windows/      top-level windows: main window, sign-in and first-run set-up
    views/        the screens in the main window: records + person detail, referrals + follow-up, supervisor/,
                  the sync panel (a tab of the supervisor view)
    dialogs/      modal forms: user accounts, corrections (correct, void)
    wizards/      registration/: one page per step of the Qt-free flow (checkpoint.workflows.registration)

A new screen goes in views/ (its modal forms in dialogs/, its table model in models/ on models/table.py); it takes
an AppContext, reads through ``ctx.call(..., latest=...)`` and writes through ``ctx.mutate`` (redraw on
``ctx.changed``); it decides with ``can(role, Permission.X)``; its strings go through ``self.tr``.
"""
