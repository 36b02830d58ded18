"""Helpers, factories and data shared by tests in several folders (imported, never collected)."""
