"""Staff review of screening submissions in the Wagtail admin (wired up in wagtail_hooks.py)."""
