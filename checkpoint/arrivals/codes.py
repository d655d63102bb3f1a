"""The code lists of group arrivals, as data: each code with its plain English and Khmer label.

    >>> flag_priority(["PREGNANT", "INJURED_OR_ILL"])
    100
    >>> flag_priority([])
    0

Urgent medical need goes first: the queue orders by the highest priority among a person's flags, then by waiting
time.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["AGE_GROUPS", "CHILD_STATUSES", "FLAGS", "FLAG_LABELS", "HEALTH_FLAGS", "HOUSEHOLD_ROLES",
           "QUEUE_STATUSES", "STATIONS", "STATION_ROLES", "TERMINAL_STATUSES", "TRANSPORTS", "flag_priority"]

# Vulnerability and urgent needs seen at arrival, with the queue priority each gives (higher is seen first).
FLAGS: dict[str, int] = {
    "INJURED_OR_ILL": 100,                    # injured or acutely ill: urgent medical need, always first
    "UNACCOMPANIED_OR_SEPARATED_CHILD": 80,
    "CONTROLLING_PERSON_PRESENT": 70,
    "PREGNANT": 60,
    "VISIBLE_DISTRESS": 50,
    "DISABILITY": 40,
    "OLDER_PERSON": 30,
}
FLAG_LABELS: dict[str, tuple[str, str]] = {
    "INJURED_OR_ILL": ("Injured or acutely ill", "រងរបួស ឬឈឺធ្ងន់ភ្លាមៗ"),
    "UNACCOMPANIED_OR_SEPARATED_CHILD": ("Unaccompanied or separated child", "កុមារគ្មានអ្នកអមដំណើរ ឬបែកពីឪពុកម្តាយ"),
    "CONTROLLING_PERSON_PRESENT": ("A controlling person is present", "មានអ្នកគ្រប់គ្រងនៅជាមួយ"),
    "PREGNANT": ("Pregnant", "មានផ្ទៃពោះ"),
    "VISIBLE_DISTRESS": ("Visible distress", "មានទុក្ខព្រួយច្បាស់ៗ"),
    "DISABILITY": ("Disability", "ពិការភាព"),
    "OLDER_PERSON": ("Older person", "មនុស្សចាស់"),
}
# What a health worker's queue shows: the medical flags only (never the protection ones).
HEALTH_FLAGS = frozenset({"INJURED_OR_ILL", "PREGNANT", "DISABILITY", "OLDER_PERSON"})

HOUSEHOLD_ROLES = ("HEAD", "SPOUSE", "CHILD", "OTHER_RELATIVE")
# A child is accompanied (with a parent or legal guardian), separated (with another adult) or unaccompanied.
CHILD_STATUSES = ("ACCOMPANIED", "SEPARATED", "UNACCOMPANIED")
TRANSPORTS = ("BUS", "TRUCK", "VAN", "ON_FOOT", "OTHER")
AGE_GROUPS = ("child", "adult")

# The stations a site may run, and the roles that work each (a supervisor may work any).
STATIONS = ("INTERVIEW_ROOM", "HEALTH_POST", "NEA_DESK", "ASSISTANCE_DESK")
STATION_ROLES: dict[str, frozenset[str]] = {
    "INTERVIEW_ROOM": frozenset({"officer", "supervisor"}),
    "HEALTH_POST": frozenset({"health_worker", "supervisor"}),
    "NEA_DESK": frozenset({"officer", "supervisor"}),
    "ASSISTANCE_DESK": frozenset({"officer", "supervisor"}),
}
QUEUE_STATUSES = ("waiting", "called", "done", "referred", "left")
TERMINAL_STATUSES = ("done", "referred", "left")


def flag_priority(flags: Iterable[str]) -> int:
    """The queue priority of a set of flags: the highest of theirs, 0 without flags."""
    return max((FLAGS.get(f, 0) for f in flags), default=0)
