"""`run_pipeline.py serve`: the report of an output folder on http://127.0.0.1 only, where the report saves
the analyst's corrections straight into OUT/corrections.csv (from file:// it offers a download instead)."""

from __future__ import annotations

import functools
import http.server
import logging
import os
from pathlib import Path

from ..corrections import FILE_NAME, CorrectionError, read_corrections

log = logging.getLogger(__name__)

MAX_BODY = 20 * 1024 * 1024  # a corrections file larger than this is refused


class _Handler(http.server.SimpleHTTPRequestHandler):
    out: Path

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path.rstrip("/").split("?")[0] not in ("/corrections",):
            self.send_error(404, "only /corrections accepts a POST")
            return
        size = int(self.headers.get("Content-Length") or 0)
        if size <= 0 or size > MAX_BODY:
            self.send_error(413 if size > MAX_BODY else 400, "a corrections.csv body is expected")
            return
        body = self.rfile.read(size)
        dest = self.out / FILE_NAME
        tmp = dest.with_name(FILE_NAME + ".tmp")
        tmp.write_bytes(body)
        try:
            read_corrections(tmp)  # refuse what the next run could not apply
        except CorrectionError as e:
            tmp.unlink(missing_ok=True)
            self.send_error(400, str(e).replace(str(tmp), FILE_NAME))
            return
        os.replace(tmp, dest)
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        log.info("serve: " + format, *args)


def make_server(out: Path, port: int = 8765) -> http.server.ThreadingHTTPServer:
    """A server for `out` on 127.0.0.1 (never another interface: the corpus stays on this machine)."""
    handler = functools.partial(_Handler, directory=str(out))
    _Handler.out = out
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
