from decimal import Decimal

import pytest

from caseworker.domain.money import MoneyFormatError, fen_to_yuan, format_yuan, yuan_to_fen


@pytest.mark.parametrize(
    ("value", "fen"),
    [
        ("1200.00", 120000),
        ("0.01", 1),
        ("160.5", 16050),
        ("7", 700),
        (3, 300),
        (Decimal("0.10"), 10),
    ],
)
def test_amounts_convert_exactly(value: object, fen: int) -> None:
    assert yuan_to_fen(value) == fen  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["1.005", "abc", "", "NaN", "inf", 0.1, True, None])
def test_inexact_or_non_amounts_are_refused(value: object) -> None:
    with pytest.raises(MoneyFormatError):
        yuan_to_fen(value)  # type: ignore[arg-type]


def test_fen_come_back_as_two_place_decimals_and_strings() -> None:
    assert fen_to_yuan(120001) == Decimal("1200.01")
    assert format_yuan(120000) == "1200.00"
    assert format_yuan(5) == "0.05"
    assert format_yuan(-150) == "-1.50"
