"""Demo data and its seller accounts stay off the production path unless asked for."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.contrib.auth import get_user_model

from sellers.demo import demo_seller_email

ROOT = Path(__file__).resolve().parents[2]
User = get_user_model()


@pytest.fixture
def demo_seller(db, settings):
    return User.objects.create_user(email=demo_seller_email("htx-che-tan-cuong"), password=settings.DEMO_PASSWORD)


def shop_sign_in(client, email, password):
    return client.post(
        "/shop/accounts/login/", {"login-username": email, "login-password": password, "login_submit": "Log In"}
    )


def test_a_demo_seller_cannot_sign_in_when_demo_accounts_are_off(client, settings, demo_seller):
    settings.DEMO_ACCOUNTS_ENABLED = False

    shop_sign_in(client, demo_seller.email, settings.DEMO_PASSWORD)

    assert "_auth_user_id" not in client.session


def test_a_demo_sellers_open_session_ends_when_demo_accounts_are_turned_off(client, settings, demo_seller):
    settings.DEMO_ACCOUNTS_ENABLED = True
    shop_sign_in(client, demo_seller.email, settings.DEMO_PASSWORD)
    assert client.get("/shop/seller/").status_code != 302

    settings.DEMO_ACCOUNTS_ENABLED = False

    response = client.get("/shop/seller/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_demo_seller_signs_in_when_demo_accounts_are_on(client, settings, demo_seller):
    settings.DEMO_ACCOUNTS_ENABLED = True

    shop_sign_in(client, demo_seller.email, settings.DEMO_PASSWORD)

    assert "_auth_user_id" in client.session


def test_other_accounts_sign_in_whatever_the_demo_setting(client, settings, db):
    settings.DEMO_ACCOUNTS_ENABLED = False
    User.objects.create_user(email="buyer@example.vn", password="a-long-passphrase")

    shop_sign_in(client, "buyer@example.vn", "a-long-passphrase")

    assert "_auth_user_id" in client.session


def demo_accounts_enabled(**environment) -> bool:
    env = {key: value for key, value in os.environ.items() if key not in ("DJANGO_DEBUG", "LOAD_DEMO_DATA")}
    env.update(environment)
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
         "print(settings.DEMO_ACCOUNTS_ENABLED)"],
        cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "marketplace.settings"},
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return result.stdout.strip() == "True"


@pytest.mark.slow
def test_demo_accounts_are_off_in_production_unless_demo_data_is_asked_for():
    assert demo_accounts_enabled(DJANGO_DEBUG="false") is False
    assert demo_accounts_enabled(DJANGO_DEBUG="false", LOAD_DEMO_DATA="true") is True
    assert demo_accounts_enabled(DJANGO_DEBUG="true") is True


def run_web_start(tmp_path, **environment) -> str:
    """Run the compose web command with stand-ins for python and gunicorn; return what was called."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    shell, flag, script = compose["services"]["web"]["command"]
    script = script.replace("$$", "$")  # compose's escape for a dollar left to the container's shell
    calls = tmp_path / "calls.log"
    for program in ("python", "gunicorn"):
        stand_in = tmp_path / program
        stand_in.write_text(f'#!/bin/sh\necho "{program} $*" >> "{calls}"\n')
        stand_in.chmod(0o755)
    env = {"PATH": f"{tmp_path}:/usr/bin:/bin", **environment}
    subprocess.run([shell, flag, script], env=env, check=True, timeout=30)
    return calls.read_text()


def compose_default(name: str) -> str:
    """The value compose passes to the app for `name` when the host sets nothing."""
    value = str(yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]["environment"][name])
    return value.split(":-", 1)[1].rstrip("}") if value.startswith("${") else value


def test_compose_loads_demo_data_only_when_asked(tmp_path):
    assert compose_default("LOAD_DEMO_DATA") == "false"

    default = run_web_start(tmp_path, LOAD_DEMO_DATA=compose_default("LOAD_DEMO_DATA"))
    (tmp_path / "calls.log").unlink()
    opted_in = run_web_start(tmp_path, LOAD_DEMO_DATA="true")

    assert "manage.py migrate" in default and "gunicorn" in default
    assert "load_demo_data" not in default
    assert "manage.py load_demo_data" in opted_in
