"""What paying a household needs: the bank, the account, the certificate number.

Account and bank numbers are text of digits: a spreadsheet that stored them as numbers
has already lost digits (a 19-digit account becomes ``6.228480012345678e+18``), which is
said plainly rather than accepted.
"""

import re
from typing import Any

from caseworker.domain.validation import Problem, parse_text, parse_uuid

# Bank cards are 16-19 digits; passbook and other deposit accounts of the banks and rural
# credit cooperatives that pay assistance run from 12 to 25.
ACCOUNT_DIGITS = (12, 25)
# A bank's institution code (3 digits, e.g. 102) or its branch's 12-digit 联行号.
BANK_CODE_DIGITS = (3, 12)
BANK_NAME_MAX = 60
CERTIFICATE_MAX = 40

_DIGITS = re.compile(r"\d+")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
_CERTIFICATE = re.compile(r"^[\w\-（）()〔〕\[\]第号字·/]+$")


def _digits_only(value: Any) -> str:
    text = parse_text(value, max_len=40)
    plain = text.replace(" ", "")
    if _SCIENTIFIC.match(plain):
        raise Problem(
            "number_in_sheet",
            "被表格存成了数字，末尾几位已丢失，请把该列设为文本后重新导出",
            "was stored as a number by the spreadsheet and has lost digits: "
            "make the column text and export again",
        )
    if not _DIGITS.fullmatch(plain):
        raise Problem("digits_only", "只能由数字组成", "must be digits only")
    return plain


def parse_account_number(value: Any) -> str:
    """A bank account number: digits (spaces between groups dropped), 12-25 of them."""
    digits = _digits_only(value)
    low, high = ACCOUNT_DIGITS
    if not low <= len(digits) <= high:
        raise Problem(
            "account_length",
            f"位数不对（{len(digits)}位；银行账号为{low}到{high}位）",
            f"has {len(digits)} digits (a bank account has {low} to {high})",
        )
    return digits


def parse_bank_code(value: Any) -> str:
    """A bank's code: 3 digits (the institution) or 12 (the branch's 联行号); "" unknown."""
    if value is None or value == "":
        return ""
    digits = _digits_only(value)
    if len(digits) not in BANK_CODE_DIGITS:
        raise Problem(
            "bank_code_length",
            f"位数不对（{len(digits)}位；银行代码为3位，联行号为12位）",
            f"has {len(digits)} digits (a bank code has 3, a branch number 12)",
        )
    return digits


def parse_bank_name(value: Any) -> str:
    """The bank's name as printed on the payment list."""
    return parse_text(value, max_len=BANK_NAME_MAX)


def parse_certificate_number(value: Any) -> str:
    """A certificate's number (低保证号, 救助证编号) as the office writes it; "" none yet."""
    if value is None:
        return ""
    text = parse_text(value, max_len=CERTIFICATE_MAX, required=False)
    if text and not _CERTIFICATE.match(text):
        raise Problem(
            "certificate_chars",
            "只能含文字、数字和“-（）第号字”",
            "may hold letters, digits and - ( ) only",
        )
    return text


def parse_covered_members(value: Any) -> list[str]:
    """The members a benefit covers: a non-empty list of member ids, each once (that they
    are the household's members is a household rule)."""
    if not isinstance(value, list) or not value:
        raise Problem("members_list", "应为至少一名家庭成员的列表", "must list at least one member")
    ids = [parse_uuid(v) for v in value]
    if len(set(ids)) != len(ids):
        raise Problem("repeated_member", "同一成员列了两次", "lists a member twice")
    return ids
