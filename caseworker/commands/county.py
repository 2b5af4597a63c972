"""``caseworker county ...``: run and administer the county sync server."""

import argparse
import json
import sys
from pathlib import Path

from caseworker.commands import county_data, help_of
from caseworker.commands.common import EXIT_FAILED, EXIT_OK, CommandError

DEFAULT_DB = "county.db"


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=DEFAULT_DB,
        metavar="PATH_OR_URL",
        help="county database: a SQLite file (default county.db) or a postgresql:// URL",
    )


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("county", help=help_of("county"))
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)

    p = verbs.add_parser("init", help="create or upgrade the county database")
    _add_db(p)
    p.set_defaults(func=run_init)

    p = verbs.add_parser("serve", help="serve the sync API")
    _add_db(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--cert", type=Path, help="TLS certificate (PEM)")
    p.add_argument("--key", type=Path, help="TLS private key (PEM)")
    p.add_argument(
        "--rate", type=int, default=None, metavar="N", help="requests a minute per device"
    )
    p.set_defaults(func=run_serve)

    p = verbs.add_parser("enroll", help="make a one-time enrollment code for a worker")
    _add_db(p)
    p.add_argument("--worker", required=True, metavar="NAME")
    p.add_argument("--role", required=True, choices=["village", "township", "county"])
    p.add_argument("--scope", required=True, metavar="CODE", help="region code of the role")
    p.add_argument("--server", default="", metavar="URL", help="server address for the QR code")
    p.add_argument("--cert", type=Path, help="the server's certificate, to print its pin")
    p.add_argument("--qr", type=Path, metavar="PNG", help="also write the code as a QR image")
    p.add_argument(
        "--device",
        metavar="DEVICE_ID",
        help="a code only this enrolled laptop may redeem (to let it back in after revoke)",
    )
    p.set_defaults(func=run_enroll)

    p = verbs.add_parser("revoke", help="revoke a device (credential id or device id)")
    _add_db(p)
    p.add_argument("device")
    p.set_defaults(func=run_revoke)

    p = verbs.add_parser("publish-policy", help="publish a policy pack to its county")
    _add_db(p)
    p.add_argument("file", type=Path)
    p.set_defaults(func=run_publish)

    p = verbs.add_parser("conflicts", help="list open conflicts")
    _add_db(p)
    p.add_argument("--scope", default="", metavar="CODE")
    p.set_defaults(func=run_conflicts)

    p = verbs.add_parser("audit-verify", help="check every laptop's audit trail held here")
    _add_db(p)
    p.set_defaults(func=run_audit_verify)

    p = verbs.add_parser("import-pending", help="import a laptop's --export-pending file")
    _add_db(p)
    p.add_argument("file", type=Path)
    p.set_defaults(func=run_import_pending)

    county_data.register(verbs, _add_db)


def _engine(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from caseworker.sync.county.db import open_county

    return open_county(args.db)


def _refused(exc: Exception) -> CommandError:
    return CommandError(getattr(exc, "zh", str(exc)), getattr(exc, "en", str(exc)))


def run_init(args: argparse.Namespace) -> int:
    _engine(args).dispose()
    print(f"县数据库已就绪 / county database ready: {args.db}")
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from caseworker.sync.county.app import create_app
    from caseworker.sync.county.checkpoints import idle_checkpoints
    from caseworker.sync.tls import is_loopback

    if bool(args.cert) != bool(args.key):
        raise CommandError("--cert和--key须同时给出", "--cert and --key go together")
    if not args.cert and not is_loopback(args.host):
        raise CommandError(
            "不使用TLS时只能在本机地址上提供服务（请给出--cert和--key）",
            "without TLS the server only listens on loopback (give --cert and --key)",
        )
    engine = _engine(args)
    app = create_app(engine, **({"rate": args.rate} if args.rate else {}))
    with idle_checkpoints(engine):
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            ssl_certfile=str(args.cert) if args.cert else None,
            ssl_keyfile=str(args.key) if args.key else None,
            log_level="warning",
        )
    return EXIT_OK


def run_enroll(args: argparse.Namespace) -> int:
    from caseworker.sync.county.auth import Refused, create_enrollment
    from caseworker.sync.tls import pem_fingerprint

    engine = _engine(args)
    try:
        code = create_enrollment(
            engine, worker=args.worker, role=args.role, scope=args.scope, device_id=args.device
        )
    except Refused as exc:
        raise _refused(exc) from None
    finally:
        engine.dispose()
    pin = pem_fingerprint(args.cert.read_text(encoding="ascii")) if args.cert else None
    print(f"注册码（一次有效）/ one-time enrollment code: {code}")
    if pin:
        print(f"服务器证书指纹 / server certificate pin (sha256): {pin}")
    if args.qr:
        import qrcode
        from qrcode.image.pure import PyPNGImage

        payload = {"server": args.server, "code": code, "pin_sha256": pin}
        image = qrcode.make(json.dumps(payload, separators=(",", ":")), image_factory=PyPNGImage)
        with args.qr.open("wb") as out:
            image.save(out)
        print(f"二维码 / QR image: {args.qr}")
    return EXIT_OK


def run_revoke(args: argparse.Namespace) -> int:
    from caseworker.sync.county.auth import revoke

    engine = _engine(args)
    count = revoke(engine, args.device)
    engine.dispose()
    if count == 0:
        raise CommandError(
            f"没有找到未注销的设备“{args.device}”", f"no active device '{args.device}'"
        )
    print(f"已注销{count}个设备凭证 / revoked {count} credential(s)")
    return EXIT_OK


def run_publish(args: argparse.Namespace) -> int:
    from caseworker.sync.county.admin import publish_policy
    from caseworker.sync.county.auth import Refused

    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(
            f"无法读取{args.file}（{exc}）", f"cannot read {args.file} ({exc})"
        ) from None
    engine = _engine(args)
    try:
        pack_id, version, counties, digest = publish_policy(engine, text)
    except Refused as exc:
        raise _refused(exc) from None
    finally:
        engine.dispose()
    print(
        f"已发布 / published: {pack_id} {version} (counties {', '.join(counties)}) sha256 {digest}"
    )
    return EXIT_OK


def run_conflicts(args: argparse.Namespace) -> int:
    from caseworker.sync.county.admin import list_conflicts

    engine = _engine(args)
    conflicts = list_conflicts(engine, scope=args.scope)
    engine.dispose()
    for c in conflicts:
        print(
            f"{c.id}  {c.household_id}  {c.table}.{c.field}  "
            f"kept={json.dumps(c.kept_value, ensure_ascii=False)}  "
            f"other={json.dumps(c.other_value, ensure_ascii=False)}"
        )
    print(f"未解决的冲突 / open conflicts: {len(conflicts)}", file=sys.stderr)
    return EXIT_OK


def run_audit_verify(args: argparse.Namespace) -> int:
    from caseworker.sync.county.audit_log import verify_devices

    engine = _engine(args)
    results = verify_devices(engine)
    engine.dispose()
    broken = 0
    for device_id, check in sorted(results.items()):
        if check.ok:
            print(f"{device_id}  完整 intact  {check.entries}")
        else:
            broken += 1
            print(f"{device_id}  断链 BROKEN at {check.broken_at}: {check.reason}")
    print(f"设备 / devices: {len(results)}, 断链 / broken: {broken}", file=sys.stderr)
    return EXIT_FAILED if broken else EXIT_OK


def run_import_pending(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from caseworker.sync.county.admin import import_pending
    from caseworker.sync.county.auth import Refused

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise CommandError(
            f"无法读取{args.file}（{exc}）", f"cannot read {args.file} ({exc})"
        ) from None
    engine = _engine(args)
    try:
        answer = import_pending(engine, data)
    except Refused as exc:
        raise _refused(exc) from None
    except ValidationError as exc:
        raise CommandError(f"文件格式错误：{exc}", f"malformed file: {exc}") from None
    finally:
        engine.dispose()
    counts = {
        s: sum(r.status == s for r in answer.results) for s in ("accepted", "conflict", "rejected")
    }
    print(
        f"导入完成：接受{counts['accepted']}，冲突{counts['conflict']}，退回{counts['rejected']}\n"
        f"imported: {counts['accepted']} accepted, {counts['conflict']} with conflicts, "
        f"{counts['rejected']} rejected; receipt {answer.receipt.count} {answer.receipt.sha256}"
    )
    for r in answer.results:
        for e in r.errors:
            print(f"  {r.seq}: {e['message_zh']} / {e['message_en']}")
    return EXIT_OK
