"""The desktop step of ``caseworker --self-test``: the Qt parts start and draw.

It builds what a worker sees first, the sign-in window, and the main window on the
self-test's store, and draws the main window into an image, without showing anything; so a
bundle that lacks a Qt plugin, the font or the translation fails here, not on a village
laptop's first start.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThreadPool, qVersion

from caseworker.font_files import FALLBACK_FAMILY
from caseworker.store.db import Store
from caseworker.store.workers import current_worker, set_current_worker
from caseworker.ui.dialogs.signin import SignInDialog
from caseworker.ui.fonts import register_bundled_fonts
from caseworker.ui.main_window import MainWindow
from caseworker.ui.qt_app import create_app
from caseworker.ui.settings import AppSettings

LANGUAGE = "zh_CN"


class DesktopCheckFailed(RuntimeError):
    """A Qt part is missing or does not work (message in Chinese and English)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")


def check_desktop(store: Store, settings_path: Path) -> str:
    """Start Qt in this process and check its parts; a one-line summary, or
    DesktopCheckFailed."""
    settings = AppSettings(settings_path)
    settings.language = LANGUAGE
    app = create_app(settings)
    bundled = register_bundled_fonts(app)  # again, to learn the families; harmless
    family = app.font().family()
    if not bundled or family not in bundled:
        raise DesktopCheckFailed(
            f"界面没有使用随程序提供的中文字体（当前为{family}）",
            f"the app font is not the bundled CJK font (it is {family})",
        )
    if FALLBACK_FAMILY not in app.font().families():
        raise DesktopCheckFailed(
            "界面缺少生僻字字体（如䶮、𠮷将显示为方框）",
            "the fallback font for rare characters (such as 䶮, 𠮷) is not loaded",
        )
    if QCoreApplication.translate("SignInDialog", "Sign in") == "Sign in":
        raise DesktopCheckFailed("中文界面翻译没有加载", "the Chinese translation did not load")
    dialog = SignInDialog(store.path)
    workers = dialog.worker.count()
    dialog.deleteLater()
    if workers == 0:
        raise DesktopCheckFailed("登录窗口中没有工作人员", "the sign-in window lists no worker")
    worker = current_worker(store) or set_current_worker(
        store, name="自检", role="village", scope_code=None
    )
    window = MainWindow(store, worker, settings)
    try:
        # What a shown window does after its first paint: count home's figures (their
        # charts load QtCharts) and build the household list (SQLAlchemy, the search).
        window.dashboard.refresh()
        QThreadPool.globalInstance().waitForDone()
        QCoreApplication.processEvents()  # the figures arrive and are drawn as charts
        if window.dashboard.stats is None:
            raise DesktopCheckFailed(
                "首页统计无法计算", "the home page's figures cannot be computed"
            )
        window.dashboard.show_stats()  # again, here, where a failure of QtCharts is seen
        window.households  # noqa: B018  (built here as after the first paint)
        image = window.grab()  # draws every visible part (dashboard charts included)
        QThreadPool.globalInstance().waitForDone()  # background loads finish with the store
        QCoreApplication.processEvents()
    finally:
        window.close()
        window.deleteLater()
        QThreadPool.globalInstance().waitForDone()
    if image.isNull() or image.width() == 0:
        raise DesktopCheckFailed("主窗口无法绘制", "the main window cannot be drawn")
    return f"Qt {qVersion()} {app.platformName()}, {family}, {LANGUAGE}"
