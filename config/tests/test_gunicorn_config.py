"""config/gunicorn.conf.py: what the production server runs with, read from the environment."""

import multiprocessing
import runpy
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"
VARIABLES = (
    "HOST",
    "PORT",
    "WEB_CONCURRENCY",
    "GUNICORN_WORKER_CLASS",
    "GUNICORN_THREADS",
    "GUNICORN_TIMEOUT",
    "GUNICORN_MAX_REQUESTS",
    "GUNICORN_MAX_REQUESTS_JITTER",
    "FORWARDED_ALLOW_IPS",
)


@pytest.fixture
def load(monkeypatch):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)

    def load_with(**environment: str) -> dict:
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(CONFIG))

    return load_with


def test_the_defaults_suit_a_server_of_any_size(load):
    config = load()
    assert config["workers"] == multiprocessing.cpu_count() * 2 + 1
    assert config["worker_class"] == "gthread"
    assert config["threads"] == 4
    assert config["timeout"] == 30
    assert config["bind"] == "0.0.0.0:8000"
    # The access log goes to standard output, for the container's log collector.
    assert config["accesslog"] == "-"
    assert config["errorlog"] == "-"
    assert config["limit_request_line"] > 0
    assert config["limit_request_fields"] > 0
    assert config["max_requests"] > 0 and config["max_requests_jitter"] > 0
    assert config["forwarded_allow_ips"] == "127.0.0.1"


def test_the_environment_overrides_them(load):
    config = load(
        HOST="127.0.0.1",
        PORT="9000",
        WEB_CONCURRENCY="3",
        GUNICORN_WORKER_CLASS="sync",
        GUNICORN_THREADS="2",
        GUNICORN_TIMEOUT="60",
    )
    assert config["bind"] == "127.0.0.1:9000"
    assert (config["workers"], config["worker_class"], config["threads"]) == (3, "sync", 2)
    assert config["timeout"] == 60


@pytest.mark.parametrize("value", ["0", "-1", "abc", "2.5", "4 threads"])
def test_a_bad_number_stops_gunicorn_naming_the_variable(load, value):
    with pytest.raises(ValueError, match="GUNICORN_THREADS"):
        load(GUNICORN_THREADS=value)
