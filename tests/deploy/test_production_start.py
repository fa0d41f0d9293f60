"""Debug off serves pages only from collected static files: the production start collects them (the image
build), and `check --deploy`, which the start runs before migrating, refuses to go on without them."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core import checks

# Other apps' deploy checks read the database (the Site record).
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
MANIFEST_STORAGE = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}


def deploy_errors() -> list[str]:
    return [m.id for m in checks.run_checks(include_deployment_checks=True) if m.level >= checks.ERROR]


@pytest.fixture
def debug_off_with_manifest(settings, tmp_path):
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": MANIFEST_STORAGE}
    return settings


def test_deploy_check_fails_when_static_files_were_not_collected(debug_off_with_manifest):
    assert "deployment.E002" in deploy_errors()


def test_the_static_check_leaves_debug_on_alone(debug_off_with_manifest):
    """`make run` serves static files from the apps, without collectstatic."""
    debug_off_with_manifest.DEBUG = True

    assert "deployment.E002" not in deploy_errors()


@pytest.mark.slow
def test_pages_answer_with_debug_off_after_the_images_collectstatic(debug_off_with_manifest, client, tmp_path):
    from cms.services import cms_setup_ensure

    # The Dockerfile's build step, with the static root of this test.
    env = {**os.environ, "DJANGO_SECRET_KEY": "build-only-not-secret", "DJANGO_VAR_DIR": str(tmp_path)}
    env.pop("DJANGO_DEBUG", None)
    env.pop("DJANGO_STATICFILES_STORAGE", None)
    build = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    cms_setup_ensure()

    assert "deployment.E002" not in deploy_errors()
    for url in ("/", "/shop/catalogue/"):
        response = client.get(url)
        assert response.status_code == 200, url
        # Hashed names: browsers may cache them for ever, and a new release changes them.
        assert re.search(r'/static/css/ocop\.[0-9a-f]{12}\.css', response.content.decode()), url


def test_the_image_collects_static_files_when_it_is_built():
    dockerfile = (ROOT / "Dockerfile").read_text()
    run_lines = re.findall(r"^RUN (.+?)(?<!\\)$", dockerfile, re.M | re.S)

    assert any("manage.py collectstatic --noinput" in line for line in run_lines)
    assert "DJANGO_VAR_DIR=/app/var" in dockerfile  # the same STATIC_ROOT at build and at run time


def test_the_compose_start_checks_then_migrates_then_serves():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    command = " ".join(compose["services"]["web"]["command"])

    steps = [command.index(step) for step in ("check --deploy", "migrate --noinput", "exec gunicorn")]
    assert steps == sorted(steps)
    assert "--fail-level ERROR" in command
