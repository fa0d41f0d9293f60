"""The embedded default (`make run`: a SQLite file, no Redis) holds an editor's ordinary use."""

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sqlite_file(django_db_setup, django_db_blocker, tmp_path):
    """A SQLite file holding the migrated test database, as `make run` leaves var/db.sqlite3. Copied outside
    any test transaction (these tests use no `db` fixture): SQLite's backup waits for a writing source."""
    with django_db_blocker.unblock():
        if connection.vendor != "sqlite":
            pytest.skip("the embedded default is SQLite; this run's database is not")
        path = tmp_path / "db.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
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
