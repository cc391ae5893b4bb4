"""A resume code: the answer codes, encrypted and signed, short enough to copy by hand.

There is no account and no database, so the only way back to a journey on another day or device
is something the person keeps. The code holds exactly what the cookie holds (answer codes, never
names or case numbers), sealed with AES-SIV under a key derived from SECRET_KEY: nobody can read
it, and changing one character makes it fail. The day it was made is authenticated with it, so an
old code is refused by its age, not by guesswork.

Layout before base32: version (1 byte) | day made, days since 1970 (2 bytes) | AES-SIV(answers).
AES-SIV is deterministic: the same answers on the same day give the same code. That reveals only
that two codes are equal, and it saves the 12-byte nonce that AES-GCM would add to every code.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zlib
from datetime import date

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESSIV

VERSION = 1
# How long a code works. Long enough to come back after a court date or a clinic appointment;
# short enough that a lost printout stops working. Shown to the person with the code.
VALID_DAYS = 90
MAX_CODE_CHARS = 4000  # 50 different convictions stay under this; longer input is not a code
_EPOCH = date(1970, 1, 1)

# A preset zlib dictionary of the words answers are made of. It is part of the wire format of
# VERSION 1 and must never change, or every code already handed out would stop working; a new
# question is still encoded (just less compactly) because zlib falls back to literal bytes.
_ZDICT = (
    b'"sex_offender_registrant":"no","prior_super_strike":"no",'
    b'"person":{"done_adding":true,"convictions":[{"county":"","section":"11357","11358","11359",'
    b'"11360","other","conduct":"sale","transport_for_sale","transport_personal","give_away",'
    b'"import_export","level":"felony","misdemeanor","infraction","offense_date":"20",'
    b'"offense_before_cutoff":"age_at_offense":"under_18","18_20","21_plus","court":"adult",'
    b'"juvenile","amount":"within_personal_limit","over_personal_limit","concentrated":'
    b'"school_grounds":"sale_to_minor":"used_minor":"import_export_over_limit":'
    b'"environmental_violation":"prior_same_offense_convictions":"0","1","2",'
    b'"sentence":"completed","serving","unknown","yes","no"},{'
)


class ResumeCodeError(ValueError):
    """Why a pasted code cannot be used: ``reason`` is "altered" or "expired"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _key(secret: str) -> bytes:
    # A key of its own: the cookie's key never doubles as the resume code's.
    return hashlib.sha512(b"crr-resume-code-v1:" + secret.encode()).digest()  # 64 bytes: AES-256-SIV


def _compress(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, _ZDICT)
    return packer.compress(data) + packer.flush()


def _decompress(data: bytes) -> bytes:
    unpacker = zlib.decompressobj(-15, zdict=_ZDICT)
    # Bounded: a valid code is small, and the tag was checked before we get here.
    out = unpacker.decompress(data, 64 * 1024)
    if unpacker.unconsumed_tail:
        raise ResumeCodeError("altered")
    return out


def _group(text: str) -> str:
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def encode(answers: dict, secret: str, today: date) -> str:
    """The code for these answers, in groups of four letters and digits."""
    payload = json.dumps(answers, separators=(",", ":"), sort_keys=True).encode()
    header = bytes([VERSION]) + (today - _EPOCH).days.to_bytes(2, "big")
    sealed = AESSIV(_key(secret)).encrypt(_compress(payload), [header])
    return _group(base64.b32encode(header + sealed).decode().rstrip("="))


_NOISE = re.compile(r"[\s\-–—_.·]+")


def normalise(text: str) -> str:
    """What the person typed, without spaces, dashes and case: a code copied from paper."""
    return _NOISE.sub("", text).upper()


def decode(text: str, secrets: list[str], today: date) -> dict:
    """The answers in a code made with one of ``secrets`` (current key first, then old ones)."""
    compact = normalise(text)
    if not compact or len(compact) > MAX_CODE_CHARS or not compact.isascii():
        raise ResumeCodeError("altered")
    try:
        raw = base64.b32decode(compact + "=" * (-len(compact) % 8))
    except ValueError:
        raise ResumeCodeError("altered") from None
    # The last character carries unused bits that base32 decoding ignores; insisting on the one
    # canonical spelling makes every character count.
    if base64.b32encode(raw).decode().rstrip("=") != compact:
        raise ResumeCodeError("altered")
    if len(raw) < 3 + 16 or raw[0] != VERSION:
        raise ResumeCodeError("altered")
    header, sealed = raw[:3], raw[3:]
    for secret in secrets:
        try:
            payload = _decompress(AESSIV(_key(secret)).decrypt(sealed, [header]))
            break
        except (InvalidTag, zlib.error):
            continue
    else:
        raise ResumeCodeError("altered")
    made = int.from_bytes(header[1:3], "big")
    age = (today - _EPOCH).days - made
    if age > VALID_DAYS or age < -1:  # a day's grace for clocks either side of midnight
        raise ResumeCodeError("expired")
    answers = json.loads(payload)
    if not isinstance(answers, dict):
        raise ResumeCodeError("altered")
    return answers
