"""A SYNTHETIC server on 127.0.0.1 that speaks OpenAI's Batch API (files, batches, file content), for testing the
submit / poll / collect / resume plumbing of `ingest --batch`. Its answers come from a function of each request
(`stub_server.auto_label` by default); it measures nothing about model quality.
"""

from __future__ import annotations

import email
import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from stub_server import auto_label, completion

Answer = Callable[[dict[str, Any]], Any]  # a request body -> a label dict, "garbage", "error" or "cut"


class BatchStub:
    def __init__(self, answer: Answer = auto_label, polls_before_done: int = 1, end_status: str = "completed") -> None:
        self.answer, self.polls_before_done, self.end_status = answer, polls_before_done, end_status
        self.files: dict[str, str] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.polls: dict[str, int] = {}
        self.headers: list[dict[str, str]] = []
        self.paths: list[str] = []
        lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                with lock:
                    stub._log(self)
                    parts = self.path.split("?")[0].strip("/").split("/")
                    if parts[:2] == ["v1", "batches"] and len(parts) == 3 and parts[2] in stub.batches:
                        self._send(200, stub._poll(parts[2]))
                    elif parts[:2] == ["v1", "files"] and len(parts) == 4 and parts[3] == "content" \
                            and parts[2] in stub.files:
                        self._send_text(stub.files[parts[2]])
                    else:
                        self._send(404, {"error": {"message": f"no such thing: {self.path}"}})

            def do_POST(self) -> None:
                with lock:
                    stub._log(self)
                    data = self.rfile.read(int(self.headers.get("content-length", 0)))
                    if self.path.startswith("/v1/files"):
                        msg = email.message_from_bytes(b"Content-Type: " + self.headers["content-type"].encode()
                                                       + b"\r\n\r\n" + data)
                        payload = next(p.get_payload(decode=True) for p in msg.get_payload()
                                       if p.get_param("name", header="content-disposition") == "file")
                        fid = stub._file(payload.decode())
                        self._send(200, {"id": fid, "object": "file", "bytes": len(payload), "created_at": 0,
                                         "filename": "input.jsonl", "purpose": "batch", "status": "processed"})
                    elif self.path.startswith("/v1/batches"):
                        req = json.loads(data)
                        bid = f"batch_{len(stub.batches)}"
                        stub.batches[bid] = {"id": bid, "object": "batch", "endpoint": req["endpoint"],
                                             "input_file_id": req["input_file_id"], "created_at": 0,
                                             "completion_window": req["completion_window"], "status": "validating",
                                             "request_counts": {"total": 0, "completed": 0, "failed": 0}}
                        stub.polls[bid] = 0
                        self._send(200, stub.batches[bid])
                    else:
                        self._send(404, {"error": {"message": "no chat completions here: batch only"}})

            def _send(self, code: int, obj: Any) -> None:
                self._send_text(json.dumps(obj), code, "application/json")

            def _send_text(self, text: str, code: int = 200, ctype: str = "application/octet-stream") -> None:
                data = text.encode()
                self.send_response(code)
                self.send_header("content-type", ctype)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def _log(self, handler: BaseHTTPRequestHandler) -> None:
        self.paths.append(f"{handler.command} {handler.path}")
        self.headers.append({k.lower(): v for k, v in handler.headers.items()})

    def _file(self, text: str) -> str:
        fid = f"file-{len(self.files)}"
        self.files[fid] = text
        return fid

    def _poll(self, bid: str) -> dict[str, Any]:
        batch = self.batches[bid]
        self.polls[bid] += 1
        lines = [json.loads(x) for x in self.files[batch["input_file_id"]].splitlines() if x.strip()]
        batch["request_counts"]["total"] = len(lines)
        if batch["status"] not in ("validating", "in_progress"):
            return batch  # already ended
        if self.polls[bid] <= self.polls_before_done:
            batch["status"] = "in_progress"
            return batch
        out, errors = [], []
        for line in lines:
            got = self.answer(line["body"])
            rid = {"id": f"resp-{line['custom_id']}", "custom_id": line["custom_id"]}
            if got == "error":
                errors.append({**rid, "response": None, "error": {"code": "server_error", "message": "stub error"}})
            elif got == "garbage":
                out.append({**rid, "response": {"status_code": 200, "body": completion("not json {")}, "error": None})
            elif got == "cut":
                body = completion('{"claims": [')
                body["choices"][0]["finish_reason"] = "length"
                out.append({**rid, "response": {"status_code": 200, "body": body}, "error": None})
            else:
                out.append({**rid, "response": {"status_code": 200, "body": completion(json.dumps(got))},
                            "error": None})
        if self.end_status == "expired":
            out = out[:1]  # an expired batch answers only what it finished
        batch["status"] = self.end_status
        batch["request_counts"].update(completed=len(out), failed=len(errors))
        batch["output_file_id"] = self._file("".join(json.dumps(x) + "\n" for x in out)) if out else None
        batch["error_file_id"] = self._file("".join(json.dumps(x) + "\n" for x in errors)) if errors else None
        return batch

    def __enter__(self) -> BatchStub:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
