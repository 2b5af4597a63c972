"""The self-test's steps, in the order they run (each needs what the one before made)."""

from collections.abc import Callable
from dataclasses import dataclass

from caseworker.selftest.context import SelfTest
from caseworker.selftest.county_steps import step_server, step_sync
from caseworker.selftest.laptop_steps import (
    step_desktop,
    step_evidence,
    step_import,
    step_print,
    step_screen,
    step_store,
)


@dataclass(frozen=True)
class Step:
    """One step: its name in the report's last line, what it does in Chinese and English,
    and the function that runs it (returning a detail for its line of report)."""

    name: str
    zh: str
    en: str
    run: Callable[[SelfTest], str]


STEPS: tuple[Step, ...] = (
    Step("store", "创建加密数据库", "create an encrypted store", step_store),
    Step("import", "导入演示家庭", "import demo households", step_import),
    Step("screen", "救助资格筛查", "screen for assistance", step_screen),
    Step("print", "打印表单为PDF", "print a form to PDF", step_print),
    Step("server", "启动县服务器", "start a county server", step_server),
    Step("sync", "注册并同步", "enroll and sync", step_sync),
    Step("evidence", "添加证明材料照片", "attach photos of evidence", step_evidence),
    # Last: it records a worker in the store, which is not what the sync step counts.
    Step("desktop", "桌面界面组件", "desktop (Qt) components", step_desktop),
)
