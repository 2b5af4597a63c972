"""``caseworker screen``: screen a household file, or the whole store, for every program.

caseworker screen HOUSEHOLD.json [--policy FILE_OR_ID] [--on DATE] [--set NAME=VALUE ...]
caseworker screen --db PATH [--village CODE] [--on DATE]        (stores decision records)
caseworker screen --db PATH --what-if NAME=VALUE ... [--village CODE]   (stores nothing)
"""

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from caseworker.commands import help_of
from caseworker.commands.common import EXIT_OK, CommandError, add_db_option, store_from
from caseworker.commands.usage import date_argument
from caseworker.domain.codes import Program
from caseworker.domain.money import format_yuan
from caseworker.eligibility.engine import screen
from caseworker.eligibility.findings import STATUS_LABELS, Status
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.policy import Policy, PolicyError, parse_overrides
from caseworker.eligibility.report import screening_text, screening_to_dict
from caseworker.eligibility.whatif import what_if_to_dict
from caseworker.interchange.files import read_household_file
from caseworker.screening import PolicyChooser, ScreeningRun, screen_store, what_if
from caseworker.store.db import Store
from caseworker.store.policy_packs import received_policies


def _assignment(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value.strip()


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("screen", help=help_of("screen"))
    parser.add_argument("household", nargs="?", type=Path, metavar="HOUSEHOLD.json")
    parser.add_argument("--policy", metavar="FILE_OR_ID", help="a policy pack file or pack id")
    parser.add_argument(
        "--on", type=date_argument, metavar="YYYY-MM-DD", help="screen as of this day"
    )
    parser.add_argument(
        "--set",
        dest="overrides",
        type=_assignment,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="what-if: use this parameter value for this run (file mode)",
    )
    parser.add_argument(
        "--what-if",
        dest="what_if",
        type=_assignment,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="with --db: list households whose findings would change; stores nothing",
    )
    parser.add_argument("--village", metavar="CODE", help="with --db: only this village")
    parser.add_argument("--format", choices=("json", "text"), default=None)
    add_db_option(parser)
    parser.set_defaults(func=run)


def _library_policy(library: PolicyLibrary, choice: str | None) -> Policy | None:
    if choice is None:
        return None
    path = Path(choice)
    if path.is_file():
        return library.policy(library.add_file(path).id)
    if choice.endswith((".yaml", ".yml")):
        raise CommandError(f"找不到政策包文件：{choice}", f"no such policy pack file: {choice}")
    return library.policy(choice)


def run(args: argparse.Namespace) -> int:
    db = getattr(args, "db", None)
    if args.household is not None and db is not None:
        raise CommandError("不能同时指定家庭文件和--db", "give a household file or --db, not both")
    if args.household is None and db is None:
        raise CommandError("请指定家庭文件或--db", "give a household file or --db PATH")
    if args.what_if and db is None:
        raise CommandError(
            "--what-if用于--db；单个文件请用--set",
            "--what-if goes with --db; use --set with a file",
        )
    if args.overrides and db is not None:
        raise CommandError(
            "--db模式下请用--what-if（不保存结果）", "with --db use --what-if (nothing is stored)"
        )
    if args.village is not None and db is None:
        raise CommandError("--village用于--db", "--village goes with --db")
    # Bad names or values: exit 2 before any work, naming the key as it was typed.
    _check_overrides({**dict(args.overrides), **dict(args.what_if or [])})
    library = PolicyLibrary()  # file mode: the bundled packs (a store adds the county's)
    chosen = _library_policy(library, args.policy)
    on = args.on or date.today()
    if db is None:
        return _screen_file(args, library, chosen, on)
    if args.what_if:
        return _what_if(args, library, chosen, on)
    return _screen_store(args, library, chosen, on)


def _screen_file(
    args: argparse.Namespace, library: PolicyLibrary, chosen: Policy | None, on: date
) -> int:
    households = read_household_file(args.household).households
    policies = PolicyChooser(library, chosen, dict(args.overrides))
    screenings = [screen(h, policies(h), on, explain=True) for h in households]
    if args.format == "text":
        sys.stdout.write(
            "\n\n".join(screening_text(s, h) for s, h in zip(screenings, households, strict=True))
        )
        return EXIT_OK
    documents = [screening_to_dict(s) for s in screenings]
    out: Any = documents[0] if len(documents) == 1 else documents
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    return EXIT_OK


def _villages(args: argparse.Namespace) -> list[str] | None:
    code = args.village
    if code is None:
        return None
    if not (isinstance(code, str) and code.isdigit() and len(code) == 12):
        raise CommandError(
            f"村（社区）代码应为12位数字：{code}", f"a village code has 12 digits: {code}"
        )
    return [code]


def _screen_store(
    args: argparse.Namespace, library: PolicyLibrary, chosen: Policy | None, on: date
) -> int:
    store = store_from(args)
    try:
        library = _with_received(library, store)
        policies = PolicyChooser(library, chosen)
        run = screen_store(store, on=on, policies=policies, village_codes=_villages(args))
    finally:
        store.close()
    if args.format == "json":
        sys.stdout.write(json.dumps(_summary_dict(run), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(_summary_text(run))
    return EXIT_OK


def _with_received(library: PolicyLibrary, store: Store) -> PolicyLibrary:
    """The library with the packs this laptop received from the county added."""
    for pack in received_policies(store):
        library.add_text(pack.text, source=f"county:{pack.id}@{pack.version}")
    return library


_COLUMNS = (
    Status.LIKELY_ELIGIBLE,
    Status.CONTINUE,
    Status.EXIT,
    Status.NEEDS_INFORMATION,
    Status.NOT_ELIGIBLE,
)


def _summary_dict(run: ScreeningRun) -> dict[str, Any]:
    counts, monthly, one_off = run.counts, run.monthly_fen, run.one_off_fen
    return {
        "on": run.on.isoformat(),
        "households": run.screened,
        "stored": run.changed,
        "programs": {
            p.value: {
                **{s.value: counts[p, s] for s in _COLUMNS},
                "monthly_yuan": format_yuan(monthly[p]),
                "one_off_yuan": format_yuan(one_off[p]),
            }
            for p in Program
        },
    }


def _summary_text(run: ScreeningRun) -> str:
    counts, monthly, one_off = run.counts, run.monthly_fen, run.one_off_fen
    header = [
        "项目 / program",
        *(f"{STATUS_LABELS[s][0]}" for s in _COLUMNS),
        "月金额 / monthly",
        "一次性 / one-off",
    ]
    rows = [header]
    for p in Program:
        rows.append(
            [
                p.zh,
                *(str(counts[p, s]) for s in _COLUMNS),
                format_yuan(monthly[p]),
                format_yuan(one_off[p]),
            ]
        )
    widths = [max(_width(r[i]) for r in rows) for i in range(len(header))]
    lines = [
        f"筛查{run.screened}户（{run.on.isoformat()}），其中{run.changed}户结果有变化，"
        f"已保存筛查记录 / screened {run.screened} households, {run.changed} with new or "
        "changed results: decision records stored for them",
    ]
    for r in rows:
        lines.append(
            "  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(r, widths, strict=True))
        )
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _check_overrides(overrides: dict[str, str]) -> None:
    """Raise PolicyError for a bad --set/--what-if, each error also naming the key typed
    (the messages name a parameter as the Policy page does, by its Chinese name)."""
    try:
        parse_overrides(overrides)
    except PolicyError as failed:
        raise PolicyError(
            [
                e if e.code == "unknown_key" else e.in_record(f"参数{e.field}", f"{e.field}")
                for e in failed.errors
            ]
        ) from None


def _what_if(
    args: argparse.Namespace, library: PolicyLibrary, chosen: Policy | None, on: date
) -> int:
    overrides = dict(args.what_if)
    store = store_from(args)
    try:
        library = _with_received(library, store)
        result, heads = what_if(
            store, overrides, on=on, library=library, chosen=chosen, village_codes=_villages(args)
        )
    finally:
        store.close()
    shown = {name: e.shown for name, e in parse_overrides(overrides).items()}
    if args.format == "json":
        sys.stdout.write(
            json.dumps(what_if_to_dict(result, heads), ensure_ascii=False, indent=1) + "\n"
        )
        return EXIT_OK
    said = ", ".join(f"{k}={v}" for k, v in shown.items())
    lines = [
        f"假设 / what if: {said}（不保存 / nothing stored）；{result.households}户 / households"
    ]
    for program, s in result.summary.items():
        lines.append(
            f"  {program.zh} / {program.value}: 新纳入 brought in {s.brought_in}，"
            f"退出 dropped {s.dropped}，其他变化 other {s.other}；"
            f"每月金额变化 monthly {format_yuan(s.monthly_fen_delta)}，"
            f"一次性金额变化 one-off {format_yuan(s.one_off_fen_delta)}"
        )
    if not result.changes:
        lines.append("  没有家庭的结果发生变化 / no household's findings change")
    for c in result.changes:
        b, a = c.before, c.after
        lines.append(
            f"  {heads[c.household_id]}（{c.household_id[:8]}）{c.program.value}: "
            f"{b.status.value} {_amount(b.monthly_fen, b.one_off_fen)} -> "
            f"{a.status.value} {_amount(a.monthly_fen, a.one_off_fen)}"
        )
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def _amount(monthly: int | None, one_off: int | None) -> str:
    if monthly is not None:
        return f"{format_yuan(monthly)}/月"
    if one_off is not None:
        return format_yuan(one_off)
    return "-"
