"""The sub-commands of ``caseworker``; each module has ``register(subparsers)``.

A module is imported only when its sub-command runs: ``caseworker --help`` and
``--version`` list the sub-commands from the table below without loading SQLAlchemy,
ReportLab or the policy engine, which the sub-commands need and the listing does not.
"""

import importlib
from types import ModuleType

# Each sub-command, in the order ``--help`` lists them: the module that registers it and
# the line ``--help`` shows for it.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("demo", "create demo households 生成演示数据"),
    "import": ("import_", "import household files 导入家庭数据"),
    "export": ("export", "export households 导出家庭数据"),
    "search": ("search", "find households 查找家庭"),
    "screen": ("screen", "screen households for assistance 救助资格筛查"),
    "print": ("print_", "print forms to PDF 打印表单"),
    "attach": ("attach", "photos and scans of evidence 证明材料"),
    "sync": ("sync", "sync with the county server 与县服务器同步"),
    "county": ("county", "county sync server 县级同步服务器"),
    "password": ("password", "lock the store with a password 设置或修改密码"),
    "backup": ("backup", "back up the store 备份数据"),
    "restore": ("backup", "restore a backup 恢复备份"),
    "audit": ("audit", "check or show the audit trail 审计记录"),
}


def help_of(name: str) -> str:
    """The line ``--help`` shows for sub-command ``name``."""
    return SUBCOMMANDS[name][1]


def module_of(name: str) -> ModuleType:
    """The module that registers and runs sub-command ``name`` (imported now)."""
    return importlib.import_module(f"caseworker.commands.{SUBCOMMANDS[name][0]}")
