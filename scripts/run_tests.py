"""Run the test suite on the best backend available and say which one it used.

DATABASE_URL and REDIS_URL win when set; otherwise PostgreSQL and Redis on localhost are used
when they answer; otherwise SQLite with tasks run in-process.
"""

import os
import socket
import sys
import uuid


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def main() -> None:
    env = os.environ
    if "DATABASE_URL" not in env:
        env["DATABASE_URL"] = (
            "postgres://postgres@127.0.0.1:5432/diplomacy" if answers(5432) else "sqlite:///db-tests.sqlite3"
        )
    if "REDIS_URL" not in env and answers(6379):
        env["REDIS_URL"] = "redis://127.0.0.1:6379/15"
    # A queue of its own, so a stale message from an earlier run never reaches this run's worker.
    env.setdefault("CELERY_QUEUE", f"tests-{uuid.uuid4().hex[:8]}")
    database = env["DATABASE_URL"].split("://", 1)[0]
    broker = env.get("REDIS_URL") or "none: tasks run in-process, worker tests skipped"
    print(f"Test backend: database {database} ({env['DATABASE_URL']}), broker {broker}", flush=True)
    os.execv(sys.executable, [sys.executable, "-m", "pytest", *sys.argv[1:]])


if __name__ == "__main__":
    main()
