"""Schema migrations: named functions, each applied in one transaction with its record.

A fixture database per released schema version lives in tests/storage/fixtures; a test upgrades each one.
Never edit a released migration: add a new one.

    >>> apply_migrations(db)            # doctest: +SKIP
"""

from __future__ import annotations

import json

import sqlite_utils

from checkpoint.storage.arrivals import ARRIVAL_TABLES, SCHEMA_0006
from checkpoint.storage.codec import decode_payload

__all__ = ["PROJECTION_TABLES", "SCHEMA_MIGRATIONS", "apply_migrations", "schema_version"]

SCHEMA_MIGRATIONS = sqlite_utils.Migrations("checkpoint")

# Tables whose content is a pure function of the event log (rebuilt and compared by `verify`).
PROJECTION_TABLES: tuple[str, ...] = ("users", "persons", "encounters", "consents", "trafficking_screenings",
                     "tb_screenings", "referrals", "field_versions", "conflicts", "referral_stages")


@SCHEMA_MIGRATIONS(name="0001_initial")
def m0001_initial(db: sqlite_utils.Database) -> None:
    db.executescript("""
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    -- The append-only event log. Rows are never updated except the sync bookkeeping columns at the end.
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        author TEXT NOT NULL,
        hlc TEXT NOT NULL,
        content_version TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        local_order INTEGER NOT NULL UNIQUE,
        sync_state TEXT NOT NULL DEFAULT 'pending' CHECK (sync_state IN ('pending','inflight','acked','remote')),
        acked_at TEXT,
        UNIQUE (device_id, device_seq)
    );
    CREATE INDEX events_entity ON events(entity_id);
    CREATE INDEX events_unsynced ON events(sync_state, device_seq) WHERE sync_state IN ('pending','inflight');
    CREATE TRIGGER events_immutable BEFORE UPDATE OF id, device_id, device_seq, entity_type, entity_id, type,
        payload, author, hlc, content_version, recorded_at, prev_hash, hash, local_order ON events
    BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are never deleted'); END;

    CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('officer','health_worker','supervisor','admin')),
        status TEXT NOT NULL CHECK (status IN ('active','disabled')),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );

    CREATE TABLE persons (
        id TEXT PRIMARY KEY,
        family_name TEXT NOT NULL DEFAULT '',
        given_names TEXT NOT NULL DEFAULT '',
        name_khmer TEXT NOT NULL DEFAULT '',
        sex TEXT NOT NULL,
        date_of_birth TEXT,
        dob_estimated INTEGER NOT NULL DEFAULT 0,
        citizenship TEXT NOT NULL DEFAULT 'KHM',
        id_document_type TEXT NOT NULL DEFAULT 'NONE',
        id_document_number TEXT NOT NULL DEFAULT '',
        document_issuing_state TEXT NOT NULL DEFAULT '',
        document_expiry TEXT,
        mrz_valid INTEGER,
        phone TEXT NOT NULL DEFAULT '',
        home_province TEXT NOT NULL DEFAULT '',
        home_district TEXT NOT NULL DEFAULT '',
        home_commune TEXT NOT NULL DEFAULT '',
        home_village TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'khm',
        guardian_person_id TEXT,
        name_key TEXT NOT NULL DEFAULT '',
        search_name TEXT NOT NULL DEFAULT '',
        registered_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        voided INTEGER NOT NULL DEFAULT 0,
        void_reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX persons_doc ON persons(id_document_number) WHERE id_document_number != '';
    CREATE INDEX persons_phone ON persons(phone) WHERE phone != '';
    CREATE INDEX persons_dob ON persons(date_of_birth);
    CREATE INDEX persons_name_key ON persons(name_key, date_of_birth);
    CREATE INDEX persons_family ON persons(family_name);
    CREATE INDEX persons_created ON persons(created_at);

    -- Name search: FTS5 trigram (Khmer has no spaces; the default tokenizer would cut it apart).
    -- External content: the names are stored once, in persons.
    CREATE VIRTUAL TABLE person_fts USING fts5(search_name, content='persons', content_rowid='rowid',
                                               tokenize='trigram');
    CREATE TRIGGER persons_ai AFTER INSERT ON persons BEGIN
        INSERT INTO person_fts(rowid, search_name) VALUES (new.rowid, new.search_name);
    END;
    CREATE TRIGGER persons_ad AFTER DELETE ON persons BEGIN
        INSERT INTO person_fts(person_fts, rowid, search_name) VALUES ('delete', old.rowid, old.search_name);
    END;
    CREATE TRIGGER persons_au AFTER UPDATE OF search_name ON persons BEGIN
        INSERT INTO person_fts(person_fts, rowid, search_name) VALUES ('delete', old.rowid, old.search_name);
        INSERT INTO person_fts(rowid, search_name) VALUES (new.rowid, new.search_name);
    END;

    CREATE TABLE encounters (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES persons(id),
        station_id TEXT NOT NULL,
        arrival_at TEXT NOT NULL,
        return_type TEXT NOT NULL,
        country_of_work TEXT NOT NULL DEFAULT '',
        province_of_work TEXT NOT NULL DEFAULT '',
        sector_of_work TEXT NOT NULL DEFAULT '',
        duration_abroad_months INTEGER,
        migration_channel TEXT NOT NULL DEFAULT 'UNKNOWN',
        recruiter_relationship TEXT NOT NULL DEFAULT 'UNKNOWN',
        recruitment_methods TEXT NOT NULL DEFAULT '[]',
        debt_owed INTEGER,
        debt_amount REAL,
        debt_currency TEXT NOT NULL DEFAULT '',
        detained_before_return INTEGER,
        detention_days INTEGER,
        wants_job_referral INTEGER,
        interpreter_used INTEGER NOT NULL DEFAULT 0,
        accompanied_minor INTEGER NOT NULL DEFAULT 0,
        controlling_person_present INTEGER NOT NULL DEFAULT 0,
        age_at_arrival INTEGER,
        officer_id TEXT NOT NULL,
        review_status TEXT NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending','approved')),
        reviewed_by TEXT,
        reviewed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        voided INTEGER NOT NULL DEFAULT 0,
        void_reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX encounters_person ON encounters(person_id);
    CREATE INDEX encounters_arrival ON encounters(arrival_at);
    CREATE INDEX encounters_officer ON encounters(officer_id);
    CREATE INDEX encounters_review ON encounters(review_status) WHERE review_status = 'pending';

    CREATE TABLE consents (
        encounter_id TEXT NOT NULL REFERENCES encounters(id),
        purpose TEXT NOT NULL CHECK (purpose IN ('screening','storage','referral','sharing')),
        granted INTEGER NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        PRIMARY KEY (encounter_id, purpose)
    );

    CREATE TABLE trafficking_screenings (
        id TEXT PRIMARY KEY,
        encounter_id TEXT NOT NULL REFERENCES encounters(id),
        person_id TEXT NOT NULL REFERENCES persons(id),
        content_id TEXT NOT NULL,
        content_version TEXT NOT NULL,
        age_used INTEGER NOT NULL,
        ticked TEXT NOT NULL,
        outcome TEXT NOT NULL,
        positive_dimensions TEXT NOT NULL,
        flags TEXT NOT NULL,
        result TEXT NOT NULL,
        screened_by TEXT NOT NULL,
        screened_at TEXT NOT NULL,
        voided INTEGER NOT NULL DEFAULT 0,
        void_reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX ts_encounter ON trafficking_screenings(encounter_id);
    CREATE INDEX ts_outcome ON trafficking_screenings(screened_at, outcome);

    CREATE TABLE tb_screenings (
        id TEXT PRIMARY KEY,
        encounter_id TEXT NOT NULL REFERENCES encounters(id),
        person_id TEXT NOT NULL REFERENCES persons(id),
        content_id TEXT NOT NULL,
        content_version TEXT NOT NULL,
        answers TEXT NOT NULL,
        outcome TEXT NOT NULL,
        presumptive INTEGER NOT NULL,
        result TEXT NOT NULL,
        screened_by TEXT NOT NULL,
        screened_at TEXT NOT NULL,
        voided INTEGER NOT NULL DEFAULT 0,
        void_reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX tb_encounter ON tb_screenings(encounter_id);
    CREATE INDEX tb_outcome ON tb_screenings(screened_at, outcome);

    CREATE TABLE referrals (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES persons(id),
        encounter_id TEXT NOT NULL REFERENCES encounters(id),
        kind TEXT NOT NULL CHECK (kind IN ('protection','child_protection','health')),
        agency_code TEXT NOT NULL,
        reason_code TEXT NOT NULL,
        urgency TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        cxr_result TEXT NOT NULL DEFAULT '',
        xpert_result TEXT NOT NULL DEFAULT '',
        diagnosis TEXT NOT NULL DEFAULT '',
        treatment_started_at TEXT,
        treatment_facility TEXT NOT NULL DEFAULT '',
        lost_to_follow_up_stage TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        voided INTEGER NOT NULL DEFAULT 0,
        void_reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX referrals_person ON referrals(person_id);
    CREATE INDEX referrals_open ON referrals(kind, status);

    -- Unfinished registrations. Not events: local, per user, deleted when the registration is saved.
    CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX drafts_user ON drafts(user_id);
    """)


@SCHEMA_MIGRATIONS(name="0002_sync")
def m0002_sync(db: sqlite_utils.Database) -> None:
    """Sync bookkeeping (batches, HQ's verdict per event, pulled events held back) and concurrent-edit conflicts."""
    db.executescript("""
    ALTER TABLE events ADD COLUMN batch_id TEXT;
    ALTER TABLE events ADD COLUMN hq_status TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN hq_note TEXT NOT NULL DEFAULT '';
    CREATE INDEX events_batch ON events(batch_id) WHERE batch_id IS NOT NULL;

    -- Batches this device sealed for HQ (over HTTP or on a USB stick), and what became of them.
    CREATE TABLE sync_batches (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        events INTEGER NOT NULL,
        sha256 TEXT NOT NULL DEFAULT '',
        prev_sha256 TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL CHECK (state IN ('open', 'sealed', 'sent', 'acked', 'failed')),
        via TEXT NOT NULL DEFAULT '',
        sent_at TEXT,
        acked_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT ''
    );

    -- Events received from HQ that could not be applied here (a gap, an unknown type): kept, never lost.
    CREATE TABLE sync_inbox_held (
        id TEXT PRIMARY KEY,
        event TEXT NOT NULL,
        reason TEXT NOT NULL,
        received_at TEXT NOT NULL
    );

    -- Which event last set a field (only fields changed after registration have a row).
    CREATE TABLE field_versions (
        entity_id TEXT NOT NULL,
        field TEXT NOT NULL,
        event_id TEXT NOT NULL,
        PRIMARY KEY (entity_id, field)
    ) WITHOUT ROWID;

    -- Two edits of one field made without seeing each other: both values are kept until someone decides.
    CREATE TABLE conflicts (
        id TEXT PRIMARY KEY,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        field TEXT NOT NULL,
        kept_value TEXT,
        kept_event TEXT NOT NULL,
        other_value TEXT,
        other_event TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
        resolution_event TEXT
    );
    CREATE INDEX conflicts_open ON conflicts(state) WHERE state = 'open';

    -- The records list pages newest first; without this the 1,000,000th row took a second to reach.
    CREATE INDEX persons_list ON persons(created_at DESC, id) WHERE voided = 0;
    """)
    # field_versions is a projection: fill it from the amendments already in the log.
    rows = db.execute("SELECT id, type, entity_id, payload FROM events "
                      "WHERE type IN ('person.amended', 'encounter.amended') ORDER BY local_order").fetchall()
    for event_id, type_, entity_id, stored in rows:
        p = json.loads(decode_payload(stored))
        target = entity_id if type_ == "person.amended" else p["encounter_id"]
        for field in p["changes"]:
            db.execute("INSERT INTO field_versions (entity_id, field, event_id) VALUES (?, ?, ?) "
                       "ON CONFLICT(entity_id, field) DO UPDATE SET event_id = excluded.event_id",
                       [target, field, event_id])


@SCHEMA_MIGRATIONS(name="0003_open_fast")
def m0003_open_fast(db: sqlite_utils.Database) -> None:
    """Opening a store reads the newest hybrid-logical-clock value: without an index that was a full scan,
    8 s at 1,000,000 events (the target for open + unlock is 1 s)."""
    db.execute("CREATE INDEX IF NOT EXISTS events_hlc ON events(hlc)")


@SCHEMA_MIGRATIONS(name="0004_screenings_by_person")
def m0004_screenings_by_person(db: sqlite_utils.Database) -> None:
    """Reading a person's record looks up their screenings by person: without these indexes each read scanned
    both screening tables (found by the crash torture's checks growing quadratically)."""
    db.execute("CREATE INDEX IF NOT EXISTS ts_person ON trafficking_screenings(person_id)")
    db.execute("CREATE INDEX IF NOT EXISTS tb_person ON tb_screenings(person_id)")


@SCHEMA_MIGRATIONS(name="0005_day_figures")
def m0005_day_figures(db: sqlite_utils.Database) -> None:
    """The home screen's day figures ask, for each arrival of the day, whether it has a live screening with a given
    outcome: covering indexes answer that from the index alone (a busy day at 20,000 persons: about 70 ms → 8 ms).
    They lead with the encounter id, so they replace the encounter-only indexes."""
    for table, old, new in (("trafficking_screenings", "ts_encounter", "ts_encounter_outcome"),
                            ("tb_screenings", "tb_encounter", "tb_encounter_outcome")):
        db.execute(f"CREATE INDEX IF NOT EXISTS {new} ON {table}(encounter_id, voided, outcome)")
        db.execute(f"DROP INDEX IF EXISTS {old}")


@SCHEMA_MIGRATIONS(name="0006_arrivals")
def m0006_arrivals(db: sqlite_utils.Database) -> None:
    """Group arrivals (issue 11): handover groups and their rows, arrival records (household, child status, flags),
    the triage queue, surge mode and headcounts (checkpoint.storage.arrivals)."""
    db.executescript(SCHEMA_0006)


PROJECTION_TABLES = (*PROJECTION_TABLES, *ARRIVAL_TABLES)


@SCHEMA_MIGRATIONS(name="0007_screening")
def m0007_screening(db: sqlite_utils.Database) -> None:
    """Issue 12: the work abroad in the officers' words (mapped to the sector behind the scenes), the red-flag
    pre-screen's answers on the arrival (JSON, '' = none asked), and consent per purpose with who gave it, when, the
    wording shown and its withdrawal. The old ``consents`` table stays as it was (older events fill it)."""
    db.executescript("""
    ALTER TABLE encounters ADD COLUMN work_type TEXT NOT NULL DEFAULT '';
    ALTER TABLE encounters ADD COLUMN prescreen TEXT NOT NULL DEFAULT '';
    CREATE TABLE consent_records (
        id TEXT PRIMARY KEY,
        encounter_id TEXT NOT NULL REFERENCES encounters(id),
        person_id TEXT NOT NULL REFERENCES persons(id),
        purpose TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '',
        granted INTEGER NOT NULL,
        given_by TEXT NOT NULL,
        guardian_name TEXT NOT NULL DEFAULT '',
        guardian_relationship TEXT NOT NULL DEFAULT '',
        wording_version TEXT NOT NULL,
        given_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        withdrawn_at TEXT,
        withdrawn_by TEXT NOT NULL DEFAULT '',
        withdrawal_reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX consent_records_person ON consent_records(person_id, purpose);
    CREATE INDEX consent_records_encounter ON consent_records(encounter_id, purpose);
    """)


PROJECTION_TABLES += ("consent_records",)      # issue 12 (appended: the lead merges the shared registries)


@SCHEMA_MIGRATIONS(name="0008_tb")
def m0008_tb(db: sqlite_utils.Database) -> None:
    """The TB pathway at the health post (issue 14): a health referral also keeps the chest X-ray's date, CAD score
    and reader, the sputum collection, the Xpert date, the national TB register number and the WHO treatment
    outcome. All empty for the referrals already there (nothing in the log set them)."""
    db.executescript("""
    ALTER TABLE referrals ADD COLUMN cxr_at TEXT;
    ALTER TABLE referrals ADD COLUMN cxr_cad_score REAL;
    ALTER TABLE referrals ADD COLUMN cxr_read_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE referrals ADD COLUMN sputum_collected_at TEXT;
    ALTER TABLE referrals ADD COLUMN sputum_specimen_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE referrals ADD COLUMN xpert_at TEXT;
    ALTER TABLE referrals ADD COLUMN tb_register_number TEXT NOT NULL DEFAULT '';
    ALTER TABLE referrals ADD COLUMN treatment_outcome TEXT NOT NULL DEFAULT '';
    ALTER TABLE referrals ADD COLUMN treatment_outcome_at TEXT;
    -- the home screen's "TB treatment started today" (Records.today_figures)
    CREATE INDEX referrals_treatment_started ON referrals(treatment_started_at)
        WHERE treatment_started_at IS NOT NULL;
    """)


@SCHEMA_MIGRATIONS(name="0009_trust")
def m0009_trust(db: sqlite_utils.Database) -> None:
    """Issue 10, point 11: each event carries its author's own signature (``author_sig``, not part of the hash
    nor of the wire) and each account the public half of its signing key (``signing_public``). Events written
    before this migration stay unsigned: ``signed_from_order`` in meta says where signatures begin. The
    immutability trigger now covers the signature too."""
    db.execute("ALTER TABLE events ADD COLUMN author_sig TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE users ADD COLUMN signing_public TEXT NOT NULL DEFAULT ''")
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('signed_from_order', "
               "(SELECT CAST(coalesce(max(local_order), 0) AS TEXT) FROM events))")
    db.execute("DROP TRIGGER IF EXISTS events_immutable")
    db.execute("CREATE TRIGGER events_immutable BEFORE UPDATE OF id, device_id, device_seq, entity_type, entity_id, "
               "type, payload, author, hlc, content_version, recorded_at, prev_hash, hash, local_order, author_sig "
               "ON events BEGIN SELECT RAISE(ABORT, 'events are immutable'); END")


@SCHEMA_MIGRATIONS(name="0010_directory")
def m0010_directory(db: sqlite_utils.Database) -> None:
    """Issue 16: the stages a partner organisation records at HQ for a referral (received, person arrived, assessed,
    ..., closed with its outcome, did not arrive), pulled back to the registering checkpoint. HQ's referral
    directory itself lives in the meta table (``checkpoint.services.directory``): no table for it."""
    db.executescript("""
    CREATE TABLE IF NOT EXISTS referral_stages (
        id TEXT PRIMARY KEY,                 -- the event's id
        referral_id TEXT NOT NULL REFERENCES referrals(id),
        stage TEXT NOT NULL,
        outcome TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX IF NOT EXISTS referral_stages_referral ON referral_stages(referral_id);
    """)
@SCHEMA_MIGRATIONS(name="0011_assistance")
def m0011_assistance(db: sqlite_utils.Database) -> None:
    """Issue 13: assistance handed out at the transit centre (item, quantity or amount, provider, who and when, a
    supervisor's override of the second-cash-grant rule, void and correction) and NEA job registrations
    (checkpoint.storage.assistance)."""
    from checkpoint.storage.assistance import SCHEMA_0011
    db.executescript(SCHEMA_0011)


PROJECTION_TABLES += ("assistance", "nea_registrations")      # issue 13 (appended)


def apply_migrations(db: sqlite_utils.Database) -> None:
    """Bring the store to the current schema. Each migration and its record commit together."""
    SCHEMA_MIGRATIONS.apply(db)


def schema_version(db: sqlite_utils.Database) -> list[str]:
    """Names of the migrations applied to this store, in order."""
    return [m.name for m in SCHEMA_MIGRATIONS.applied(db)]


@SCHEMA_MIGRATIONS(name="0012_retention")
def m0012_retention(db: sqlite_utils.Database) -> None:
    """Issue 12, point 6 (data minimisation, ``checkpoint.storage.minimise``): which events had their protection
    section dropped after HQ acknowledged them (and by which ``records.minimised`` event, with the SHA-256 of what
    was kept), and the persons a supervisor fetched back from HQ (kept whole until ``until``). The payload of an
    event may now change, and nothing else of it, but only once it is listed in ``minimised_events`` (a guard
    against mistakes: whoever holds the data key can drop triggers; ``verify`` is what catches her)."""
    db.executescript("""
    CREATE TABLE minimised_events (
        event_id TEXT PRIMARY KEY REFERENCES events(id),
        person_id TEXT NOT NULL,
        minimised_at TEXT NOT NULL,
        by_event TEXT NOT NULL,
        kept_sha256 TEXT NOT NULL,
        acked_at TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX minimised_person ON minimised_events(person_id);
    CREATE TABLE retention_holds (
        person_id TEXT PRIMARY KEY,
        until TEXT NOT NULL,
        by_event TEXT NOT NULL
    );
    DROP TRIGGER IF EXISTS events_immutable;
    CREATE TRIGGER events_immutable BEFORE UPDATE OF id, device_id, device_seq, entity_type, entity_id, type,
        payload, author, hlc, content_version, recorded_at, prev_hash, hash, local_order, author_sig ON events
        WHEN NOT (EXISTS (SELECT 1 FROM minimised_events WHERE event_id = OLD.id)
                  AND NEW.id IS OLD.id AND NEW.device_id IS OLD.device_id AND NEW.device_seq IS OLD.device_seq
                  AND NEW.entity_type IS OLD.entity_type AND NEW.entity_id IS OLD.entity_id AND NEW.type IS OLD.type
                  AND NEW.author IS OLD.author AND NEW.hlc IS OLD.hlc AND NEW.content_version IS OLD.content_version
                  AND NEW.recorded_at IS OLD.recorded_at AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
                  AND NEW.local_order IS OLD.local_order AND NEW.author_sig IS OLD.author_sig)
    BEGIN SELECT RAISE(ABORT, 'events are immutable'); END
    """)


@SCHEMA_MIGRATIONS(name="0013_arrivals_sync")
def m0013_arrivals_sync(db: sqlite_utils.Database) -> None:
    """Issue 11: every quick registration asks whether surge mode is on (the last switch by hybrid logical clock,
    from any laptop of the checkpoint now that switches travel): an index, so it is never a scan of the switches;
    and the household's adults read in order from an index.
    Groups, surge switches and headcounts were events from 0006 on: nothing else to move."""
    db.execute("CREATE INDEX IF NOT EXISTS surge_log_hlc ON surge_log(hlc)")
    # a child's quick registration reads the adults of her household in the order they were registered
    db.execute("CREATE INDEX IF NOT EXISTS arrivals_household_order ON arrivals(household_id, created_at) "
               "WHERE household_id IS NOT NULL")
    db.execute("DROP INDEX IF EXISTS arrivals_household")


@SCHEMA_MIGRATIONS(name="0014_protection")
def m0014_protection(db: sqlite_utils.Database) -> None:
    """Issue 10, point 11: each account also shows the public half of its X25519 key (``sealing_public``): the
    protection sections she writes are sealed to it, besides the checkpoint's protection key. Sealed sections live
    in the event payloads only (``checkpoint.protection_section``); sealing what older events hold in clear is done
    at a supervisor's sign-in (``checkpoint.services.protection.seal_legacy``), not here: it needs the protection key
    and the supervisor's own signing key. An event so sealed keeps its hash (the chain and HQ's anchor stay whole);
    ``sealed_over`` says who sealed it, the SHA-256 of the sealed payload and her signature over both.

    One trigger, ``events_immutable``, replaces 0012_retention's and allows exactly two changes to an event, only
    its ``payload`` and ``sealed_over`` besides: sealing once (``sealed_over`` goes from '' to set, with the
    payload) and minimising (an event listed in ``minimised_events`` may have its payload changed while
    ``sealed_over`` stays as it is). Anything else aborts. A guard against mistakes: whoever holds the data key can
    drop triggers; ``verify`` is what catches her."""
    db.execute("ALTER TABLE users ADD COLUMN sealing_public TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE events ADD COLUMN sealed_over TEXT NOT NULL DEFAULT ''")
    db.execute("DROP TRIGGER IF EXISTS events_immutable")
    db.execute("""
    CREATE TRIGGER events_immutable BEFORE UPDATE OF id, device_id, device_seq, entity_type, entity_id, type,
        payload, author, hlc, content_version, recorded_at, prev_hash, hash, local_order, author_sig, sealed_over
        ON events
        WHEN NOT (NEW.id IS OLD.id AND NEW.device_id IS OLD.device_id AND NEW.device_seq IS OLD.device_seq
                  AND NEW.entity_type IS OLD.entity_type AND NEW.entity_id IS OLD.entity_id AND NEW.type IS OLD.type
                  AND NEW.author IS OLD.author AND NEW.hlc IS OLD.hlc AND NEW.content_version IS OLD.content_version
                  AND NEW.recorded_at IS OLD.recorded_at AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
                  AND NEW.local_order IS OLD.local_order AND NEW.author_sig IS OLD.author_sig
                  AND ((OLD.sealed_over = '' AND NEW.sealed_over != '')
                       OR (NEW.sealed_over IS OLD.sealed_over
                           AND EXISTS (SELECT 1 FROM minimised_events WHERE event_id = OLD.id))))
    BEGIN SELECT RAISE(ABORT, 'events are immutable'); END
    """)
