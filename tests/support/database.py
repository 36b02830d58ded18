"""State shared between the root conftest and the browser tests' database handling."""

import sqlite3

# Migrated database state (Wagtail's root page, locale, groups), per alias, captured once
# so transactional tests can restore it after a flush (tests/browser/conftest.py).
SERIALIZED_DATABASES: dict[str, str] = {}

# A copy of each in-memory SQLite test database right after migrations, taken with
# SQLite's backup API; the browser tests start from it (tests/browser/conftest.py).
MIGRATED_SQLITE_DATABASES: dict[str, sqlite3.Connection] = {}


def copy_migrated_sqlite_database(connection):
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        return
    connection.ensure_connection()
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    MIGRATED_SQLITE_DATABASES[connection.alias] = copy
