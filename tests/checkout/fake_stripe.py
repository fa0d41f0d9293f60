"""A local stand-in for Stripe's API on 127.0.0.1: it records each request the stripe library
sends and answers like Stripe does. Tests assert the exact requests; nothing leaves the machine."""

import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict
    body: str

    @property
    def form(self) -> dict:
        return dict(parse_qsl(self.body, keep_blank_values=True))


@dataclass
class FakeStripe:
    requests: list = field(default_factory=list)
    responses: dict = field(default_factory=dict)  # (method, path) -> (status, json)
    by_key: dict = field(default_factory=dict)  # idempotency key -> response, as Stripe replays them
    server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, method: str, path: str, body: dict, status: int = 200) -> None:
        self.responses[(method, path)] = (status, body)


def start() -> FakeStripe:
    fake = FakeStripe()

    class Handler(BaseHTTPRequestHandler):
        def _handle(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            path = self.path.split("?", 1)[0]
            fake.requests.append(Recorded(self.command, path, dict(self.headers), body))
            key = self.headers.get("Idempotency-Key")
            if key and key in fake.by_key:
                status, payload = fake.by_key[key]
            else:
                status, payload = fake.responses.get(
                    (self.command, path), (404, {"error": {"type": "invalid_request_error", "message": "No such route"}})
                )
                if key:
                    fake.by_key[key] = (status, payload)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Request-Id", "req_local")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_DELETE = _handle

        def log_message(self, *args):
            pass

    fake.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=fake.server.serve_forever, daemon=True).start()
    return fake


def signed(payload: dict, secret: str, *, timestamp: int | None = None, tamper: bool = False) -> tuple[bytes, str]:
    """A webhook body and its Stripe-Signature header, by Stripe's scheme:
    t=<unix time>,v1=HMAC-SHA256(secret, "<t>.<body>")."""
    body = json.dumps(payload).encode()
    timestamp = int(time.time()) if timestamp is None else timestamp
    signature = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    if tamper:
        body = body.replace(b'"amount_received": 150000', b'"amount_received": 1')
    return body, f"t={timestamp},v1={signature}"


def event(event_id: str, event_type: str, intent: dict) -> dict:
    return {"id": event_id, "object": "event", "type": event_type, "api_version": "2025-01-27.acacia",
            "created": int(time.time()), "livemode": False, "data": {"object": intent}}  # fmt: skip
