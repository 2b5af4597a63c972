"""Where things live: the user's data directory, bundled resources, frozen-bundle detection."""

import sys
from pathlib import Path

APP_NAME = "caseworker"


def is_frozen() -> bool:
    """True when running from a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def project_root() -> Path:
    """The folder holding ``resources/`` and ``forms/``: the bundle dir when frozen."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``."""
    return project_root().joinpath("resources", *parts)


def forms_path(*parts: str) -> Path:
    """Path of a file under ``forms/``."""
    return project_root().joinpath("forms", *parts)


def user_data_dir() -> Path:
    """The per-user data folder (created on first use)."""
    import platformdirs  # only a start without ``--db`` needs it

    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """The local store used when no ``--db PATH`` is given."""
    return user_data_dir() / "caseworker.db"
