"""An in-process stand-in for an Elasticsearch server, behind the real client.

The real `Elasticsearch` client (and its bulk helpers) talk to FakeServer through a node class of
elastic_transport instead of HTTP: tests see exactly what the code sends, no socket is opened.
"""

import json
from urllib.parse import parse_qs, urlsplit

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node._base import NodeApiResponse
from elasticsearch import Elasticsearch


class FakeServer:
    """Records each request as (method, path, query, body) and answers like a small cluster."""

    def __init__(self, *, plugins=(), aliases=None, search_reply=None, down=False):
        self.requests = []
        self.plugins = list(plugins)
        self.aliases = dict(aliases or {})  # index → alias
        self.search_reply = search_reply or {"hits": {"total": {"value": 0}, "hits": []}, "aggregations": {}}
        self.down = down

    def client(self) -> Elasticsearch:
        server = self

        class Node(BaseNode):
            _CLIENT_META_HTTP_CLIENT = ("fake", "1.0")

            def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
                status, payload = server.handle(method, target, body)
                meta = ApiResponseMeta(
                    status=status, http_version="1.1", duration=0.0, node=self.config,
                    headers=HttpHeaders({"content-type": "application/json", "x-elastic-product": "Elasticsearch"}),
                )  # fmt: skip
                return NodeApiResponse(meta, json.dumps(payload).encode())

        return Elasticsearch("http://127.0.0.1:9200", node_class=Node, max_retries=0)

    def handle(self, method, target, body):
        if self.down:
            from elastic_transport import ConnectionError

            raise ConnectionError("connection refused (fake)")
        url = urlsplit(target)
        text = body.decode() if body else ""
        if url.path.endswith("/_bulk"):
            parsed = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            parsed = json.loads(text) if text else None
        self.requests.append((method, url.path, parse_qs(url.query), parsed))
        return self.reply(method, url.path, parsed)

    def reply(self, method, path, body):
        parts = [part for part in path.split("/") if part]
        if parts == ["_cat", "plugins"]:
            return 200, [{"name": "node", "component": plugin, "version": "8.15.5"} for plugin in self.plugins]
        if parts[-1] == "_bulk":
            items, lines = [], list(body)
            while lines:
                action = lines.pop(0)
                kind = next(iter(action))
                if kind in ("index", "create", "update"):
                    lines.pop(0)
                items.append({kind: {"_id": action[kind].get("_id"), "status": 404 if kind == "delete" else 201}})
            return 200, {"took": 1, "errors": any(item.get("delete") for item in items), "items": items}
        if parts[-1] == "_search":
            return 200, self.search_reply
        if parts[0] == "_alias":
            found = {index: {"aliases": {alias: {}}} for index, alias in self.aliases.items() if alias == parts[1]}
            return (200, found) if found else (404, {"error": "alias missing", "status": 404})
        if parts == ["_aliases"]:
            return 200, {"acknowledged": True}
        if method == "HEAD":
            return 404, {}
        return 200, {"acknowledged": True}

    def paths(self, method=None):
        return [path for verb, path, _, _ in self.requests if method in (None, verb)]

    def bodies(self, path_end):
        return [body for _, path, _, body in self.requests if path.endswith(path_end)]
