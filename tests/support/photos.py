"""Photo test helpers (issue 16): real image files made with Pillow, and the bad ones."""

from __future__ import annotations

import io
import random
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def _noise(width: int, height: int, seed: int = 1) -> Image.Image:
    """A picture with detail (so JPEG sizes are realistic), quick to make."""
    rng = random.Random(seed)
    small = Image.frombytes(
        "RGB",
        (max(1, width // 8), max(1, height // 8)),
        rng.randbytes(3 * (width // 8) * (height // 8)),
    )
    return small.resize((width, height), Image.Resampling.BILINEAR)


def jpeg_with_gps(width: int = 1200, height: int = 900, *, orientation: int = 6) -> bytes:
    """A JPEG carrying EXIF: GPS position, camera make and an orientation to apply."""
    exif = Image.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 26.0), 3: "W", 4: (0.0, 7.0, 39.0)}
    out = io.BytesIO()
    _noise(width, height).save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def png(width: int = 640, height: int = 480) -> bytes:
    out = io.BytesIO()
    image = _noise(width, height, seed=2)
    image.info["comment"] = "scanner"
    image.save(out, "PNG", pnginfo=None)
    return out.getvalue()


def big_png(megabytes: int = 20) -> bytes:
    """An uncompressed PNG of random pixels, just over the given size."""
    side = int(((megabytes * 1024 * 1024) / 3) ** 0.5) + 8
    image = Image.frombytes("RGB", (side, side), random.Random(3).randbytes(side * side * 3))
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=0)
    return out.getvalue()


def png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A tiny PNG whose header claims width x height pixels (a decompression bomb)."""
    out = io.BytesIO()
    Image.new("L", (16, 16)).save(out, "PNG")
    data = bytearray(out.getvalue())
    # IHDR is the first chunk: length(4) type(4) width(4) height(4) ... crc(4)
    ihdr_start = 8
    struct.pack_into(">II", data, ihdr_start + 8, width, height)
    body = bytes(data[ihdr_start + 4 : ihdr_start + 8 + 13])
    struct.pack_into(">I", data, ihdr_start + 8 + 13, zlib.crc32(body) & 0xFFFFFFFF)
    return bytes(data)


def truncated_jpeg() -> bytes:
    whole = jpeg_with_gps(800, 600)
    return whole[: len(whole) // 2]


def upload(name: str, data: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)
