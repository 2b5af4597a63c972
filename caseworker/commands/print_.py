"""``caseworker print``: print forms, case files and publicity lists to PDF.

    caseworker print --list
    caseworker print FORM --household ID --out FILE.pdf [--visit ID] [--program CODE]
    caseworker print case-file --household ID | --village CODE --out FILE.pdf
    caseworker print publicity --village CODE --out FILE.pdf [--from DATE] [--days N]

``--village`` of a case file also takes a township code (9 digits): every village in it.
The PDF is written to a temporary file and renamed into place when complete; on bad
input nothing is written.
"""

import argparse
import sys
from datetime import date
from pathlib import Path

from caseworker.commands import help_of
from caseworker.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    add_db_option,
    store_from,
)
from caseworker.commands.usage import date_argument
from caseworker.domain.codes import Program
from caseworker.domain.errors import os_reason
from caseworker.operations.printing import BUNDLE, PUBLICITY, PrintJob, print_job
from caseworker.printing.documents import case_file_covers, list_forms
from caseworker.printing.errors import PrintError
from caseworker.printing.publicity import PUBLICITY_DAYS, check_days


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("print", help=help_of("print"))
    parser.add_argument("form", nargs="?", metavar="FORM", help="form name (see --list)")
    parser.add_argument("--list", action="store_true", help="list the forms 列出可打印的表单")
    parser.add_argument("--household", metavar="ID", help="household id")
    parser.add_argument("--village", metavar="CODE", help="village (or township) code")
    parser.add_argument("--visit", metavar="ID", help="visit id (investigation form)")
    parser.add_argument("--program", metavar="CODE", help="program a notice is about")
    parser.add_argument("--out", type=Path, metavar="FILE.pdf", help="the PDF to write")
    parser.add_argument("--date", type=date_argument, metavar="YYYY-MM-DD", help="print date")
    parser.add_argument("--from", dest="publicity_from", type=date_argument, metavar="YYYY-MM-DD")
    parser.add_argument("--days", type=int, default=PUBLICITY_DAYS, help="publicity days")
    add_db_option(parser)
    parser.set_defaults(func=run)


def _list() -> int:
    for form in list_forms():
        print(f"{form.name:<22}{form.title_zh}　{form.title_en}")
    return EXIT_OK


def _check_out(out: Path | None) -> Path:
    if out is None:
        raise CommandError("请用 --out 指定输出的PDF文件", "name the PDF to write with --out")
    if out.is_dir():
        raise CommandError(f"输出路径是一个文件夹：{out}", f"the output path is a folder: {out}")
    return out


def _program(code: str | None) -> Program | None:
    if code is None:
        return None
    program = Program.parse(code)
    if program is None:
        raise CommandError(
            f"“{code}”不是救助项目代码（可用：{Program.choices()}）",
            f"'{code}' is not a program code ({Program.choices()})",
        )
    return program


def _validate(args: argparse.Namespace) -> str:
    """The form name, after checking the options fit it."""
    names = {f.name: f.scope for f in list_forms()}
    form = args.form
    if form is None:
        raise CommandError(
            "请指定要打印的表单（用 --list 查看可用的表单）",
            "name the form to print (see --list)",
        )
    bundle = case_file_covers().get(form)
    if bundle is not None:
        raise CommandError(
            f"档案封面随档案一起打印，请打印{bundle}（封面上的卷内目录由档案中的文书生成）",
            f"a case file's cover is printed with its case file: print {bundle} (the cover "
            "lists the documents that follow it)",
        )
    if form not in names:
        raise CommandError(
            f"没有名为“{form}”的表单（可用：{'、'.join(names)}）",
            f"no form named '{form}' (known: {', '.join(names)})",
        )
    if form == BUNDLE:
        if (args.household is None) == (args.village is None):
            raise CommandError(
                "打印档案须指定 --household 或 --village 之一",
                "a case file needs exactly one of --household or --village",
            )
    elif names[form] == "village":
        if args.village is None or args.household is not None:
            raise CommandError(
                f"打印{form}须指定 --village（村代码），不能指定 --household",
                f"{form} needs --village (a village code) and no --household",
            )
    elif args.household is None or args.village is not None:
        raise CommandError(
            f"打印{form}须指定 --household（家庭编号），不能指定 --village",
            f"{form} needs --household (a household id) and no --village",
        )
    check_days(args.days)
    return str(form)


def run(args: argparse.Namespace) -> int:
    if args.list:
        return _list()
    try:
        form = _validate(args)
        out = _check_out(args.out)
        program = _program(args.program)
        return _print(args, form, out, program)
    except PrintError as exc:
        raise CommandError(exc.zh, exc.en) from exc
    except OSError as exc:  # the output folder cannot be made or written
        zh, en = os_reason(exc)
        raise CommandError(
            f"无法写入文件{args.out}：{zh}", f"cannot write {args.out}: {en}", status=EXIT_FAILED
        ) from exc


def _print(args: argparse.Namespace, form: str, out: Path, program: Program | None) -> int:
    job = PrintJob(
        form,
        args.date or date.today(),
        household_id=args.household,
        area=args.village,
        visit_id=args.visit,
        program=program,
        publicity_from=args.publicity_from,
        days=args.days,
    )
    store = store_from(args)
    try:
        printed = print_job(store, job, out, progress=_progress)
    finally:
        store.close()
    if form == PUBLICITY:
        print(
            f"已打印公示名单{printed.pages}页 / printed the publicity list, "
            f"{printed.pages} page(s): {out}"
        )
    elif form == BUNDLE:
        print(
            f"已打印{printed.households}户档案，共{printed.pages}页 / printed "
            f"{printed.households} case file(s), {printed.pages} pages: {out}"
        )
    else:
        print(f"已打印{printed.pages}页 / printed {printed.pages} page(s): {out}")
    return EXIT_OK


def _progress(done: int, total: int) -> None:
    if done == total or done % 50 == 0:
        print(f"  {done}/{total}", file=sys.stderr)
