"""The embedded default (`make run`: a SQLite file, no Redis) holds an editor's ordinary use."""

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def migrated_sqlite(django_db_setup, django_db_blocker, tmp_path_factory):
    """The migrated test database copied to a file, before any test's transaction holds SQLite's write lock
    (a module fixture is set up ahead of the test's own)."""
    with django_db_blocker.unblock():
        if connection.vendor != "sqlite":
            return None
        path = tmp_path_factory.mktemp("embedded") / "db.sqlite3"
        connection.ensure_connection()
        with closing(sqlite3.connect(path)) as target:
            connection.connection.backup(target)
    return path


@pytest.fixture
def sqlite_file(migrated_sqlite, tmp_path):
    """A SQLite file holding the migrated database, as `make run` leaves var/db.sqlite3."""
    if migrated_sqlite is None:
        pytest.skip("the embedded default is SQLite; this run's database is not")
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(migrated_sqlite, path)
    return path


def embedded_env(db_path: Path, **extra) -> dict:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db_path}", "DJANGO_DEBUG": "true", "DJANGO_VAR_DIR": str(db_path.parent)}
    for name in ("REDIS_URL", "ELASTICSEARCH_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        env.pop(name, None)
    env.update(extra)
    return env


def run_script(script: str, env: dict, timeout: int = 120) -> subprocess.CompletedProcess:
    code = "import django; django.setup()\n" + textwrap.dedent(script)
    env = {**env, "DJANGO_SETTINGS_MODULE": "marketplace.settings"}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


# Two editors' requests (or an editor's autosave and Save draft) on the same page at the same moment: each reads
# the page, then writes a revision, in one transaction per request (ATOMIC_REQUESTS), on its own connection.
CONCURRENT_SAVES = """
    import threading
    from django.db import connection, transaction
    from cms.models import NewsPage
    from cms.services import cms_setup_ensure
    from tests.cms.factories import make_news

    cms_setup_ensure()
    page_id = make_news(title="Tin hai người sửa").pk
    connection.close()
    both_read = threading.Barrier(2, timeout=3)
    outcomes = {}

    def save(name):
        try:
            with transaction.atomic():
                page = NewsPage.objects.get(pk=page_id)
                try:
                    both_read.wait()
                except threading.BrokenBarrierError:
                    pass  # the other request waits for this one's write lock
                page.title = "Tin sửa bởi " + name
                page.save_revision()
            outcomes[name] = "saved"
        except Exception as error:
            outcomes[name] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(name,)) for name in ("autosave", "save-draft")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(sorted(outcomes.items()))
    print("revisions", NewsPage.objects.get(pk=page_id).revisions.count())
"""


@pytest.mark.slow
def test_two_concurrent_saves_of_the_same_page_both_succeed_on_the_sqlite_file(sqlite_file):
    result = run_script(CONCURRENT_SAVES, embedded_env(sqlite_file))

    assert result.returncode == 0, result.stderr
    assert "[('autosave', 'saved'), ('save-draft', 'saved')]" in result.stdout, result.stdout
    assert "revisions 3" in result.stdout  # the published one and both drafts


SCHEDULE_AN_ARTICLE = """
    import datetime
    from django.utils import timezone
    from cms.services import cms_setup_ensure
    from tests.cms.factories import make_news

    cms_setup_ensure()
    page = make_news(title="Tin hẹn giờ đăng")
    page.unpublish()
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=5)
    page.save_revision().publish()  # with a go-live time ahead this only schedules it
    page.refresh_from_db()
    print("page", page.pk, "live", page.live)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_is_live(db_path: Path, page_id: int) -> bool:
    with closing(sqlite3.connect(db_path, timeout=20)) as db:
        return bool(db.execute("SELECT live FROM wagtailcore_page WHERE id = ?", (page_id,)).fetchone()[0])


def http_status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


@pytest.mark.slow
def test_make_run_publishes_a_scheduled_article_and_stops_with_ctrl_c(sqlite_file, tmp_path):
    env = embedded_env(sqlite_file, CELERY_BROKER_FOLDER=str(tmp_path / "broker"), CMS_PUBLISH_SCHEDULED_SECONDS="2")
    scheduled = run_script(SCHEDULE_AN_ARTICLE, env)
    assert scheduled.returncode == 0, scheduled.stderr
    page_id = int(scheduled.stdout.split()[1])
    assert "live False" in scheduled.stdout
    port = free_port()
    env.pop("SITE_URL", None)

    run = subprocess.Popen(
        [sys.executable, "tools/run_local.py", "--port", str(port), "--noreload"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while not page_is_live(sqlite_file, page_id) and time.monotonic() < deadline and run.poll() is None:
            time.sleep(1)
        published = page_is_live(sqlite_file, page_id)
        web = http_status(f"http://127.0.0.1:{port}/cms-admin/login/")
    finally:
        run.send_signal(signal.SIGINT)  # Ctrl-C
        output = run.communicate(timeout=30)[0]

    assert published, output[-3000:]
    assert web == 200, output[-3000:]
    assert http_status(f"http://127.0.0.1:{port}/cms-admin/login/") is None  # the web server stopped too
    assert "cms.tasks.publish_scheduled" in output  # run by the worker, sent by beat


def test_make_run_serves_and_links_to_the_port_it_is_given():
    # Under `make test` (CI) the outer make's variables would make this one print its directory.
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    plan = subprocess.run(["make", "--no-print-directory", "-n", "run", "PORT=8123"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)

    run_line = plan.stdout.strip().splitlines()[-1]
    assert "SITE_URL=http://127.0.0.1:8123" in run_line
    assert "tools/run_local.py --port 8123" in run_line
