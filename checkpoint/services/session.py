"""A signed-in user's session: the user, the site, and one attribute per area of use cases (Anki's ``col.decks``).

    >>> s = unlock("c.db", "dara", "a long passphrase")                                  # doctest: +SKIP
    >>> reg = s.registrations.register(person={...}, encounter={}, consents={"storage": True})  # doctest: +SKIP
    >>> s.records.search("SOK")[0].family_name                                           # doctest: +SKIP
    'SOK'
    >>> s.site.checkpoint_name, s.user.role                                              # doctest: +SKIP
    ('Poipet', 'supervisor')
    >>> s.lock()                                                                          # doctest: +SKIP

The areas: ``registrations`` (register, find_duplicates), ``records`` (search, count, page, get, history,
today_figures), ``corrections`` (amend_person, amend_encounter, void, conflicts, resolve), ``review`` (approve,
approve_many, pending), ``referrals`` (add, update, list, get, to_follow_up), ``drafts`` (save, list, discard),
``users`` (list, add, set_passphrase, set_status, set_role), ``maintenance`` (verify, stats, export_csv,
backup, cipher_version) and ``slips`` (slip, token, record_printed, trusted_keys). Sync's bookkeeping is
``checkpoint.services.outbox.Outbox(session)``.

Every mutating call is one transaction and returns ``Changes`` (or a small result holding ``changes``): the
events and the projections commit together or not at all, and bad input raises ValidationError before anything
is written. Role checks raise PermissionDenied; any call after ``lock()`` raises StoreError.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from checkpoint import crypto
from checkpoint.services.arrivals import Arrivals
from checkpoint.services.assistance import Assistance
from checkpoint.services.base import Context, User, load_user
from checkpoint.services.consents import Consents
from checkpoint.services.corrections import Corrections
from checkpoint.services.directory import Directory
from checkpoint.services.drafts import Drafts
from checkpoint.services.health import Health
from checkpoint.services.maintenance import Maintenance
from checkpoint.services.nea import Nea
from checkpoint.services.records import Records
from checkpoint.services.referrals import Referrals
from checkpoint.services.registrations import Registrations
from checkpoint.services.retention import Retention
from checkpoint.services.review import Review
from checkpoint.services.slipcheck import SlipCheck
from checkpoint.services.slips import Slips
from checkpoint.services.users import Notice, Users
from checkpoint.site import SiteConfig
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.store import Store

__all__ = ["Session"]


class Session:
    """The services for one signed-in user. Create with ``checkpoint.services.unlock`` or ``create_store``.

    ``user`` and ``site`` are read once, when the session opens: reading them never touches the store.
    """

    def __init__(self, store: Store, keyfile: KeyFile, user_id: str, *, kdf: crypto.KdfParams | None = None):
        ctx = Context(store, keyfile, load_user(store, user_id), SiteConfig.from_meta(store.meta), kdf)
        self._ctx = ctx
        self.user: User = ctx.user
        self.site: SiteConfig = ctx.site
        self.registrations = Registrations(ctx)
        self.records = Records(ctx)
        self.corrections = Corrections(ctx)
        self.review = Review(ctx)
        self.referrals = Referrals(ctx)
        self.drafts = Drafts(ctx)
        self.users = Users(ctx)
        self.maintenance = Maintenance(ctx)
        self.slips = Slips(ctx)
        self.health = Health(ctx)           # the health post's TB work (issue 14)
        self.consents = Consents(ctx)            # issue 12: consent per purpose and its withdrawal
        self.arrivals = Arrivals(ctx)       # group arrivals, quick registration, triage queue (issue 11)
        self.directory = Directory(ctx)
        self.assistance = Assistance(ctx)   # issue 13: assistance handed out at the transit centre
        self.nea = Nea(ctx)                 # issue 13: NEA job registration and NEA's export
        self.retention = Retention(ctx)     # issue 12, point 6: data minimisation after HQ acknowledged a record
        self.slipcheck = SlipCheck(ctx)     # issue 16 point 4: a slip's QR code checked at the door
        # What others did to this account since its last sign-in; ``unlock`` fills it (told once).
        self.notices: tuple[Notice, ...] = ()

    # ------------------------------------------------------------------ the open store
    @property
    def store(self) -> Store:
        """The open store (its events, clock and device id) for the core, tools and tests; the UI and sync use the
        areas. StoreError once locked."""
        return self._ctx.store

    @property
    def keyfile(self) -> KeyFile:
        return self._ctx.keyfile

    @property
    def closed(self) -> bool:
        return self._ctx.closed

    def lock(self) -> None:
        """Close the store and forget the key; signing in again needs a passphrase."""
        self._ctx.close()

    close = lock

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group many calls into one transaction (bulk import, demo data): one commit, one fsync.

        Each call inside still runs in its own savepoint, so a rejected call leaves nothing behind.
        """
        with self._ctx.store.write():
            yield

    def open_sync_connection(self) -> Session:
        """A second session for this user on its own connection to the store, for the background sync thread (a
        SQLite connection belongs to the thread that uses it; the DB worker keeps this one). The caller closes it
        with ``lock()``. The data key goes from this session's store to the new one inside the core.

            >>> sync_session = session.open_sync_connection()       # on the sync thread   # doctest: +SKIP
            >>> Outbox(sync_session).status()["pending"]                                  # doctest: +SKIP

        Raises StoreError when this session is locked.
        """
        ctx = self._ctx
        st = ctx.store
        store = Store.open(st.path, ctx.data_key(), clock=st.clock)
        store.signer = st.signer                 # the same user signs what the sync connection writes
        store.section_recipients = st.section_recipients     # and seals protection sections to the same keys
        try:
            return Session(store, ctx.keyfile, self.user.id, kdf=ctx.kdf)
        except BaseException:
            store.close()
            raise
