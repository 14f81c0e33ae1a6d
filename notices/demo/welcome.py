"""What `make run` prints once the development server answers: the address, the admin sign-in,
the demo staff's set-password links, how to stop it and how to change the port.

    python -m notices.demo.welcome HOST PORT LOAD_DEMO_OUTPUT ADMIN_PASSWORD_FILE SERVER_PID

It reads the links from what `manage.py load_demo` printed (they are one-time links, made fresh on
every run until the person has set a password), waits for the server to accept connections, and
gives up quietly if the server process (SERVER_PID) stops first, for example because the port is
taken. Plain Python without Django, so it starts at once beside the server.
"""

import os
import re
import socket
import sys
import time
from pathlib import Path

# load_demo's lines about the demo staff: "Demo staff: who, role at council. Set a password: link"
STAFF_LINE = re.compile(r"^Demo staff: (?P<who>.+?)(?:\. Set a password: (?P<link>\S+))?\.?$")
# "an editor at Harrowmere County Council": a role given (not a refusal to change one).
ROLE = re.compile(r", an? [a-z ]+ at ")


def staff_lines(load_demo_output: str) -> list[str]:
    """One or two lines per demo staff member: who they are, and the link if they have one."""
    lines = []
    for line in load_demo_output.splitlines():
        match = STAFF_LINE.match(line.strip())
        if match is None:
            continue
        lines.append(f"    {match['who']}")
        if match["link"]:
            lines.append(f"      set a password, then sign in at the admin: {match['link']}")
        elif ROLE.search(match["who"]):
            lines.append("      has set a password already: sign in at the admin")
    return lines


def welcome(host: str, port: str, load_demo_output: str, admin_password: str) -> str:
    address = f"http://{host}:{port}/"
    admin_path = os.environ.get("DJANGO_ADMIN_PATH", "").strip() or "admin/"
    password = admin_password.strip() or "(see the admin's password in .local/admin-password)"
    return "\n".join(
        [
            "",
            f"  The site is running at {address}",
            "",
            f"  Admin:  {address}{admin_path}",
            f"          user admin, password {password} (unless you have changed it since)",
            "  Demo staff at Harrowmere (the editor drafts, the publisher publishes):",
            *staff_lines(load_demo_output),
            "",
            "  Stop it with Ctrl+C. Another port: make run PORT=8123",
            "",
        ]
    )


def server_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main(argv: list[str]) -> int:
    host, port, output_file, password_file, pid = argv
    # Started beside the server, before it can have bound the port: anything answering already is
    # another program, and the server will say the port is taken.
    if server_answers(host, int(port)):
        return 1
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and alive(int(pid)):
        if server_answers(host, int(port)):
            # A server that fails to bind (port taken) exits within moments: check it stayed.
            time.sleep(1)
            if not alive(int(pid)):
                return 1
            output = Path(output_file).read_text(encoding="utf-8", errors="replace")
            password = Path(password_file).read_text(encoding="utf-8", errors="replace")
            print(welcome(host, port, output, password), flush=True)
            return 0
        time.sleep(0.3)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
