"""One hierarchy for every failure the core can report.

Each error has a stable ``code`` (for the UI's single translation table and for the CLI's exit codes) and a
plain English ``message``. Nothing here carries personal data: messages name fields, never their values.

    >>> try:
    ...     raise ValidationError("date_of_birth", "is in the future")
    ... except CheckpointError as e:
    ...     (e.code, e.field, str(e))
    ('validation', 'date_of_birth', 'date_of_birth: is in the future')
"""

from __future__ import annotations

__all__ = [
    "AccountDisabled",
    "AuthError",
    "CheckpointError",
    "ConflictError",
    "CryptoError",
    "DecryptionFailed",
    "IntegrityViolation",
    "LockedOut",
    "NotEncrypted",
    "NotFound",
    "PermissionDenied",
    "SignatureInvalid",
    "StoreError",
    "StoreExists",
    "StoreMissing",
    "UnsupportedFormat",
    "ValidationError",
    "WrongPassphrase",
]


class CheckpointError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"

    def __init__(self, message: str = "") -> None:
        super().__init__(message or self.__class__.__doc__ or self.code)

    @property
    def message(self) -> str:
        return str(self)


class ValidationError(CheckpointError, ValueError):
    """Input was rejected; nothing was written."""

    code = "validation"

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.detail = message
        super().__init__(f"{field}: {message}" if field else message)


class AuthError(CheckpointError):
    """The user could not be authenticated."""

    code = "auth"


class WrongPassphrase(AuthError):
    """Wrong user name or passphrase."""

    code = "wrong_passphrase"

    def __init__(self, message: str = "", *, failed_attempts: int = 0, retry_after: float = 0.0) -> None:
        self.failed_attempts = failed_attempts
        self.retry_after = retry_after
        super().__init__(message or "Wrong user name or passphrase.")


class LockedOut(AuthError):
    """Too many wrong passphrases: wait before trying again. Data is never deleted."""

    code = "locked_out"

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        super().__init__(f"Too many wrong passphrases. Try again in {int(retry_after + 0.999)} s.")


class AccountDisabled(AuthError):
    """This account is locked by a supervisor."""

    code = "account_disabled"


class PermissionDenied(CheckpointError):
    """The signed-in user's role does not allow this."""

    code = "permission_denied"


class NotFound(CheckpointError):
    """No such record."""

    code = "not_found"


class ConflictError(CheckpointError):
    """The change conflicts with the current state of the record."""

    code = "conflict"


class StoreError(CheckpointError):
    """The store could not be opened or used."""

    code = "store"


class StoreExists(StoreError):
    """A store already exists at this path."""

    code = "store_exists"


class StoreMissing(StoreError):
    """No store at this path."""

    code = "store_missing"


class NotEncrypted(StoreError):
    """The database driver is not SQLCipher: refusing to write plaintext."""

    code = "not_encrypted"


class IntegrityViolation(StoreError):
    """The store failed an integrity check."""

    code = "integrity"


class CryptoError(CheckpointError):
    """A cryptographic operation failed."""

    code = "crypto"


class DecryptionFailed(CryptoError):
    """Wrong key, or the data was altered."""

    code = "decryption_failed"


class UnsupportedFormat(CryptoError):
    """Unknown magic, version or suite: this file was written by something else or a newer version."""

    code = "unsupported_format"


class SignatureInvalid(CryptoError):
    """The signature does not verify."""

    code = "signature_invalid"
