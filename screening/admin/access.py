"""Permission checks shared by the screening admin views."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin


class PermissionFirstMixin(PermissionCheckedMixin):
    """Check permissions before the submission is looked up, so that a user without access
    gets 403 for every id, whether or not a submission with that id exists."""

    def setup(self, request, *args, **kwargs):
        self.request = request
        if self.permission_required is not None and not self.user_has_permission(
            self.permission_required
        ):
            raise PermissionDenied
        if self.any_permission_required is not None and not self.user_has_any_permission(
            self.any_permission_required
        ):
            raise PermissionDenied
        super().setup(request, *args, **kwargs)
