"""The compose path: nginx in front of gunicorn serves the uploaded media and passes the client's
address and scheme on; the app trusts those headers only because compose says a proxy is there."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
NGINX_CONF = ROOT / "deploy" / "nginx.conf"


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def nginx_conf():
    assert NGINX_CONF.exists(), "deploy/nginx.conf is missing"
    return NGINX_CONF.read_text()


def app_environment(compose) -> dict[str, str]:
    """The web service's environment as compose would pass it with nothing set on the host."""
    env = compose["services"]["web"]["environment"]
    return {name: re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", str(value)) for name, value in env.items()}


def location_block(conf: str, prefix: str) -> str:
    match = re.search(r"location\s+(?:\^~\s+)?" + re.escape(prefix) + r"\s*\{(.*?)\n\s*\}", conf, re.S)
    assert match, f"no `location {prefix}` in deploy/nginx.conf"
    return match.group(1)


def test_nginx_is_the_only_service_published_and_runs_a_pinned_official_image(compose):
    nginx = compose["services"]["nginx"]

    assert re.fullmatch(r"nginx:\d+\.\d+\.\d+(-alpine)?", nginx["image"])
    assert any(str(port).endswith(":80") for port in nginx["ports"])
    assert "ports" not in compose["services"]["web"], "gunicorn must be reached through nginx only"
    assert "web" in nginx["depends_on"]


def test_nginx_reads_the_media_volume_the_app_writes(compose, nginx_conf):
    media_root = app_environment(compose)["DJANGO_MEDIA_ROOT"]
    web_volumes = compose["services"]["web"]["volumes"]
    nginx_volumes = compose["services"]["nginx"]["volumes"]

    assert f"media:{media_root}" in web_volumes
    assert f"media:{media_root}:ro" in nginx_volumes
    assert "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in nginx_volumes
    media = location_block(nginx_conf, "/media/")
    assert re.search(r"alias\s+" + re.escape(media_root.rstrip("/") + "/") + ";", media)


def test_media_answers_carry_cache_headers_and_cannot_run_scripts(nginx_conf):
    media = location_block(nginx_conf, "/media/")

    assert re.search(r"add_header\s+Cache-Control\s+\"public, max-age=\d{6,}\";", media)
    assert "nosniff" in media
    assert "sandbox" in media  # an uploaded SVG or HTML file opened directly runs nothing


def test_wagtail_documents_are_not_served_from_disk(nginx_conf):
    """Documents go through Wagtail's view, which applies its privacy settings."""
    documents = location_block(nginx_conf, "/media/documents/")

    assert re.search(r"return\s+404;|internal;|deny\s+all;", documents)


def test_nginx_accepts_the_largest_upload_the_site_takes(nginx_conf):
    size = re.search(r"client_max_body_size\s+(\d+)m;", nginx_conf)

    assert size, "no client_max_body_size"
    # Wagtail's image upload limit (10 MB) is the largest; the form around it needs a little more.
    assert 10 < int(size.group(1)) <= 20


def test_everything_else_goes_to_gunicorn_with_the_forwarded_headers(compose, nginx_conf):
    root = location_block(nginx_conf, "/")

    assert re.search(r"proxy_pass\s+http://\w+;", root)
    assert re.search(r"server\s+web:8000", nginx_conf)
    assert re.search(r"proxy_set_header\s+X-Forwarded-For\s+\$proxy_add_x_forwarded_for;", root)
    assert re.search(r"proxy_set_header\s+X-Forwarded-Proto\s+\$scheme;", root)
    assert re.search(r"proxy_set_header\s+Host\s+\$http_host;", root)


def settings_under(env: dict[str, str], *names: str) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings;"
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {list(names)!r}}}))"
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TRUSTED_PROXY"))}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**base, "DJANGO_SETTINGS_MODULE": "marketplace.settings", **env},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_the_app_trusts_the_proxy_headers_only_when_compose_says_a_proxy_is_in_front(compose):
    names = ("TRUSTED_PROXY_COUNT", "SECURE_PROXY_SSL_HEADER", "USE_X_FORWARDED_HOST")
    env = {k: v for k, v in app_environment(compose).items() if k not in ("DATABASE_URL",)}

    behind_nginx = settings_under(env, *names)
    no_proxy = settings_under({"DJANGO_DEBUG": "false"}, *names)

    assert behind_nginx["TRUSTED_PROXY_COUNT"] == 1
    assert behind_nginx["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert no_proxy["TRUSTED_PROXY_COUNT"] == 0
    assert no_proxy["SECURE_PROXY_SSL_HEADER"] is None  # a client's own header never makes it "https"
    assert no_proxy["USE_X_FORWARDED_HOST"] is False
