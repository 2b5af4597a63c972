"""What printing reports when it cannot print."""

from caseworker.domain.errors import BilingualError


class PrintError(BilingualError):
    """A document cannot be printed (message in Chinese and English); no file is written."""


class FormDefinitionError(PrintError):
    """A form definition file in ``forms/`` is broken: it names the file and the key."""


class PrintCancelled(Exception):
    """The person cancelled a batch; the partial output was removed."""
