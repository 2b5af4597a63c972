"""One function per user action (register a household, save a visit, record a decision,
print documents, screen, back up), shared by the desktop app and the command line.

Each operation does the whole action in one place, writes in one transaction where the
store allows it, and returns a ``Changes`` notice that says what changed, so the pages
showing those things can refresh from it. Nothing here imports Qt.
"""
