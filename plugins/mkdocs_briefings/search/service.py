"""A synchronous client of `pagefind --service`, fed page by page during the build.

Why not the `pagefind` package's own asyncio client: it reads one response
per 0.1 s (a sleep in its polling loop), so indexing 25,000 pages through it
would take over forty minutes. The protocol is small (base64 of a JSON
message, then a comma, both ways), so this client writes requests as pages
are made (in batches of a few hundred kilobytes, into a widened pipe) and a
reader thread drains the answers. The Pagefind process
indexes each page as it arrives, on the machine's other core, while mkdocs
renders the next pages; only writing the index files waits for the end of
the build.

The binary comes from the `pagefind_bin` wheel (`pip install "pagefind[bin]"`),
or `PAGEFIND_BINARY_PATH`, or a `pagefind` on the PATH.
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import IO, Any, cast

from ..core.processes import widen_pipe


class PagefindError(RuntimeError):
    """Pagefind could not be started, refused a page, or failed to write the index."""


def executable() -> Path | None:
    """The Pagefind binary: `PAGEFIND_BINARY_PATH`, the `pagefind_bin` wheel's, or one on the PATH."""
    env = os.environ.get("PAGEFIND_BINARY_PATH")
    if env:
        return Path(env) if Path(env).is_file() else None
    try:
        from pagefind_bin import get_executable

        return Path(get_executable())
    except (ImportError, FileNotFoundError):
        pass
    found = shutil.which("pagefind")
    return Path(found) if found else None


def _encode(message: dict[str, Any]) -> bytes:
    """One message as Pagefind reads it: base64 of its JSON, then a comma.

    ASCII JSON (non-ASCII characters as `\\u` escapes, which Pagefind decodes
    to the same text) takes half the time of UTF-8 JSON, the most of a
    page's sending (measured: 31 ms instead of 58 ms for 2,500 pages), and
    a lone surrogate (a file name that is not UTF-8) is Pagefind's clear
    refusal instead of an encoding error here.
    """
    return base64.b64encode(json.dumps(message).encode("ascii")) + b","


#: Bytes the pipe to Pagefind holds (Linux; 64 KiB by default, about a dozen pages): the build
#: runs on while Pagefind is busy with a long page, instead of waiting for it.
PIPE_BYTES = 1 << 20
#: Bytes of pages written to the pipe at once: one write (and one wake-up of Pagefind) for dozens
#: of pages, not one each. Measured on a 2,500-page build (2 busy cores), the time the build
#: waited in writing pages fell from 0.4-0.8 s to 0.2 s with both (0.33 s with this alone).
WRITE_BYTES = 1 << 18


def _widen(pipe: IO[bytes] | None) -> None:
    """Make the pipe hold `PIPE_BYTES` where the system lets it (else it stays as it is)."""
    if pipe is not None:
        widen_pipe(pipe.fileno(), PIPE_BYTES)


class PagefindService:
    """One in-memory Pagefind index in a child process: `add_html` pages, then `write` the bundle."""

    #: Seconds to wait for the index files to be written (a 25,000-page site takes well under one).
    WRITE_TIMEOUT_S = 600.0

    def __init__(self, binary: Path, *, language: str = "en") -> None:
        self._proc = subprocess.Popen(
            [str(binary), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=WRITE_BYTES,
        )
        self._lock = threading.Condition()
        self._answers: dict[int, dict[str, Any]] = {}
        self._errors: list[str] = []
        self._next_id = 0
        self._writing: tuple[int, dict[str, Any], Path] | None = None  # the WriteFiles request, once sent
        self.pages = 0
        self.cpu_seconds = 0.0  # user + system time of the Pagefind process, once closed
        _widen(self._proc.stdin)
        self._reader = threading.Thread(target=self._read, name="pagefind-reader", daemon=True)
        self._reader.start()
        try:
            answer = self._ask({"type": "NewIndex", "config": {"force_language": language}})
            self._index = int(answer["index_id"])
        except (PagefindError, KeyError, TypeError, ValueError) as exc:
            self.close()
            raise PagefindError(f"{binary} did not start as a Pagefind service: {exc}") from None

    def _send(self, payload: dict[str, Any]) -> int:
        with self._lock:
            self._next_id += 1
            message_id = self._next_id
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(_encode({"message_id": message_id, "payload": payload}))
        except (BrokenPipeError, OSError) as exc:
            raise PagefindError(f"the Pagefind process stopped ({exc})") from None
        return message_id

    def _ask(self, payload: dict[str, Any], timeout: float = 60.0) -> dict[str, Any]:
        """Send one request and wait for its answer (every request before it is answered first)."""
        return self._answer(self._request(payload), payload, timeout)

    def _request(self, payload: dict[str, Any]) -> int:
        """Send one request now; its answer is waited for by `_answer`."""
        message_id = self._send(payload)
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise PagefindError(f"the Pagefind process stopped ({exc})") from None
        return message_id

    def _answer(self, message_id: int, payload: dict[str, Any], timeout: float) -> dict[str, Any]:
        with self._lock:
            if not self._lock.wait_for(lambda: message_id in self._answers or not self._reader.is_alive(), timeout):
                raise PagefindError(f"Pagefind did not answer a {payload['type']} request in {timeout:.0f} s")
            if message_id not in self._answers:
                raise PagefindError(f"the Pagefind process stopped: {'; '.join(self._errors) or 'no message'}")
            answer = self._answers.pop(message_id)
        if answer.get("type") == "Error":
            raise PagefindError(str(answer.get("message")))
        return answer

    def _read(self) -> None:
        """Drain the child's answers: keep the ones asked for, remember refusals."""
        assert self._proc.stdout is not None
        buffer = b""
        while True:
            chunk = cast(io.BufferedReader, self._proc.stdout).read1(1 << 16)  # Popen's buffered reader
            if not chunk:
                break
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for raw in messages:
                if not raw.strip():
                    continue
                try:
                    message = json.loads(base64.b64decode(raw))
                except ValueError:
                    continue
                payload = message.get("payload") or {}
                with self._lock:
                    if payload.get("type") == "Error":
                        self._errors.append(str(payload.get("message")))
                    if payload.get("type") != "IndexedFile":
                        self._answers[int(message.get("message_id") or 0)] = payload
                        self._lock.notify_all()
        with self._lock:
            self._lock.notify_all()

    def add_html(self, url: str, html: str) -> None:
        """Queue one page (a whole HTML document) for indexing under `url`; does not wait."""
        self._send({"type": "AddFile", "index_id": self._index, "url": url, "file_path": None, "file_contents": html})
        self.pages += 1

    @property
    def writing(self) -> bool:
        """Whether the bundle has been asked for."""
        return self._writing is not None

    def start_write(self, output: Path) -> None:
        """Ask Pagefind to write the bundle to `output` once it has indexed every page; do not wait.

        The build's own last writes (the page store, `briefings.json`) go on
        meanwhile; `write` then waits for the bundle.
        """
        if self._writing is None:
            payload = {"type": "WriteFiles", "index_id": self._index, "output_path": str(output)}
            self._writing = (self._request(payload), payload, output)

    def write(self, output: Path) -> None:
        """Write the search bundle (index chunks, fragments, pagefind.js, wasm) to `output`.

        Pagefind answers the request before its last files are on disk (on a
        busy machine `pagefind-entry.json` was seen still empty), and stops
        writing when its input closes: so wait until the bundle is complete
        and has stopped changing.
        """
        self.start_write(output)
        assert self._writing is not None
        message_id, payload, asked = self._writing
        if asked != output:
            raise PagefindError(f"the bundle was asked for in {asked}, not {output}")
        self._answer(message_id, payload, self.WRITE_TIMEOUT_S)
        with self._lock:
            errors = list(self._errors)
        if errors:
            raise PagefindError("Pagefind refused pages: " + "; ".join(errors[:5]))
        _settle(output, self.WRITE_TIMEOUT_S)

    def close(self) -> None:
        """Stop the child process (idempotent); note its CPU time."""
        if self._proc.returncode is None:
            try:
                assert self._proc.stdin is not None
                self._proc.stdin.close()
            except OSError:
                pass
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                pid, _, usage = os.wait4(self._proc.pid, os.WNOHANG)
                if pid:
                    self._proc.returncode = 0
                    self.cpu_seconds = usage.ru_utime + usage.ru_stime
                    break
                time.sleep(0.01)
            else:
                self._proc.kill()
                self._proc.wait()
        self._reader.join(timeout=5)


#: How long the bundle must stay unchanged, once complete, to count as written.
SETTLE_S = 0.25


def _snapshot(output: Path) -> tuple[int, int]:
    """(files, bytes) under `output`."""
    count = size = 0
    stack = [output]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                else:
                    count += 1
                    size += entry.stat(follow_symlinks=False).st_size
    return count, size


def _complete(output: Path) -> bool:
    """The entry file is whole and names a page list that is there."""
    try:
        entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
        return all((output / f"pagefind.{info['hash']}.pf_meta").stat().st_size > 0 for info in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def _settle(output: Path, timeout: float) -> None:
    """Wait until the bundle is complete and unchanged for `SETTLE_S`."""
    deadline = time.monotonic() + timeout
    last: tuple[int, int] | None = None
    since = time.monotonic()
    while time.monotonic() < deadline:
        now = _snapshot(output) if output.is_dir() else (0, 0)
        if now != last or not _complete(output):
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= SETTLE_S:
            return
        time.sleep(0.05)
    raise PagefindError(f"Pagefind did not finish writing {output} in {timeout:.0f} s")
