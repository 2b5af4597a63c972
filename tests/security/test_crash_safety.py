from pathlib import Path

from caseworker.security.keys import new_data_key
from tests.security.crash_harness import prepare, run_trial


def test_killing_the_writer_loses_and_corrupts_nothing(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    prepare(path)
    trial = run_trial(path, kills=6, seed=7)
    assert trial.kills == 6 and trial.committed > 6
    assert (trial.corrupt, trial.lost, trial.drafts_lost) == (0, 0, 0), trial.problems


def test_the_encrypted_store_survives_kills_too(tmp_path: Path) -> None:
    key = new_data_key()
    path = tmp_path / "crash-encrypted.db"
    prepare(path, key)
    trial = run_trial(path, kills=3, key=key, seed=8)
    assert (trial.corrupt, trial.lost, trial.drafts_lost) == (0, 0, 0), trial.problems
