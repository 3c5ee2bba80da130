"""A SYNTHETIC OpenAI-compatible server on 127.0.0.1 for testing our retry, cache and crash-safety logic.

It answers from a script of behaviours ("429", "500", "garbage", "hang", or a JSON body for the message content).
It measures nothing about model quality; real model behaviour is tested by replaying recorded cassettes.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

Behaviour = str | dict[str, Any] | Callable[[dict[str, Any]], Any]


def synthetic_papers(path: Path, n: int, title: str = "Paper") -> Path:
    """A SYNTHETIC corpus of n short abstracts, each with two numbers, written to `path` as JSONL."""
    with path.open("w") as out:
        for i in range(n):
            out.write(json.dumps({"title": f"{title} {i}",
                                  "abstract": f"We study topic {chr(65 + i)}. It is {i + 2}.5x faster "
                                  f"on {i + 10},000 images."}) + "\n")
    return path


def completion(content: str, prompt_tokens: int = 100, completion_tokens: int = 20) -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub", "object": "chat.completion", "created": 0, "model": "stub",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    }


class StubServer:
    def __init__(self, script: list[Behaviour], default: Behaviour | None = None, delay_s: float = 0.0) -> None:
        self.script = list(script)
        self.default = default
        self.delay_s = delay_s
        self.requests: list[dict[str, Any]] = []
        self.times: list[float] = []
        self.headers: list[dict[str, str]] = []
        self.in_flight = self.max_in_flight = 0  # requests being answered at once, and the most there ever were
        lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._send(200, {"status": "ok"})

            def do_POST(self) -> None:
                with lock:
                    stub.in_flight += 1
                    stub.max_in_flight = max(stub.max_in_flight, stub.in_flight)
                try:
                    self._answer()
                finally:
                    with lock:
                        stub.in_flight -= 1

            def _answer(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
                stub.requests.append(body)
                stub.times.append(time.monotonic())
                stub.headers.append({k.lower(): v for k, v in self.headers.items()})
                behaviour = stub.script.pop(0) if stub.script else stub.default
                if stub.delay_s:
                    time.sleep(stub.delay_s)
                if callable(behaviour):
                    behaviour = behaviour(body)
                if behaviour == "429":
                    self._send(429, {"error": {"message": "rate limited", "type": "rate_limit"}})
                elif isinstance(behaviour, str) and behaviour.startswith("429:"):  # with a Retry-After header
                    self._send(429, {"error": {"message": "rate limited", "type": "rate_limit"}},
                               {"retry-after": behaviour[4:]})
                elif behaviour == "500":
                    self._send(500, {"error": {"message": "boom", "type": "server_error"}})
                elif behaviour == "hang":
                    time.sleep(5)
                    self._send(200, completion("{}"))
                elif behaviour == "garbage":
                    self._send(200, completion("this is not json {"))
                elif isinstance(behaviour, dict):
                    self._send(200, completion(json.dumps(behaviour)))
                else:
                    self._send(500, {"error": {"message": "stub script exhausted"}})

            def _send(self, code: int, obj: Any, headers: dict[str, str] | None = None) -> None:
                data = json.dumps(obj).encode()
                try:
                    self.send_response(code)
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class Server(ThreadingHTTPServer):
            request_queue_size = 128  # a burst of concurrent clients is queued, not refused (the default is 5)

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> StubServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def auto_label(body: dict[str, Any]) -> dict[str, Any]:
    """A schema-valid SYNTHETIC extraction: keeps every number, claims sentence 0. Tests plumbing, not quality."""
    schema = body["response_format"]["json_schema"]["schema"]
    keys = schema["$defs"]["Results"]["properties"] if "Results" in schema.get("$defs", {}) else {}
    return {"claims": [{"s": 0, "type": "method"}],
            "results": {k: {"metric": "synthetic metric", "kind": "result", "dataset": "synthetic set", "baseline": ""}
                        for k in keys}}
