"""Caseworker: offline-first casework for village social assistance specialists."""

__version__ = "0.1.0"
