"""The base of the errors a person reads."""


class BilingualError(Exception):
    """An error told to a person: what went wrong (and what to do) in Chinese, ``zh``, and
    in English, ``en``; ``str()`` gives both, for logs and the command line."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


class BilingualValueError(BilingualError, ValueError):
    """A value refused, told in Chinese and English (a ``ValueError`` too, for the callers
    that take any bad value)."""
