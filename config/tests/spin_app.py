"""A WSGI application for the watchdog test: /spin uses CPU until something stops it, /sleep
waits without using any, and every other path answers with the worker's process id."""

import os
import time


def app(environ, start_response):  # noqa: ANN001, ANN201 (the WSGI signature)
    path = environ.get("PATH_INFO", "")
    if path == "/spin":
        while True:
            sum(range(10_000))
    if path == "/sleep":
        time.sleep(2)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(os.getpid()).encode()]
