"""Run an ASGI app with uvicorn in a background thread on a free loopback port (tests only)."""

from __future__ import annotations

import threading
import time

import uvicorn


class Served:
    """A running server: `url`, and `stop()`."""

    def __init__(self, app, lifespan: str = "on") -> None:
        # uvicorn binds port 0 itself: a socket handed to it pre-bound misses TCP_NODELAY (40 ms per response).
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", access_log=False,
                                lifespan=lifespan, timeout_graceful_shutdown=1)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive(), "server did not start"
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
