"""Printing the official forms to PDF with ReportLab (no Qt here).

Forms are defined as data in ``forms/``; ``documents`` prints one form, ``casefile`` a
household's case file or a batch of them, ``publicity`` a village's publicity list. See
``docs/printing.md``.
"""
