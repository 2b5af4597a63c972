"""The county server: a FastAPI app over its own database (SQLite or PostgreSQL)."""
