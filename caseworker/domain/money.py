"""Money: integer fen in storage, ``Decimal`` yuan at the edges, never float."""

from decimal import Decimal, InvalidOperation

FEN_PER_YUAN = 100
_CENT = Decimal("0.01")


class MoneyFormatError(ValueError):
    """A money value that is not a decimal amount of yuan with at most two decimals."""


def yuan_to_fen(value: object) -> int:
    """Exact fen for a yuan amount given as a decimal string, an int or a Decimal (any
    other value, from a file or a form, raises MoneyFormatError).

    Floats are refused: they cannot carry an exact amount of money.
    """
    if isinstance(value, (bool, float)):
        raise MoneyFormatError(f"not an exact decimal amount: {value!r}")
    if isinstance(value, int):
        return value * FEN_PER_YUAN
    if isinstance(value, str):
        text = value.strip()
        if not text or text.lower() in {"nan", "inf", "-inf", "+inf", "infinity", "-infinity"}:
            raise MoneyFormatError(f"not a decimal amount: {value!r}")
        try:
            amount = Decimal(text)
        except InvalidOperation as exc:
            raise MoneyFormatError(f"not a decimal amount: {value!r}") from exc
    elif isinstance(value, Decimal):
        amount = value
    else:
        raise MoneyFormatError(f"not a decimal amount: {value!r}")
    if not amount.is_finite():
        raise MoneyFormatError(f"not a finite amount: {value!r}")
    fen = amount * FEN_PER_YUAN
    if fen != fen.to_integral_value():
        raise MoneyFormatError(f"more than two decimals: {value!r}")
    return int(fen)


def fen_to_yuan(fen: int) -> Decimal:
    """The amount in yuan as a Decimal with two places."""
    return (Decimal(fen) / FEN_PER_YUAN).quantize(_CENT)


def format_yuan(fen: int) -> str:
    """The interchange spelling of an amount: a decimal string of yuan, e.g. ``"1200.00"``."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{whole}.{cents:02d}"


def share_fen(total_fen: int, people: int) -> int:
    """``total_fen / people`` rounded half up to the fen: the one way a per-person amount
    (per-capita income, a standard per person) is shown, on the screen and on paper, so
    the same figure never reads 576.67 in one place and 576.66 in another. Decisions
    compare the exact totals, never this rounded share."""
    return (2 * total_fen + people) // (2 * people)
