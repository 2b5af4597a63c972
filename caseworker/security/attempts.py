"""The wrong passwords since the last sign-in, kept inside the key file.

The count used to live in a file of its own beside the store, so deleting that file
undid the delay. It now lives in the key file, which nobody can delete without locking
everyone out, and it is guarded as far as anything can be before a password is given:

- A key file of this format must hold the count. Without it, or with one that cannot be
  read, sign-in counts as many wrong passwords as give the longest delay.
- The count cannot be edited down unseen. Each sign-in that succeeds starts a chain from
  a seed only the data key can make (an HMAC); each wrong password moves the chain on by
  hashing in its time, which anyone can do but nobody can undo. The right password makes
  the seed again and replays the chain: a list of wrong passwords shortened or re-timed
  does not replay, and that sign-in then waits the longest delay instead.

What it cannot stop (no file on the laptop can): someone who can change the laptop's
files can put back a copy of the key file taken before guessing, or copy the files away
and guess elsewhere. Against that only the cost of each guess stands: Argon2id, about a
quarter of a second and 64 MB of memory per password tried (``keys.Argon2Params``).
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from caseworker.security.keys import FORMAT, KeyFile

FREE_ATTEMPTS = 5
FIRST_DELAY_SECONDS = 30
LONGEST_DELAY_SECONDS = 15 * 60


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passwords in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    delay: int = FIRST_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS)
    return min(delay, LONGEST_DELAY_SECONDS)


def _worst_count() -> int:
    count = FREE_ATTEMPTS
    while delay_after(count) < LONGEST_DELAY_SECONDS:
        count += 1
    return count


# As many wrong passwords as give the longest delay: what a missing or altered count
# stands for.
WORST_COUNT = _worst_count()


@dataclass
class Attempts:
    """The wrong passwords (their times) since the chain's seed, and the chain's end."""

    failures: list[float]
    nonce: str
    token: str
    # Written without the data key: a key file of an earlier format, or the worst case put
    # in for a missing count. Its chain cannot be replayed and is not asked to be.
    unverified: bool = False

    def locked_until(self) -> float:
        if not self.failures:
            return 0.0
        return self.failures[-1] + delay_after(len(self.failures))

    def wait(self, now: float) -> int:
        """Seconds still to wait (never more than the delay itself: a clock turned back
        must not lock anyone out for longer)."""
        left = min(self.locked_until() - now, delay_after(len(self.failures)))
        return max(int(left), 0)

    def failed(self, at: float) -> None:
        """One more wrong password, at ``at``: the chain moves on."""
        self.failures.append(at)
        self.token = _step(self.token, at)

    def as_dict(self) -> dict[str, Any]:
        return {
            "failures": list(self.failures),
            "nonce": self.nonce,
            "token": self.token,
            "unverified": self.unverified,
        }


def _seed(data_key: bytes, keyfile: KeyFile, nonce: str) -> str:
    message = f"caseworker sign-in count|{keyfile.key_id}|{nonce}".encode()
    return hmac.new(data_key, message, hashlib.sha256).hexdigest()


def _step(token: str, at: float) -> str:
    return hashlib.sha256(f"{token}|{at!r}".encode()).hexdigest()


def fresh(keyfile: KeyFile, data_key: bytes) -> None:
    """Start a new count (no wrong passwords) after the right password, a recovery code
    or a new password; the key file takes this format. The caller saves it."""
    nonce = secrets.token_hex(16)
    keyfile.signin = Attempts([], nonce, _seed(data_key, keyfile, nonce)).as_dict()
    keyfile.format = FORMAT


def worst_case(keyfile: KeyFile, now: float, data_key: bytes | None = None) -> Attempts:
    """The count put in for one that is missing or altered: the longest delay from now.
    With the data key (the right password found the alteration) its chain is genuine."""
    if data_key is None:
        state = Attempts([], secrets.token_hex(16), secrets.token_hex(32), unverified=True)
    else:
        nonce = secrets.token_hex(16)
        state = Attempts([], nonce, _seed(data_key, keyfile, nonce))
    for _ in range(WORST_COUNT):
        state.failed(now)
    keyfile.signin = state.as_dict()
    return state


def _parsed(data: Any) -> Attempts | None:
    try:
        failures = [float(at) for at in data["failures"]]
        nonce, token = str(data["nonce"]), str(data["token"])
        unverified = data.get("unverified", False)
    except (TypeError, KeyError, ValueError, AttributeError):
        return None
    if not isinstance(data["failures"], list) or not isinstance(unverified, bool):
        return None
    return Attempts(failures, nonce, token, unverified)


def current(keyfile: KeyFile, now: float) -> tuple[Attempts, bool]:
    """The count in ``keyfile`` and whether it had to be replaced (the caller saves the
    key file then). A key file of an earlier format starts from none; in this format a
    count missing or unreadable is replaced by the worst case."""
    state = _parsed(keyfile.signin) if keyfile.signin is not None else None
    if state is not None:
        return state, False
    if keyfile.format != FORMAT and keyfile.signin is None:
        state = Attempts([], "", "", unverified=True)
        keyfile.signin = state.as_dict()  # stays in the earlier format until a sign-in
        return state, False
    return worst_case(keyfile, now), True


def genuine(state: Attempts, keyfile: KeyFile, data_key: bytes) -> bool:
    """Whether the count replays from the seed the data key makes (after the right
    password). A count written without the key passes only if it is no better than what
    the app writes: an earlier format's, or at least the worst case."""
    if state.unverified:
        return keyfile.format != FORMAT or len(state.failures) >= WORST_COUNT
    token = _seed(data_key, keyfile, state.nonce)
    for at in state.failures:
        token = _step(token, at)
    return hmac.compare_digest(token, state.token)
