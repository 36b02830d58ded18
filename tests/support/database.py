"""State shared between the root conftest and the browser tests' database handling."""

# Migrated database state (Wagtail's root page, locale, groups), per alias, captured once
# so transactional tests can restore it after a flush (tests/browser/conftest.py).
SERIALIZED_DATABASES: dict[str, str] = {}
