"""Eligibility screening: county policy packs, the rules of every program, explanations.

Pure Python (no Qt): ``screen(household, policy, on=date)`` returns a ``Screening`` with
one finding per program; ``PolicyLibrary`` loads the packs and finds a household's policy.
"""
# ruff: noqa: E402  (the compiled engine's folder is chosen before its modules are imported)

from pathlib import Path

from caseworker.eligibility.compiled import native_dir

# The compiled engine, when current, is found before the sources (see compiled.py).
_native = native_dir(Path(__file__).parent)
if _native is not None:
    __path__.insert(0, str(_native))

from caseworker.eligibility.engine import screen
from caseworker.eligibility.findings import (
    Finding,
    MissingInfo,
    ParameterUse,
    PolicyRef,
    Reason,
    Screening,
    Status,
)
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.policy import Policy, PolicyError, parse_pack

__all__ = [
    "Finding",
    "MissingInfo",
    "ParameterUse",
    "Policy",
    "PolicyError",
    "PolicyLibrary",
    "PolicyRef",
    "Reason",
    "Screening",
    "Status",
    "parse_pack",
    "screen",
]
