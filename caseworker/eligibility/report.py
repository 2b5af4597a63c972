"""Screenings as people read them: the JSON document of ``caseworker screen`` and text."""

from typing import Any

from caseworker.domain.money import format_yuan
from caseworker.domain.records import Household
from caseworker.eligibility.findings import STATUS_LABELS, Screening, finding_to_dict


def screening_to_dict(s: Screening) -> dict[str, Any]:
    """``{household, on, policy: {id, version, sha256}, findings: [...]}``."""
    return {
        "household": s.household_id,
        "on": s.on.isoformat(),
        "policy": {"id": s.policy.id, "version": s.policy.version, "sha256": s.policy.sha256},
        "findings": [finding_to_dict(f) for f in s.findings],
    }


def screening_text(s: Screening, household: Household | None = None) -> str:
    """A readable report: each program with its status, amount, reasons and what to collect."""
    head = household.head.name if household is not None and household.head else s.household_id
    lines = [
        f"户主{head}的家庭 / household of {head}  ({s.household_id})",
        f"筛查日期 / screened on {s.on.isoformat()}；政策包 / policy {s.policy.id} "
        f"{s.policy.version} (sha256 {s.policy.sha256[:12]})",
    ]
    for f in s.findings:
        zh, en = STATUS_LABELS[f.status]
        amount = ""
        if f.monthly_fen is not None:
            amount += f"  每月 / monthly {format_yuan(f.monthly_fen)}"
        if f.one_off_fen is not None:
            amount += f"  一次性 / one-off {format_yuan(f.one_off_fen)}"
        lines.append("")
        lines.append(f"[{f.program.zh} / {f.program.en}] {zh} / {en}{amount}")
        for r in f.reasons:
            mark = "✓" if r.met else "✗"
            lines.append(f"  {mark} {r.text_zh}")
            lines.append(f"    {r.text_en}")
        for m in f.missing:
            lines.append(f"  ? {m.text_zh}（{m.field}）")
            lines.append(f"    to collect: {m.text_en} ({m.field})")
    return "\n".join(lines) + "\n"
