"""deploy/nginx.conf run by a real nginx (Debian's, skipped without it) in front of the live server."""

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.signals import request_started

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

# serialized_rollback: a plain live-server test would flush the data the next serialized test restores.
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def local_config(*, folder: Path, port: int, upstream: str, media_root: str) -> Path:
    """deploy/nginx.conf with compose's names swapped for this machine's, inside a minimal main config."""
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    site = site.replace("server web:8000;", f"server {upstream};")
    site = site.replace("listen 80 default_server;", f"listen 127.0.0.1:{port} default_server;")
    site = site.replace("alias /data/media/;", f"alias {media_root.rstrip('/')}/;")
    (folder / "site.conf").write_text(site)
    main = folder / "nginx.conf"
    main.write_text(
        f"user root; worker_processes 1; daemon off; pid {folder}/nginx.pid; error_log {folder}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{ include /etc/nginx/mime.types; access_log off; client_body_temp_path {folder}/body;\n"
        f"  proxy_temp_path {folder}/proxy; include {folder}/site.conf; }}\n"
    )
    return main


@pytest.fixture
def nginx(live_server, settings, tmp_path):
    if not Path(NGINX).exists():
        pytest.skip("no nginx (apt-get install nginx-light)")
    port = free_port()
    upstream = live_server.url.removeprefix("http://")
    config = local_config(folder=tmp_path, port=port, upstream=upstream, media_root=str(settings.MEDIA_ROOT))
    process = subprocess.Popen([NGINX, "-c", str(config)], stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert process.poll() is None, process.stderr.read().decode()
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url: str, headers: dict | None = None):
    """One request, redirects not followed (the live server may send http to https)."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(urllib.request.Request(url, headers=headers or {}), timeout=10)
    except urllib.error.HTTPError as error:
        return error


def test_nginx_serves_uploaded_photos_with_cache_headers(nginx, settings):
    photo = Path(settings.MEDIA_ROOT) / "images" / "products" / "che-thai.png"
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)

    response = get(f"{nginx}/media/images/products/che-thai.png")

    assert response.status == 200
    assert response.read().startswith(b"\x89PNG")
    assert response.headers["Content-Type"] == "image/png"
    assert "max-age=2592000" in response.headers["Cache-Control"]
    assert "sandbox" in response.headers["Content-Security-Policy"]


def test_nginx_does_not_serve_wagtail_documents_from_disk(nginx, settings):
    document = Path(settings.MEDIA_ROOT) / "documents" / "quy-trinh.pdf"
    document.parent.mkdir(parents=True, exist_ok=True)
    document.write_bytes(b"%PDF-1.4")

    assert get(f"{nginx}/media/documents/quy-trinh.pdf").status == 404


def test_nginx_passes_the_client_address_scheme_and_host_to_the_app(nginx):
    seen = []

    def remember(sender, environ, **kwargs):
        seen.append({k: environ.get(k) for k in ("HTTP_HOST", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO")})

    request_started.connect(remember)
    try:
        get(f"{nginx}/shop/nginx-probe/", {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"})
    finally:
        request_started.disconnect(remember)

    port = nginx.rsplit(":", 1)[1]
    assert seen == [{
        "HTTP_HOST": f"127.0.0.1:{port}",
        # What the client wrote stays first; the address nginx saw is appended last, where the app reads it.
        "HTTP_X_FORWARDED_FOR": "203.0.113.9, 127.0.0.1",
        "HTTP_X_FORWARDED_PROTO": "http",
    }]  # fmt: skip


def test_nginx_refuses_an_upload_over_its_limit_before_the_app_sees_it(nginx):
    body = b"x" * (13 * 1024 * 1024)
    request = urllib.request.Request(f"{nginx}/shop/accounts/login/", data=body, method="POST")
    try:
        status = urllib.request.urlopen(request, timeout=10).status
    except urllib.error.HTTPError as error:
        status = error.code
    except (ConnectionResetError, BrokenPipeError, urllib.error.URLError):
        status = 413  # nginx answers 413 and may close while the body is still being sent

    assert status == 413
