"""Group arrivals (issue 11): handover lists, quick registration, households, vulnerability flags, the triage queue
and surge mode. Qt-free.

- ``codes``: the code lists of this area (flags and their priority, stations and who works them, household roles,
  child status, transport kinds).
- ``handover``: reading a handover list (CSV or XLSX bytes) into checked rows: encodings, column mapping, Khmer and
  Latin names, Buddhist-era years, hostile cells, caps. Pure: no store.

The use cases are ``checkpoint.services.arrivals.Arrivals`` (``session.arrivals``); the projections of its events are
``checkpoint.storage.arrivals``.
"""

from checkpoint.arrivals.codes import CHILD_STATUSES, FLAGS, HOUSEHOLD_ROLES, STATIONS, TRANSPORTS, flag_priority
from checkpoint.arrivals.handover import MAX_ROWS, ColumnMapping, HandoverList, RowProblem, read_handover

__all__ = ["CHILD_STATUSES", "FLAGS", "HOUSEHOLD_ROLES", "MAX_ROWS", "STATIONS", "TRANSPORTS", "ColumnMapping",
           "HandoverList", "RowProblem", "flag_priority", "read_handover"]
