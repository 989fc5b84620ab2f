"""Loopback HTTP load for bench_public: wrk when installed, else a small threaded client. Framework-free."""

from __future__ import annotations

import http.client
import re
import subprocess
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

WRK_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class LoadResult:
    tool: str
    requests: int
    errors: int
    rps: float
    p50_ms: float
    p99_ms: float


def wrk_load(url: str, *, seconds: int, connections: int) -> LoadResult:
    assert urlsplit(url).hostname == "127.0.0.1", "loopback only"
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 30).stdout
    return LoadResult(
        tool="wrk",
        requests=int(re.search(r"(\d+) requests in", output).group(1)),  # type: ignore[union-attr]
        errors=_wrk_errors(output),
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),  # type: ignore[union-attr]
        p50_ms=_wrk_latency(output, "50%"),
        p99_ms=_wrk_latency(output, "99%"),
    )


def _wrk_errors(output: str) -> int:
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    bad_status = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return sum(int(n) for n in (socket_errors.groups() if socket_errors else ())) + int(
        bad_status.group(1) if bad_status else 0
    )


def _wrk_latency(output: str, percentile: str) -> float:
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)\b", output).groups()  # type: ignore[union-attr]
    return float(value) * WRK_UNITS_MS[unit]


def python_load(url: str, *, seconds: int, connections: int) -> LoadResult:
    parts = urlsplit(url)
    assert parts.hostname == "127.0.0.1", "loopback only"
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < deadline:
            began = time.perf_counter()
            ok = _get(parts.hostname or "", parts.port or 80, parts.path)
            with lock:
                if ok:
                    latencies.append((time.perf_counter() - began) * 1000)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    count = len(latencies)
    return LoadResult(
        tool="python threads",
        requests=count,
        errors=errors[0],
        rps=count / seconds,
        p50_ms=latencies[count // 2] if count else 0.0,
        p99_ms=latencies[min(count - 1, int(count * 0.99))] if count else 0.0,
    )


def _get(host: str, port: int, path: str) -> bool:
    try:
        connection = http.client.HTTPConnection(host, port, timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        connection.close()
    except OSError:
        return False
    return response.status == 200
