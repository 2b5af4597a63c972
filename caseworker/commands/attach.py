"""``caseworker attach``: evidence (photos and scans) of a household.

    caseworker attach add FILE... --household ID --kind KIND [--member ID_NUMBER]
        [--visit ID] [--application ID] [--date YYYY-MM-DD] [--note TEXT]
    caseworker attach list --household ID [--all]
    caseworker attach export --household ID --out FOLDER
    caseworker attach remove ATTACHMENT_ID --reason TEXT

Every file is read and checked before anything is stored: one refused file and none of
them is added. The limits (largest file, size photos are brought down to, whether they
keep their location) are those of the household's county policy.
"""

import argparse
import sys
from pathlib import Path

from caseworker.commands import help_of
from caseworker.commands.common import EXIT_OK, CommandError, add_db_option, store_from
from caseworker.commands.usage import date_argument
from caseworker.domain.evidence import (
    Attachment,
    AttachmentRefused,
    EvidenceKind,
    belongs_to_a_member,
)
from caseworker.domain.records import Household
from caseworker.store.db import Store


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("attach", help=help_of("attach"))
    add_db_option(parser)
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    p = verbs.add_parser("add", help="attach files 添加证明材料")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--household", required=True, metavar="ID", help="household id")
    p.add_argument("--kind", required=True, metavar="KIND", help=f"one of {_kinds()}")
    p.add_argument("--member", metavar="ID_NUMBER", help="the member's ID card number")
    p.add_argument("--visit", metavar="ID", help="the visit it was taken on")
    p.add_argument("--application", metavar="ID", help="the application it is for")
    p.add_argument(
        "--date", type=date_argument, metavar="YYYY-MM-DD", help="taken on (default: photo's)"
    )
    p.add_argument("--note", default="", metavar="TEXT", help="a note 说明")
    add_db_option(p)
    p.set_defaults(func=run_add)
    p = verbs.add_parser("list", help="list a household's evidence 查看证明材料")
    p.add_argument("--household", required=True, metavar="ID")
    p.add_argument("--all", action="store_true", help="also removed ones 包括已移除的")
    add_db_option(p)
    p.set_defaults(func=run_list)
    p = verbs.add_parser("export", help="write the files to a folder 导出证明材料")
    p.add_argument("--household", required=True, metavar="ID")
    p.add_argument("--out", required=True, type=Path, metavar="FOLDER")
    add_db_option(p)
    p.set_defaults(func=run_export)
    p = verbs.add_parser("remove", help="remove one, saying why 移除证明材料")
    p.add_argument("attachment", metavar="ATTACHMENT_ID")
    p.add_argument("--reason", required=True, metavar="TEXT", help="why 移除原因")
    add_db_option(p)
    p.set_defaults(func=run_remove)


def _kinds() -> str:
    return ", ".join(f"{k.value}（{k.zh}）" for k in EvidenceKind)


def _kind(code: str) -> EvidenceKind:
    kind = EvidenceKind.parse(code)
    if kind is None:
        raise CommandError(
            f"材料种类“{code}”不存在（可用：{_kinds()}）",
            f"kind '{code}' is not a kind of evidence (known: {EvidenceKind.choices()})",
        )
    return kind


def refused(exc: AttachmentRefused) -> CommandError:
    """A refusal as the command reports it."""
    return CommandError(exc.zh, exc.en)


def household_of(store: Store, household_id: str) -> Household:
    """The household ``household_id``, or a CommandError naming it."""
    from caseworker.store.households import load_household

    with store.read() as conn:
        household = load_household(conn, household_id)
    if household is None:
        raise CommandError(
            f"本地数据库中没有编号为“{household_id}”的家庭",
            f"no household with id '{household_id}' in this store",
        )
    return household


def _member_id(household: Household, id_number: str | None) -> str | None:
    if id_number is None:
        return None
    for member in household.members:
        if member.id_number == id_number.strip().upper():
            return member.id
    raise CommandError(
        f"这一户没有身份证号为“{id_number}”的成员",
        f"no member of this household has ID number '{id_number}'",
    )


def run_add(args: argparse.Namespace) -> int:
    from caseworker.commands.attach_files import add_files

    kind = _kind(args.kind)
    store = store_from(args)
    try:
        household = household_of(store, args.household)
        member_id = _member_id(household, args.member)
        added = add_files(store, household, args, kind, member_id)
    finally:
        store.close()
    for a in added:
        print(f"已添加 / added: {a.kind.zh}　{_member_name(household, a)}　{a.taken_on}　{a.id}")
    print(f"共添加{len(added)}份材料 / {len(added)} file(s) attached")
    if member_id is None and belongs_to_a_member(kind):
        _say_whose(kind)
    return EXIT_OK


def _say_whose(kind: EvidenceKind) -> None:
    """The app's warning for one member's document filed under the whole household. As
    in the app, it is a warning, not a refusal: the specialist may not know whose it is
    yet, and the household's record shows it until she says."""
    print(
        f"提醒：{kind.zh}属于某一位家庭成员，现记在全户名下；请用 --member 身份证号 指明是谁的\n"
        f"note: the {kind.en} belongs to one member of the household and is filed under the "
        "whole household: say whose it is with --member ID_NUMBER",
        file=sys.stderr,
    )


def _member_name(household: Household, a: Attachment) -> str:
    from caseworker.printing.evidence import member_name

    return member_name(household, a)


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def run_list(args: argparse.Namespace) -> int:
    from caseworker.store.attachments import attachments_of

    store = store_from(args)
    try:
        household = household_of(store, args.household)
        with store.read() as conn:
            found = attachments_of(conn, household.id, include_removed=args.all)
    finally:
        store.close()
    if not found:
        print("暂无证明材料 / no evidence attached")
        return EXIT_OK
    print("编号 id\t种类 kind\t成员 member\t日期 date\t页数 pages\t大小 size\t备注 note")
    for a in found:
        note = a.note
        if a.removed:
            note = f"【已移除：{a.removed_reason}】{note}"
        print(
            f"{a.id}\t{a.kind.zh}\t{_member_name(household, a)}\t{a.taken_on}\t{a.pages}\t"
            f"{_size(a.size)}\t{note}"
        )
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from caseworker.commands.attach_files import export_files

    store = store_from(args)
    try:
        household = household_of(store, args.household)
        written = export_files(store, household, args.out)
    finally:
        store.close()
    for path in written:
        print(path.name)
    print(f"已导出{len(written)}份材料到{args.out} / exported {len(written)} file(s) to {args.out}")
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    from caseworker.store.attachments import remove_attachment

    store = store_from(args)
    try:
        with store.begin() as conn:
            removed = remove_attachment(
                conn,
                device_id=store.device_id,
                actor=store.actor,
                attachment_id=args.attachment,
                reason=args.reason,
            )
    except AttachmentRefused as exc:
        raise refused(exc) from None
    finally:
        store.close()
    print(
        f"已移除{removed.kind.zh}（记录保留，原因：{removed.removed_reason}）/ removed "
        f"{removed.kind.en} (its record is kept; reason: {removed.removed_reason})"
    )
    return EXIT_OK
