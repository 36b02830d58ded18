"""`make bench-photos`: what a scalp photo costs (issue 16), in-process, no servers.

* **worker**: one 12-megapixel JPEG (4000 x 3000, with EXIF) through the worker's whole
  job (screening/photos.py ``process``): read and decrypt the pending file, decode, EXIF
  orientation, strip, resize to 2,048 px, re-encode, thumbnail, encrypt, store. Median
  and p95 of BENCH_PHOTO_RUNS runs (target: median < 1.5 s).
* **memory**: the same job once in a fresh Python process; the growth of its peak
  resident memory (``resource.getrusage``'s ru_maxrss, which counts Pillow's buffers) over
  the process's peak before the job, plus tracemalloc's peak of Python allocations
  (target: < 300 MB per photo).
* **upload**: the photo step's POST with one 5 MB JPEG (the multipart body encoded once,
  as a browser sends it), through Django's whole handler and middleware stack
  (production settings via clinic_site.settings.bench, an encrypted database session,
  the database task queue): the cheap content check, encryption, storage and the
  queued task, no processing. p50 and p95 of BENCH_UPLOAD_REQUESTS
  requests (target: p95 < 300 ms).

Wall-clock times move with whatever else the machine runs; each is printed beside the
process's CPU time for the same work (one thread), which does not.

A scratch SQLite database and photo directory under BENCH_SCRATCH (default: the temp
directory). BENCH_JSON: also write the numbers as JSON. Results: bench/RESULTS.md.
"""

from __future__ import annotations

import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

SCRATCH = Path(
    os.environ.get("BENCH_SCRATCH") or Path(tempfile.gettempdir()) / "clinic-bench-photos"
)
SCRATCH.mkdir(exist_ok=True)
DB_PATH = SCRATCH / "db.sqlite3"
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.bench",
        "SECRET_KEY": "bench-only-not-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "localhost,testserver",
        "DATABASE_URL": f"sqlite:///{DB_PATH}",
        "REDIS_URL": "",
        "PAGE_CACHE_ENABLED": "false",
        "SITE_DATA_CACHE_ENABLED": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        "FIELD_ENCRYPTION_KEYS": "YmVuY2gtb25seS1rZXktbm90LWZvci1wcm9kdWN0aW8=",
        "BLIND_INDEX_KEY": "bench-only-blind-index-key-not-for-production",
        "SCREENING_PHOTOS_ROOT": str(SCRATCH / "photos"),
    }
)

WORKER_RUNS = int(os.environ.get("BENCH_PHOTO_RUNS", "7"))
UPLOAD_REQUESTS = int(os.environ.get("BENCH_UPLOAD_REQUESTS", "40"))


def camera_jpeg(width: int, height: int, quality: int = 92, seed: int = 1) -> bytes:
    """A photo-like JPEG (detail at several scales, so its size is realistic) with EXIF."""
    from PIL import Image

    rng = random.Random(seed)
    coarse = Image.frombytes(
        "RGB", (width // 16, height // 16), rng.randbytes(3 * (width // 16) * (height // 16))
    )
    fine = Image.frombytes(
        "L", (width // 2, height // 2), rng.randbytes((width // 2) * (height // 2))
    )
    image = coarse.resize((width, height), Image.Resampling.BICUBIC)
    image = Image.blend(image, fine.resize((width, height)).convert("RGB"), 0.25)
    exif = Image.Exif()
    exif[0x010F] = "BenchPhone"
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 26.0), 3: "W", 4: (0.0, 7.0, 39.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, exif=exif.tobytes())
    return out.getvalue()


def jpeg_of_about(megabytes: float) -> bytes:
    """A JPEG close to the given size (a phone photo of that weight)."""
    width, height = 2400, 1800
    for _ in range(6):
        data = camera_jpeg(width, height, quality=95, seed=2)
        ratio = (megabytes * 1024 * 1024) / len(data)
        if 0.95 <= ratio <= 1.05:
            break
        width, height = int(width * ratio**0.5), int(height * ratio**0.5)
    return data


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def setup_django():
    import django

    django.setup()
    from django.core.management import call_command

    if not DB_PATH.exists():
        call_command("migrate", verbosity=0)


def pending_photo(data: bytes):
    from clinic_site import crypto
    from screening import photos
    from screening.models import SubmissionPhoto

    name = photos.storage().save("uploads/bench.bin", _content(crypto.encrypt_bytes(data)))
    return SubmissionPhoto.objects.create(view="top", upload_name=name)


def _content(data: bytes):
    from django.core.files.base import ContentFile

    return ContentFile(data)


def bench_worker(data: bytes) -> dict:
    from screening import photos

    times, cpu = [], []
    for _ in range(WORKER_RUNS):
        photo = pending_photo(data)
        started, started_cpu = time.perf_counter(), time.process_time()
        photos.process(photo)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        assert photo.status == "ready", photo.reason
        photos.delete_files([photo.image_name, photo.thumbnail_name])
        photo.delete()
    return {
        "runs": WORKER_RUNS,
        "median_s": statistics.median(times),
        "p95_s": percentile(times, 0.95),
        "cpu_median_s": statistics.median(cpu),
        "input_bytes": len(data),
    }


def memory_child(path: str) -> None:
    """Run in a fresh process: one photo through the worker's job, then print the memory."""
    import tracemalloc

    setup_django()
    from screening import photos

    data = Path(path).read_bytes()
    photo = pending_photo(data)
    del data
    import gc

    gc.collect()
    before = _rss_kib("VmRSS")
    reset = _reset_peak_rss()
    tracemalloc.start()
    photos.process(photo)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # With the peak reset, VmHWM is the job's own peak; otherwise ru_maxrss (the
    # process's peak since it started, setup included: an upper bound).
    peak = _rss_kib("VmHWM") if reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert photo.status == "ready"
    photos.delete_files([photo.image_name, photo.thumbnail_name])
    photo.delete()
    print(
        json.dumps(
            {
                "peak_rss_growth_mb": (peak - before) / 1024,
                "rss_before_mb": before / 1024,
                "peak_rss_mb": peak / 1024,
                "peak_reset": reset,
                "tracemalloc_peak_mb": traced_peak / (1024 * 1024),
            }
        )
    )


def _rss_kib(field: str) -> int:
    """A memory figure of this process from /proc/self/status, in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _reset_peak_rss() -> bool:
    """Linux: writing 5 to clear_refs resets the peak (VmHWM) to the current RSS."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def bench_memory(data: bytes) -> dict:
    path = SCRATCH / "twelve-megapixels.jpg"
    path.write_bytes(data)
    output = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def bench_upload(data: bytes) -> dict:
    from django.test import Client
    from django.urls import reverse

    from screening.models import SubmissionPhoto
    from tests.support.screening import step_data

    client = Client()
    for slug, form in step_data():
        response = client.post(reverse("screening:step", args=[slug]), form)
        assert response.status_code == 302, (slug, response.status_code)
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    url = reverse("screening:photos")
    # The body is encoded once, as the browser would send it: what is timed is the
    # server's work on the request, not the test client building it.
    body = encode_multipart(BOUNDARY, {"photo_front": _upload(data), "consent_photos": "on"})
    times, cpu = [], []
    for number in range(UPLOAD_REQUESTS + 3):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.generic("POST", url, body, content_type=MULTIPART_CONTENT)
        elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        assert response.status_code == 302, response.status_code
        if number >= 3:  # the first few warm the caches and imports
            times.append(elapsed)
            cpu.append(elapsed_cpu)
    stored = SubmissionPhoto.objects.count()
    return {
        "requests": UPLOAD_REQUESTS,
        "p50_ms": statistics.median(times) * 1000,
        "p95_ms": percentile(times, 0.95) * 1000,
        "cpu_p50_ms": statistics.median(cpu) * 1000,
        "cpu_p95_ms": percentile(cpu, 0.95) * 1000,
        "file_bytes": len(data),
        "rows_after": stored,
    }


def _upload(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("photo.jpg", data, content_type="image/jpeg")


def main() -> None:
    setup_django()
    twelve = camera_jpeg(4000, 3000)
    five = jpeg_of_about(5)
    results = {
        "worker": bench_worker(twelve),
        "memory": bench_memory(twelve),
        "upload": bench_upload(five),
    }
    worker, memory, upload = results["worker"], results["memory"], results["upload"]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Photos (issue 16), {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, "
        f"load average {load:.1f}"
    )
    print(
        f"  worker, one 12 MP JPEG ({worker['input_bytes'] / 1e6:.1f} MB), {worker['runs']} runs: "
        f"median {worker['median_s']:.3f} s, p95 {worker['p95_s']:.3f} s, CPU time median "
        f"{worker['cpu_median_s']:.3f} s   (target < 1.5 s)"
    )
    print(
        f"  worker memory, one photo: peak RSS +{memory['peak_rss_growth_mb']:.0f} MB over "
        f"{memory['rss_before_mb']:.0f} MB before the job, Python allocations "
        f"{memory['tracemalloc_peak_mb']:.0f} MB   (target < 300 MB)"
    )
    print(
        f"  upload request, one {upload['file_bytes'] / 1e6:.1f} MB JPEG, {upload['requests']} "
        f"requests: p50 {upload['p50_ms']:.0f} ms, p95 {upload['p95_ms']:.0f} ms; CPU time "
        f"p50 {upload['cpu_p50_ms']:.0f} ms, p95 {upload['cpu_p95_ms']:.0f} ms   "
        f"(target p95 < 300 ms)"
    )
    if os.environ.get("BENCH_JSON"):
        Path(os.environ["BENCH_JSON"]).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--memory-child":
        memory_child(sys.argv[2])
    else:
        main()
