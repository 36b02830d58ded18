"""URLs for tests/deploy/test_haproxy.py: what the app behind HAProxy sees of a request.

The views need no database (the live server thread has none in these tests); the
project's middleware runs as for any other request.
"""

import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.utils.module_loading import import_string
from django.views.decorators.csrf import csrf_exempt

# Requests that reached the app, by path: a request refused by HAProxy never counts.
received: list[str] = []


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@csrf_exempt
def echo(request):
    received.append(request.path)
    client_ip = import_string(settings.AXES_CLIENT_IP_CALLABLE)
    return JsonResponse(
        {
            "remote_addr": request.META.get("REMOTE_ADDR"),
            "x_forwarded_for": request.META.get("HTTP_X_FORWARDED_FOR"),
            "x_forwarded_proto": request.META.get("HTTP_X_FORWARDED_PROTO"),
            "x_forwarded_host": request.META.get("HTTP_X_FORWARDED_HOST"),
            "client_ip": client_ip(request),
            "is_secure": request.is_secure(),
            "body_bytes": len(request.body),
        }
    )


def page(request):
    received.append(request.path)
    body = "<!doctype html><title>Page</title>" + "<p>Plain words, many times.</p>" * 200
    return HttpResponse(body, content_type="text/html; charset=utf-8")


def as_json(response_body: bytes) -> dict:
    return json.loads(response_body)


urlpatterns = [
    path("healthz", healthz),
    path("echo/", echo),
    # The photo upload pages' paths (issue 16), which HAProxy lets through with larger bodies.
    path("screening/photos/", echo),
    path("screening/follow-up/photos/", echo),
    path("page/", page),
]
