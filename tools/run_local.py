"""`make run`: the web server and a Celery worker with beat, started together and stopped together.

Web requests still run their tasks eagerly (CELERY_TASK_ALWAYS_EAGER stays on: e-mails and indexing happen in the
request, as before); beat sends the scheduled jobs (Wagtail's scheduled publishing, the 24 h auto-cancel, unpaid
order timeouts, certificate expiry) through kombu's filesystem broker under var/ to the worker, which runs them.
Ctrl-C (or SIGTERM) stops both; if either stops by itself, the other is stopped too.
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def local_env(*, port: int) -> dict[str, str]:
    """The environment of both processes: the embedded broker unless one is set, the site's address on this port."""
    env = dict(os.environ)
    var = Path(env.get("DJANGO_VAR_DIR") or ROOT / "var")
    env.setdefault("SITE_URL", f"http://127.0.0.1:{port}")
    env.setdefault("CELERY_BROKER_URL", "filesystem://")
    env.setdefault("CELERY_BROKER_FOLDER", str(var / "celery-broker"))
    return env


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        # Each child leads its own process group: runserver's reloader child and the worker's beat go with it.
        os.killpg(process.pid, signal.SIGTERM)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--noreload", action="store_true", help="runserver without its auto-reloader")
    args = parser.parse_args(argv)
    env = local_env(port=args.port)
    Path(env["CELERY_BROKER_FOLDER"]).mkdir(parents=True, exist_ok=True)
    schedule = Path(env.get("DJANGO_VAR_DIR") or ROOT / "var") / "celerybeat-schedule"
    web = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{args.port}"] + (["--noreload"] if args.noreload else [])
    # One solo-pool worker is enough for a laptop's scheduled jobs and keeps SQLite to one extra writer.
    worker = [sys.executable, "-m", "celery", "-A", "marketplace", "worker", "--beat", "--pool=solo",
              "--loglevel=INFO", f"--schedule={schedule}"]  # fmt: skip
    processes = [subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True) for command in (web, worker)]

    def on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    exit_code = 0
    try:
        while all(process.poll() is None for process in processes):
            time.sleep(0.5)
        exit_code = next(process.returncode for process in processes if process.returncode is not None)
    except KeyboardInterrupt:
        pass
    finally:
        for process in processes:
            _stop(process)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
