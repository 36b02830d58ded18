"""Streaming a long list: rows read from the database in chunks, written in batches."""

from __future__ import annotations


class ChunkedRows:
    """A queryset read in chunks (``iterator()``) that still tells the export its model:
    the rows are fetched as the response streams, never all at once."""

    def __init__(self, queryset, chunk_size: int):
        self.queryset = queryset
        self.model = queryset.model
        self.chunk_size = chunk_size

    def __iter__(self):
        return self.queryset.iterator(chunk_size=self.chunk_size)


def batched(chunks, size: int):
    """Join a stream of small byte strings into fewer, larger writes."""
    buffer = []
    for chunk in chunks:
        buffer.append(chunk)
        if len(buffer) >= size:
            yield b"".join(buffer)
            buffer = []
    if buffer:
        yield b"".join(buffer)
