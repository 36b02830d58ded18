"""The shared rate limiter (issue 15): a sliding window, and IPv6 clients counted by /64."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from clinic_site.ratelimit import Rate, hit

HOUR = 3600
RATE = Rate(5, HOUR)
START = 1_000 * HOUR  # the start of a clock hour


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def hits(address, times, at):
    return [hit(request_from(address), "test", RATE, now=at) for _ in range(times)]


def test_no_burst_of_twice_the_rate_across_a_window_edge():
    # 5 at the end of one hour, then more just after the clock turns: refused.
    assert all(v.allowed for v in hits("192.0.2.1", 5, START + HOUR - 10))
    after_edge = hits("192.0.2.1", 5, START + HOUR + 10)
    assert not any(v.allowed for v in after_edge)
    assert all(v.retry_after > 0 for v in after_edge)


def test_the_previous_window_counts_less_as_it_slides_away():
    assert all(v.allowed for v in hits("192.0.2.1", 5, START + 10))
    # Most of an hour later, most of those 5 have slid out of the last hour.
    later = hits("192.0.2.1", 4, START + HOUR + int(0.9 * HOUR))
    assert [v.allowed for v in later] == [True, True, True, True]


def test_the_retry_after_points_at_when_an_attempt_is_allowed_again():
    hits("192.0.2.1", 5, START + HOUR - 10)
    [refused] = hits("192.0.2.1", 1, START + HOUR + 10)
    assert not refused.allowed
    [again] = hits("192.0.2.1", 1, START + HOUR + 10 + refused.retry_after + 60)
    assert again.allowed


@pytest.mark.parametrize(
    "burst",
    [
        [(5, START + HOUR - 10), (1, START + HOUR + 10)],  # over only with the last hour
        [(5, START + 60), (1, START + 120)],  # this window alone is over, early on
        [(3, START + 600), (4, START + HOUR + 300)],  # refused attempts count too
        [(7, START + HOUR - 5)],  # hammering at the end of a window
    ],
)
def test_retry_after_is_exactly_when_one_more_attempt_fits(burst):
    def replay():
        cache.clear()
        verdicts = [v for times, at in burst for v in hits("192.0.2.1", times, at)]
        return verdicts[-1]

    refused = replay()
    assert not refused.allowed
    last_at = burst[-1][1]
    # Two seconds early (Retry-After is rounded up to a whole second) the client is
    # refused; at Retry-After it gets in (each on a replay, since a refused attempt counts).
    replay()
    assert not hits("192.0.2.1", 1, last_at + refused.retry_after - 2)[0].allowed
    replay()
    assert hits("192.0.2.1", 1, last_at + refused.retry_after)[0].allowed


def test_ipv6_addresses_in_one_64_share_a_count_and_other_64s_do_not():
    assert all(v.allowed for v in hits("2001:db8:1:2::1", 5, START))
    # Another address of the same /64 (a privacy address, the next device at home).
    assert not hits("2001:db8:1:2:ffff:ffff:ffff:fffe", 1, START)[0].allowed
    assert hits("2001:db8:1:3::1", 1, START)[0].allowed


def test_ipv4_addresses_are_counted_one_by_one():
    assert all(v.allowed for v in hits("192.0.2.1", 5, START))
    assert hits("192.0.2.2", 1, START)[0].allowed
    assert not hits("192.0.2.1", 1, START)[0].allowed


@override_settings(TRUSTED_PROXIES=["10.0.0.5"])
def test_behind_a_listed_proxy_the_forwarded_client_is_counted():
    def from_client(client):
        return RequestFactory().post("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=client)

    for _ in range(5):
        assert hit(from_client("192.0.2.1"), "test", RATE, now=START).allowed
    assert not hit(from_client("192.0.2.1"), "test", RATE, now=START).allowed
    assert hit(from_client("192.0.2.9"), "test", RATE, now=START).allowed


REDIS_FOR_TESTS = "redis://127.0.0.1:6379/13"


@pytest.fixture
def redis_cache():
    """The production cache backend (Redis), when a server answers on this machine."""
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_FOR_TESTS, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    prefix = f"ratelimit-test-{id(object())}"
    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_FOR_TESTS,
                "KEY_PREFIX": prefix,
            }
        }
    ):
        yield
        client = redis.Redis.from_url(REDIS_FOR_TESTS)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


def test_with_redis_the_sliding_window_counts_in_one_round_trip(redis_cache):
    from django.core.cache import caches
    from django.utils.crypto import salted_hmac
    from redis.client import Pipeline

    backend = caches["default"]
    real_execute = Pipeline.execute
    round_trips = []

    def counted_execute(pipe, *args, **kwargs):
        round_trips.append(len(pipe.command_stack))
        return real_execute(pipe, *args, **kwargs)

    with mock.patch.object(Pipeline, "execute", counted_execute):
        first = hits("192.0.2.1", 5, START + HOUR - 10)
    assert all(v.allowed for v in first)
    assert round_trips == [3] * 5  # SET NX, INCR, GET: one MULTI/EXEC per attempt
    # The same sliding window as through the cache API: the previous hour still counts.
    after_edge = hits("192.0.2.1", 2, START + HOUR + 10)
    assert not any(v.allowed for v in after_edge)
    # Django's cache API reads the same counters (its keys, its integer encoding).
    client = salted_hmac("clinic_site.ratelimit", "192.0.2.1").hexdigest()[:32]
    assert backend.get(f"test:{client}:{START // HOUR}") == 5
    assert backend.get(f"test:{client}:{START // HOUR + 1}") == 2
