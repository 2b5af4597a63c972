"""Importing household files into the store (``caseworker import``)."""
