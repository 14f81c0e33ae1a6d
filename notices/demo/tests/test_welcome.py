"""What `make run` prints last (notices/demo/welcome.py)."""

import os
import socket
import subprocess
import sys
import threading

from notices.demo.welcome import main, staff_lines, welcome

LOAD_DEMO_OUTPUT = """Created 5 councils.
Demo staff: editor@harrowmere.example, an editor at Harrowmere County Council. Set a password: http://127.0.0.1:8123/staff/set-password/Mg/abc-123/
Demo staff: dpo@harrowmere.example, a publisher at Harrowmere County Council.
Admin login: user 'admin', password 'x'. Change it with: python manage.py changepassword admin
"""


def test_it_gives_the_address_the_admin_and_each_staff_link(monkeypatch):
    monkeypatch.delenv("DJANGO_ADMIN_PATH", raising=False)
    text = welcome("127.0.0.1", "8123", LOAD_DEMO_OUTPUT, "s3cret-Password\n")
    assert "The site is running at http://127.0.0.1:8123/" in text
    assert "Admin:  http://127.0.0.1:8123/admin/" in text
    assert "user admin, password s3cret-Password " in text
    assert "http://127.0.0.1:8123/staff/set-password/Mg/abc-123/" in text
    assert "dpo@harrowmere.example, a publisher at Harrowmere County Council\n" in text
    assert "has set a password already" in text
    assert text.rstrip().endswith("Stop it with Ctrl+C. Another port: make run PORT=8123")


def test_the_admin_path_follows_the_setting(monkeypatch):
    monkeypatch.setenv("DJANGO_ADMIN_PATH", "council-staff/")
    assert "http://127.0.0.1:8000/council-staff/" in welcome("127.0.0.1", "8000", "", "pw")


def test_lines_that_are_not_about_staff_are_left_out():
    assert staff_lines("Created 5 councils.\n\n\x00\u202e odd line\n") == []
    refused = "Demo staff: Refused: dpo@harrowmere.example is a national admin."
    assert staff_lines(refused) == ["    Refused: dpo@harrowmere.example is a national admin"]


def test_it_prints_nothing_when_the_server_has_stopped(tmp_path, capsys):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    output, password = tmp_path / "out", tmp_path / "pw"
    output.write_text(LOAD_DEMO_OUTPUT)
    password.write_text("pw")
    assert main(["127.0.0.1", "1", str(output), str(password), str(dead.pid)]) == 1
    assert capsys.readouterr().out == ""


def test_it_prints_nothing_when_another_program_has_the_port(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        output, password = tmp_path / "out", tmp_path / "pw"
        output.write_text(LOAD_DEMO_OUTPUT)
        password.write_text("pw")
        assert main(["127.0.0.1", str(port), str(output), str(password), str(os.getpid())]) == 1
    assert capsys.readouterr().out == ""


def test_it_prints_the_welcome_once_the_server_answers(tmp_path, capsys):
    with socket.socket() as probe:  # a free port, let go again for the "server" to take
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = socket.socket()
    starting = threading.Timer(0.5, lambda: (server.bind(("127.0.0.1", port)), server.listen()))
    starting.start()
    output, password = tmp_path / "out", tmp_path / "pw"
    output.write_text(LOAD_DEMO_OUTPUT)
    password.write_text("pw-from-file\n")
    try:
        assert main(["127.0.0.1", str(port), str(output), str(password), str(os.getpid())]) == 0
    finally:
        starting.join()
        server.close()
    printed = capsys.readouterr().out
    assert f"The site is running at http://127.0.0.1:{port}/" in printed
    assert "password pw-from-file (unless" in printed
    assert printed.count("Stop it with Ctrl+C") == 1
