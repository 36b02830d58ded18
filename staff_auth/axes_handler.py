"""django-axes with two limits: per username+address and per account.

``AXES_LOCKOUT_PARAMETERS`` lists ``["username", "ip_address"]`` first and ``"username"``
second. Axes compares one number with one limit (``AXES_FAILURE_LIMIT``, 5), so the
account-wide count is scaled: ``STAFF_ACCOUNT_FAILURE_LIMIT`` (20) failures for one
username, from any number of addresses, weigh as much as 5 from one address. A guesser
who rotates addresses (a botnet, or IPv6) still locks the account after 20 tries; the
owner gets the same lockout page and an operator can unlock with
``manage.py axes_reset_username``.
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum

DEFAULT_ACCOUNT_FAILURE_LIMIT = 20


def account_failure_limit() -> int:
    return int(getattr(settings, "STAFF_ACCOUNT_FAILURE_LIMIT", DEFAULT_ACCOUNT_FAILURE_LIMIT))


class AccountAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        if not counts:
            return 0
        per_address = counts[0]
        if len(counts) == 1:
            return per_address
        per_account = max(counts[1:])
        address_limit = int(settings.AXES_FAILURE_LIMIT)
        # Scaled so that account_failure_limit() account-wide failures reach the limit.
        scaled = per_account * address_limit // max(account_failure_limit(), 1)
        return max(per_address, scaled)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful sign-in clears its own username+address pair only.

        Clearing every attempt on the username (axes' default with a "username" parameter)
        would let the owner's sign-in wipe an attacker's count from elsewhere."""
        attempts_list = self.filter_user_attempts(request, credentials)
        if not attempts_list:
            return 0
        count, _ = attempts_list[0].delete()
        return count
