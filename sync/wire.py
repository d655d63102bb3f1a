"""What travels between a device and HQ, over HTTP or on a USB stick: sealed batches, signed documents, and the
proofs a device signs its pull and reference requests with. One copy, used by both sides.

A **batch** (device → HQ) is sealed like an age file and signed by the device::

    b"CPB1" | u32 header length | header (canonical JSON) | u32 sealed length | sealed | signature

- header: ``{"v", "kind": "batch", "batch_id", "device_id", "store_id", "first_seq", "last_seq", "count",
  "prev_sha256", "created_at", "hq_key_id"}`` — readable without the key (HQ routes and checks it first);
- sealed: ``crypto.seal(hq_exchange_public, zlib(JSON list of events), context=BATCH_CONTEXT + header)`` —
  a fresh content key per batch, the header bound as associated data;
- signature: ``crypto.sign(device_private, everything before it, context=BATCH_CONTEXT)``.

The batch's identity on both sides is the SHA-256 of the whole file (``digest``); each header names the digest
of the previous acknowledged batch, so HQ sees a device's batches as a chain.

**Signed documents** (HQ → device: acknowledgements, pull responses, reference data; device → HQ: enrollment
requests) are ``magic | u32 length | canonical JSON | signature`` with a context per kind, so a signature made
for one kind never verifies as another.

    >>> blob = seal_batch(batch, identity, hq_exchange_public)                          # doctest: +SKIP
    >>> header, events = open_batch(blob, hq_exchange_private, lambda dev: public_key)    # doctest: +SKIP

**Requests** (device → HQ: pull, reference data, and the ticket of a push) are signed documents of kind REQUEST
(``CPR2``) holding the device id, ``issued_at`` (the device's clock), a random 128-bit ``nonce`` and the request's
fields; a pull or reference request also holds a fresh X25519 ``reply_key``. HQ verifies them with the device's
enrolled key (``open_request``), refuses a timestamp more than ``MAX_SKEW`` (5 minutes) from its own clock
(StaleRequest, which says how far off the device's clock is) and a nonce it has seen (``sync.hq.replay``), and
seals its signed answer to the reply key (``seal_answer``, the construction batches are sealed with), bound to
the nonce. The device opens it with the private half it kept in memory (``open_answer``), then ``open_signed``.

    >>> req = pull_request(device_private, device_id, cursor, 1000)                     # doctest: +SKIP
    >>> doc = open_signed(PULL, open_answer(transport.pull(req.blob), req), hq_signing_public)  # doctest: +SKIP

Everything untrusted is size-capped before parsing; every failure is a CheckpointError subclass with a plain
reason (UnsupportedFormat, SignatureInvalid, DecryptionFailed, ValidationError).
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import struct
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from checkpoint import crypto, jsondepth
from checkpoint.errors import DecryptionFailed, SignatureInvalid, UnsupportedFormat, ValidationError
from checkpoint.events import WIRE_FIELDS, canonical_json
from sync.errors import StaleRequest
from sync.protocol import BATCH_VERSIONS, MAX_DEPTH, PROTOCOL_VERSION

__all__ = ["ACK", "BATCH_MAGIC", "ENROLL", "ENROLL_ANSWER", "MAX_SKEW", "PULL", "REFERENCE", "RELEASE",
           "REQUEST", "OutgoingBatch", "Request", "digest", "enrollment_code", "hq_fingerprint",
           "normalize_fingerprint", "open_answer", "open_batch", "open_enroll_answer", "open_release",
           "open_request", "open_signed", "peek_batch_header", "peek_request", "peek_signed",
           "pull_request", "push_ticket", "reference_request", "request_digest", "seal_answer",
           "seal_batch", "sign_document", "split_enrollment_code"]
__all__ += ["FETCH", "fetch_request"]      # issue 12, point 6: fetch-back

BATCH_MAGIC = b"CPB1"
BATCH_CONTEXT = b"checkpoint batch v1"
MAX_HEADER = 64 * 1024
MAX_BATCH_BYTES = 64 * 1024 * 1024
MAX_EVENTS_JSON = 512 * 1024 * 1024   # after decompression: refuse zip bombs
MAX_DOCUMENT = 64 * 1024 * 1024

# Signed document kinds: (magic, signature context)
ACK = (b"CPA1", b"checkpoint ack v1")
PULL = (b"CPP1", b"checkpoint pull v1")
REFERENCE = (b"CPD1", b"checkpoint reference data v1")
ENROLL = (b"CPE1", b"checkpoint enrollment v1")
ENROLL_ANSWER = (b"CPN1", b"checkpoint enrollment answer v1")     # HQ -> device: its keys, bound to the request
RELEASE = (b"CPL1", b"checkpoint device release v1")              # HQ -> device: you may enroll elsewhere

REQUEST = (b"CPR2", b"checkpoint request v2")      # device -> HQ: pull, reference and push requests
ANSWER_CONTEXT = b"checkpoint answer v2"
MAX_REQUEST = 4096
MAX_SKEW = timedelta(minutes=5)


class OutgoingBatch(Protocol):
    """What ``seal_batch`` needs of a batch (the device's ``checkpoint.services.outbox.Batch``)."""

    @property
    def id(self) -> str: ...

    @property
    def first_seq(self) -> int: ...

    @property
    def last_seq(self) -> int: ...

    @property
    def events(self) -> tuple[dict[str, Any], ...]: ...

    @property
    def prev_sha256(self) -> str: ...


def _canonical(obj: Any) -> bytes:
    return canonical_json(obj).encode()


def digest(blob: bytes) -> str:
    """SHA-256 (hex) of a whole sealed batch: its identity in the chain."""
    return hashlib.sha256(blob).hexdigest()


def _u32(n: int) -> bytes:
    return struct.pack(">I", n)


def _take(blob: bytes, at: int, cap: int, what: str) -> tuple[bytes, int]:
    if len(blob) < at + 4:
        raise UnsupportedFormat(f"The {what} is cut short.")
    (n,) = struct.unpack(">I", blob[at:at + 4])
    if n > cap:
        raise UnsupportedFormat(f"The {what} is larger than allowed.")
    end = at + 4 + n
    if len(blob) < end:
        raise UnsupportedFormat(f"The {what} is cut short.")
    return blob[at + 4:end], end


def _json(raw: bytes, what: str, loads: Callable[[bytes], Any] = jsondepth.loads) -> Any:
    """``loads(raw)``: by default ``json.loads`` refusing JSON nested deeper than MAX_DEPTH (checkpoint.jsondepth);
    another ``loads`` must refuse it too (raise ``jsondepth.TooDeep``)."""
    try:
        return loads(raw)
    except jsondepth.TooDeep:
        raise UnsupportedFormat(f"The {what} is nested deeper than {MAX_DEPTH} levels: refused.") from None
    except (ValueError, UnicodeDecodeError):
        raise UnsupportedFormat(f"The {what} is not readable.") from None


# ------------------------------------------------------------------------------------------- batches
def seal_batch(batch: OutgoingBatch, identity: Mapping[str, Any], hq_exchange_public: bytes, *,
               now: datetime | None = None) -> bytes:
    """Seal and sign a batch from ``Outbox.next_batch()`` with the device identity from ``Outbox.identity()``."""
    header = {"v": PROTOCOL_VERSION, "kind": "batch", "batch_id": batch.id, "device_id": identity["device_id"],
              "store_id": identity["store_id"], "first_seq": batch.first_seq, "last_seq": batch.last_seq,
              "count": len(batch.events), "prev_sha256": batch.prev_sha256,
              "created_at": (now or datetime.now(UTC)).isoformat(), "hq_key_id": crypto.key_id(hq_exchange_public)}
    head = _canonical(header)
    body = zlib.compress(_canonical([{k: e[k] for k in WIRE_FIELDS} for e in batch.events]), 1)
    sealed = crypto.seal(hq_exchange_public, body, context=BATCH_CONTEXT + b"|" + head)
    signed = BATCH_MAGIC + _u32(len(head)) + head + _u32(len(sealed)) + sealed
    return signed + crypto.sign(identity["signing_private"], signed, context=BATCH_CONTEXT)


def peek_batch_header(blob: bytes) -> dict[str, Any]:
    """The header of a sealed batch, unverified (to find the device's key). Raises UnsupportedFormat."""
    if not isinstance(blob, bytes | bytearray) or len(blob) > MAX_BATCH_BYTES:
        raise UnsupportedFormat("This is not a Checkpoint batch (or it is too large).")
    if blob[:4] != BATCH_MAGIC:
        raise UnsupportedFormat("This is not a Checkpoint batch file.")
    head, _ = _take(bytes(blob), 4, MAX_HEADER, "batch header")
    header = _json(head, "batch header")
    if not isinstance(header, dict) or header.get("kind") != "batch":
        raise UnsupportedFormat("The batch header is not valid.")
    if isinstance(header.get("v"), bool) or not isinstance(header.get("v"), int) \
            or header["v"] not in BATCH_VERSIONS:      # a list or an object is not hashable: a TypeError before
        raise UnsupportedFormat(f"Batch protocol version {header.get('v')!r} is not supported.")
    for k, t in (("batch_id", str), ("device_id", str), ("first_seq", int), ("last_seq", int), ("count", int),
                 ("prev_sha256", str)):
        if not isinstance(header.get(k), t) or isinstance(header[k], bool):    # true is an int to Python, not to SQL
            raise UnsupportedFormat(f"The batch header lacks {k}.")
    return header


def open_batch(blob: bytes, hq_exchange_private: bytes, device_key: Callable[[str], bytes], *,
               loads: Callable[[bytes], Any] = jsondepth.loads) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Verify the device's signature, decrypt and parse a batch; returns (header, events). ``loads`` parses the
    body: ``json.loads`` refusing JSON nested deeper than MAX_DEPTH (``checkpoint.jsondepth.loads``, raising
    TooDeep) or what gives the same result (HQ's ``sync.hq.fastjson.loads_batch``).

    ``device_key(device_id)`` returns the enrolled device's Ed25519 public key, or raises (unenrolled or revoked:
    the caller's error passes through). Raises UnsupportedFormat, SignatureInvalid, DecryptionFailed.
    """
    header = peek_batch_header(blob)
    blob = bytes(blob)
    head, at = _take(blob, 4, MAX_HEADER, "batch header")
    sealed, at = _take(blob, at, MAX_BATCH_BYTES, "sealed body")
    signed, signature = blob[:at], blob[at:]
    crypto.verify(device_key(header["device_id"]), signed, signature, context=BATCH_CONTEXT)
    body = crypto.open_sealed(hq_exchange_private, sealed, context=BATCH_CONTEXT + b"|" + head,
                              max_size=MAX_BATCH_BYTES)
    d = zlib.decompressobj()
    try:
        raw = d.decompress(body, MAX_EVENTS_JSON)
    except zlib.error:
        raise DecryptionFailed("The batch body is damaged.") from None
    if d.unconsumed_tail:
        raise UnsupportedFormat("The batch is larger than allowed once unpacked.")
    events = _json(raw, "batch body", loads)
    if not isinstance(events, list) or len(events) != header["count"]:
        raise UnsupportedFormat("The batch does not hold the number of events its header says.")
    for e in events:
        if not isinstance(e, dict) or e.get("device_id") != header["device_id"]:
            raise UnsupportedFormat("The batch holds an event of another device.")
    return header, events


# ------------------------------------------------------------------------------------------- signed documents
def sign_document(kind: tuple[bytes, bytes], body: Mapping[str, Any], private: bytes) -> bytes:
    """``magic | length | canonical JSON | signature`` for an ack, pull response, reference data or enrollment."""
    magic, context = kind
    raw = _canonical({"v": PROTOCOL_VERSION, **body})
    signed = magic + _u32(len(raw)) + raw
    return signed + crypto.sign(private, signed, context=context)


def open_signed(kind: tuple[bytes, bytes], blob: bytes, public: bytes) -> dict[str, Any]:
    """Verify and parse a signed document of the expected kind. Raises UnsupportedFormat or SignatureInvalid."""
    magic, context = kind
    if not isinstance(blob, bytes | bytearray) or len(blob) > MAX_DOCUMENT:
        raise UnsupportedFormat("This is not a Checkpoint document (or it is too large).")
    blob = bytes(blob)
    if blob[:4] != magic:
        raise UnsupportedFormat("This is not the kind of Checkpoint document expected here.")
    raw, at = _take(blob, 4, MAX_DOCUMENT, "document")
    try:
        crypto.verify(public, blob[:at], blob[at:], context=context)
    except SignatureInvalid:
        raise SignatureInvalid("The document's signature does not verify: it was altered or not signed by the "
                               "expected key.") from None
    body = _json(raw, "document")
    if not isinstance(body, dict) or body.get("v") != PROTOCOL_VERSION:
        raise UnsupportedFormat("The document's protocol version is not supported.")
    return body


def check_fields(body: Mapping[str, Any], spec: Mapping[str, type | tuple[type, ...]]) -> None:
    """Raise ValidationError if a field of a parsed message is missing or of the wrong type."""
    for k, t in spec.items():
        v = body.get(k)
        if not isinstance(v, t) or (isinstance(v, bool) and bool not in (t if isinstance(t, tuple) else (t,))):
            raise ValidationError(k, "is missing or malformed")        # true is an int to Python, not to HQ


# ------------------------------------------------------------------------------------------- enrollment trust
# The enrollment code an officer types is HQ's one-time token followed by a short fingerprint of HQ's signing key:
# 32 + 16 base32 characters, printed in groups of four (``checkpoint-hq enroll-token``). The device sends only the
# token; it accepts HQ's keys only from an ENROLL_ANSWER signed by a key with that fingerprint and bound to its
# own request (device id and the SHA-256 of the request), so a relay that swaps keys is refused.
TOKEN_CHARS = 32
FINGERPRINT_CHARS = 16
_B32 = re.compile(r"[A-Z2-7]+")


def _groups(s: str) -> str:
    return "-".join(s[i:i + 4] for i in range(0, len(s), 4))


def hq_fingerprint(signing_public: bytes) -> str:
    """A short fingerprint of HQ's Ed25519 signing key (80 bits, base32, groups of four): what an officer types."""
    raw = hashlib.sha256(b"checkpoint hq fingerprint v1|" + bytes(signing_public)).digest()[:10]
    return _groups(base64.b32encode(raw).decode())


_LOOKALIKES = str.maketrans("018", "OIB")      # not in base32: what a 0, 1 or 8 typed for O, I or B meant


def _compact(text: str) -> str:
    return re.sub(r"[\s-]+", "", text or "").upper()


def enrollment_code(token: str, signing_public: bytes) -> str:
    """The one string HQ hands out: the token and the fingerprint of HQ's signing key, in groups of four."""
    return _groups(_compact(token) + _compact(hq_fingerprint(signing_public)))


def split_enrollment_code(code: str) -> tuple[str, str | None]:
    """(token, fingerprint or None) from what an officer typed (any case, spaces or dashes). A bare token (the
    form before fingerprints) gives None: the caller refuses it unless the fingerprint is given separately."""
    s = _compact(code).translate(_LOOKALIKES)
    if len(s) == TOKEN_CHARS + FINGERPRINT_CHARS and _B32.fullmatch(s):
        return _groups(s[:TOKEN_CHARS]), _groups(s[TOKEN_CHARS:])
    return code.strip(), None


def normalize_fingerprint(text: str) -> str:
    """A fingerprint as typed, in its printed form. Raises ValidationError if it cannot be one."""
    s = _compact(text).translate(_LOOKALIKES)
    if len(s) != FINGERPRINT_CHARS or not _B32.fullmatch(s):
        raise ValidationError("fingerprint", "must be the 16 letters and digits HQ printed (4 groups of 4)")
    return _groups(s)


def request_digest(request: bytes) -> str:
    """SHA-256 (hex) of a signed ENROLL request: HQ's answer names it, so it answers this request only."""
    return hashlib.sha256(bytes(request)).hexdigest()


def peek_signed(kind: tuple[bytes, bytes], blob: Any, *, limit: int = 64 * 1024) -> dict[str, Any]:
    """The body of a small signed document BEFORE its signature is checked (to find the key that must have signed
    it). Never trust what it returns until ``open_signed`` verified the same blob."""
    if not isinstance(blob, bytes | bytearray) or len(blob) > limit or bytes(blob[:4]) != kind[0]:
        raise UnsupportedFormat("This is not the kind of Checkpoint document expected here.")
    raw, _ = _take(bytes(blob), 4, limit, "document")
    body = _json(raw, "document")
    if not isinstance(body, dict):
        raise UnsupportedFormat("The document is not valid.")
    return body


def _public_key(value: Any) -> bytes:
    try:
        key = bytes.fromhex(value) if isinstance(value, str) else b""
    except ValueError:
        key = b""
    if len(key) != 32:
        raise UnsupportedFormat("HQ's enrollment answer holds a malformed key.")
    return key


def open_enroll_answer(blob: Any, fingerprint: str, device_id: str, request: bytes) -> dict[str, Any]:
    """Verify HQ's signed enrollment answer: signed by the key whose fingerprint the officer typed, for this
    device and this very request. Returns its body with the keys as bytes (``hq_signing_public``...).

    Raises SignatureInvalid (another key, or altered), UnsupportedFormat (unreadable), ValidationError (not
    for this request)."""
    body = peek_signed(ENROLL_ANSWER, blob)
    signing = _public_key(body.get("hq_signing_public"))
    if hq_fingerprint(signing) != normalize_fingerprint(fingerprint):
        raise SignatureInvalid("HQ's keys do not match the fingerprint in the enrollment code: nothing was pinned. "
                               "Check the code; if it is right, someone may stand between this device and HQ.")
    body = open_signed(ENROLL_ANSWER, bytes(blob), signing)
    if body.get("kind") != "enroll_answer" or body.get("device_id") != device_id \
            or body.get("request_sha256") != request_digest(request):
        raise ValidationError("answer", "HQ's signed answer is for another enrollment request: nothing was pinned")
    check_fields(body, {"hq_device_id": str, "checkpoint_id": str})
    return {**body, "hq_signing_public": signing, "hq_exchange_public": _public_key(body.get("hq_exchange_public")),
            "hq_recovery_public": _public_key(body.get("hq_recovery_public"))}


def open_release(blob: Any, hq_signing_public: bytes, device_id: str) -> dict[str, Any]:
    """Verify a release document: HQ (the key this device pinned) lets ``device_id`` enroll again, possibly
    elsewhere. It names the enrollment it ends (``enrolled_at`` at HQ), so an old release does not move the device
    again. Raises SignatureInvalid, UnsupportedFormat, ValidationError (another device's release)."""
    body = open_signed(RELEASE, bytes(blob) if isinstance(blob, bytes | bytearray) else b"", hq_signing_public)
    if body.get("kind") != "release" or body.get("device_id") != device_id:
        raise ValidationError("release", "this release document is for another device")
    check_fields(body, {"released_at": str, "reason": str})
    return body


# ------------------------------------------------------------------------------------------- signed requests
@dataclass(frozen=True)
class Request:
    """A signed request on its way to HQ, and what the device needs to read the answer: the nonce (bound into the
    sealed answer) and the reply key's private half, which stays in memory for this one request."""

    blob: bytes = field(repr=False)
    nonce: str
    reply_private: bytes = field(repr=False)


def _now_iso(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat()


def _signed_request(private: bytes, kind: str, device_id: str, fields: Mapping[str, Any],
                    now: datetime | None) -> tuple[bytes, str]:
    nonce = secrets.token_hex(16)
    body = {"kind": kind, "device_id": device_id, "issued_at": _now_iso(now), "nonce": nonce, **fields}
    return sign_document(REQUEST, body, private), nonce


def pull_request(private: bytes, device_id: str, cursor: str, limit: int, *, now: datetime | None = None) -> Request:
    """A signed pull request (device id, cursor, limit, timestamp, nonce, a fresh reply key)."""
    reply_private, reply_public = crypto.generate_x25519()
    blob, nonce = _signed_request(private, "pull", device_id, {"cursor": cursor, "limit": limit,
                                                                "reply_key": reply_public.hex()}, now)
    return Request(blob, nonce, reply_private)


def reference_request(private: bytes, device_id: str, *, now: datetime | None = None) -> Request:
    """A signed reference-data request (device id, timestamp, nonce, a fresh reply key)."""
    reply_private, reply_public = crypto.generate_x25519()
    blob, nonce = _signed_request(private, "reference", device_id, {"reply_key": reply_public.hex()}, now)
    return Request(blob, nonce, reply_private)


def push_ticket(private: bytes, device_id: str, sha256: str, length: int, *, now: datetime | None = None) -> bytes:
    """The ticket a push carries in its headers: HQ checks it (device, signature, time, nonce, declared SHA-256 and
    length of the body) before it reads a byte of the body."""
    return _signed_request(private, "push", device_id, {"sha256": sha256, "length": length}, now)[0]


_REQUEST_FIELDS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "fetch": {"person_id": str, "reason": str, "reply_key": str},      # issue 12: a minimised record back
    "pull": {"cursor": str, "limit": int, "reply_key": str},
    "reference": {"reply_key": str},
    "push": {"sha256": str, "length": int},
    "checkpoint_key": {"reply_key": str},        # issue 10 point 11: the checkpoint's protection key
}
_HEX_NONCE = re.compile(r"[0-9a-f]{32}")
_HEX_KEY = re.compile(r"[0-9a-f]{64}")


def peek_request(blob: Any) -> dict[str, Any]:
    """A signed request's body, unverified (to find the device's key). Raises UnsupportedFormat."""
    if not isinstance(blob, bytes | bytearray) or len(blob) > MAX_REQUEST:
        raise UnsupportedFormat("This is not a Checkpoint request (or it is too large).")
    blob = bytes(blob)
    if blob[:4] != REQUEST[0]:
        raise UnsupportedFormat("This is not a Checkpoint request of this protocol version: update the app.")
    raw, _ = _take(blob, 4, MAX_REQUEST, "request")
    body = _json(raw, "request")
    if not isinstance(body, dict) or not isinstance(body.get("device_id"), str):
        raise UnsupportedFormat("The request is not valid.")
    return body


def open_request(blob: Any, kind: str, device_key: Callable[[str], bytes], *, now: datetime,
                 max_skew: timedelta = MAX_SKEW) -> dict[str, Any]:
    """Verify a signed request of ``kind`` ("pull", "reference", "push") with the device's enrolled key
    (``device_key(device_id)``, whose errors pass through) and check that it is fresh: its timestamp within
    ``max_skew`` of ``now``. The caller checks that the nonce is new (``sync.hq.replay``).

    Raises UnsupportedFormat, SignatureInvalid, ValidationError (a field), StaleRequest (with the skew).
    """
    device_id = peek_request(blob)["device_id"]
    body = open_signed(REQUEST, bytes(blob), device_key(device_id))
    if body.get("kind") != kind:
        raise UnsupportedFormat(f"This request is not a {kind} request.")
    check_fields(body, {"issued_at": str, "nonce": str, **_REQUEST_FIELDS[kind]})
    if not _HEX_NONCE.fullmatch(body["nonce"]):
        raise ValidationError("nonce", "is malformed")
    if "reply_key" in body and not _HEX_KEY.fullmatch(body["reply_key"]):
        raise ValidationError("reply_key", "is malformed")
    if kind == "push" and (not _HEX_KEY.fullmatch(body["sha256"]) or isinstance(body["length"], bool)
                           or body["length"] < 0):
        raise ValidationError("ticket", "is malformed")
    try:
        issued = datetime.fromisoformat(body["issued_at"])
    except ValueError:
        raise ValidationError("issued_at", "is not a time") from None
    if issued.tzinfo is None:
        raise ValidationError("issued_at", "has no time zone")
    skew = (issued - now).total_seconds()
    if abs(skew) > max_skew.total_seconds():
        hq_time = now.astimezone(UTC).isoformat(timespec="seconds")
        raise StaleRequest(f"The request's time is {abs(skew) / 60:.0f} minutes {'ahead of' if skew > 0 else 'behind'}"
                           f" HQ's clock ({hq_time}): set the device's date and time, then sync again.",
                           skew=skew, hq_time=hq_time)
    return body


def _answer_context(nonce: str) -> bytes:
    return ANSWER_CONTEXT + b"|" + nonce.encode()


def seal_answer(document: bytes, request: Mapping[str, Any]) -> bytes:
    """HQ's signed answer sealed to the request's reply key, bound to its nonce (``crypto.seal``, as a batch is
    sealed to HQ): only the device that made this request can read it."""
    return crypto.seal(bytes.fromhex(request["reply_key"]), document, context=_answer_context(request["nonce"]))


def open_answer(blob: bytes, request: Request) -> bytes:
    """The signed document inside a sealed answer to ``request`` (verify it next with ``open_signed``).
    Raises UnsupportedFormat, DecryptionFailed."""
    return crypto.open_sealed(request.reply_private, blob, context=_answer_context(request.nonce),
                              max_size=MAX_DOCUMENT + 1024)


# Issue 12, point 6: a supervisor fetches a record minimised on her device back from HQ. The request is signed like a
# pull (kind "fetch": person id, the reason, a reply key); HQ's answer (CPF1) is the person's events, signed and sealed.
FETCH = (b"CPF1", b"checkpoint fetch-back v1")


def fetch_request(private: bytes, device_id: str, person_id: str, reason: str, *, now: datetime | None = None
                  ) -> Request:
    """A signed fetch-back request (device id, person id, reason, timestamp, nonce, a fresh reply key)."""
    reply_private, reply_public = crypto.generate_x25519()
    blob, nonce = _signed_request(private, "fetch", device_id, {"person_id": person_id, "reason": reason,
                                                                 "reply_key": reply_public.hex()}, now)
    return Request(blob, nonce, reply_private)


# Issue 10, point 11: HQ keeps one protection key pair per checkpoint and gives its private half to the devices of
# that checkpoint only, sealed to the asking device: in the enrollment answer (sealed to the reply key the ENROLL
# request carries, its public half inside the signed answer) or, for a device enrolled before, to a signed request
# of kind "checkpoint_key" (answer: a CHECKPOINT_KEY document signed by HQ, sealed to the request's reply key).
CHECKPOINT_KEY = (b"CPK1", b"checkpoint protection key v1")
_ENROLL_KEY_CONTEXT = b"checkpoint enrollment protection key v1|"


def checkpoint_key_request(private: bytes, device_id: str, *, now: datetime | None = None) -> Request:
    """A signed request for this device's checkpoint protection key (device id, timestamp, nonce, reply key)."""
    reply_private, reply_public = crypto.generate_x25519()
    blob, nonce = _signed_request(private, "checkpoint_key", device_id, {"reply_key": reply_public.hex()}, now)
    return Request(blob, nonce, reply_private)


def seal_enroll_key(checkpoint_private: bytes, reply_public: bytes, request: bytes) -> bytes:
    """The checkpoint's private key for an enrolling device: sealed to the reply key of its ENROLL ``request``,
    bound to that request's SHA-256."""
    return crypto.seal(reply_public, checkpoint_private, context=_ENROLL_KEY_CONTEXT + request_digest(request).encode())


def open_enroll_key(blob: bytes, reply_private: bytes, request: bytes, checkpoint_public: bytes) -> bytes:
    """The checkpoint's private key from an enrollment answer; it must be the private half of the public key HQ
    signed in that answer (``checkpoint_public``), so no relay can give the device a key of its own.
    Raises DecryptionFailed, UnsupportedFormat, ValidationError."""
    private = crypto.open_sealed(reply_private, blob, context=_ENROLL_KEY_CONTEXT + request_digest(request).encode(),
                                 max_size=4096)
    if len(private) != 32 or crypto.x25519_public(private) != checkpoint_public:
        raise ValidationError("checkpoint_key", "is not the key HQ signed in its answer")
    return private
