"""``caseworker sync enroll`` against a real county server: what it says names the worker's
role and the place she works for in words, not their codes."""

from pathlib import Path

import pytest

from caseworker.cli import main
from caseworker.sync.county.auth import create_enrollment
from tests.sync.conftest import VILLAGE_A, CountyServer, new_store


def test_enrolling_from_the_command_line_says_the_role_and_the_village_by_name(
    county: CountyServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "laptop.db"
    new_store(path).close()
    code = create_enrollment(county.engine, worker="王建华", role="village", scope=VILLAGE_A)
    args = ["sync", "enroll", "--db", str(path), "--server", county.url, "--code", code]
    assert main(args) == 0
    said = capsys.readouterr().out
    assert "注册成功：王建华，村级社会救助专干，负责中街村（610423100201）" in said, said
    assert "enrolled: 王建华, village specialist, for 中街村 (610423100201)" in said
    assert "（village，" not in said
