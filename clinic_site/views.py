"""Operational endpoints and error handlers that are not content pages."""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    """For load balancers: 200 while the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check failed: the database did not answer")
        return JsonResponse({"status": "unavailable", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def bench_baseline(request):
    """The smallest Django response, for `make bench` only (see settings/bench.py)."""
    return HttpResponse("ok", content_type="text/plain")


def server_error(request):
    """A 500 page that needs neither the database nor a request context."""
    return HttpResponseServerError(loader.get_template("500.html").render())
