import pytest

from caseworker.security import signin


@pytest.fixture(autouse=True)
def no_pause_after_a_wrong_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pause after each wrong password is real in the app; here it would only make
    the tests slow (tests/security/test_signin_lockout.py checks that it is asked for)."""
    monkeypatch.setattr(signin, "WRONG_PASSWORD_PAUSE_SECONDS", 0.0)
