"""What printing reports when it cannot print."""


class PrintError(Exception):
    """A document cannot be printed (message in Chinese and English); no file is written."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


class FormDefinitionError(PrintError):
    """A form definition file in ``forms/`` is broken: it names the file and the key."""


class PrintCancelled(Exception):
    """The person cancelled a batch; the partial output was removed."""
