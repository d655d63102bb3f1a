"""The supervisor's screen (``SupervisorView``) and its tabs: review arrivals, manage users, the store's data.

    view.py    SupervisorView: the tabs the signed-in role may use, and the hook for the sync tab
    review.py  ReviewTab: arrivals waiting for review; approve one or several
    users.py   UsersTab: local accounts (the forms are in ui/dialogs/users.py)
    data.py    DataTab: figures, CSV export, encrypted backup, verification
"""

from ui.views.supervisor.view import SupervisorView

__all__ = ["SupervisorView"]
