"""Eligibility screening: county policy packs, the rules of every program, explanations.

Pure Python (no Qt): ``screen(household, policy, on=date)`` returns a ``Screening`` with
one finding per program; ``PolicyLibrary`` loads the packs and finds a household's policy.
"""
# ruff: noqa: E402  (the compiled engine's folder is chosen before its modules are imported)

from caseworker.native import use_compiled

use_compiled(__path__)  # the compiled engine, when current (see caseworker/native.py)

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
