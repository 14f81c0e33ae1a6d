"""Two PostgreSQL roles: the owner, which migrates, and the application's, which cannot undo
what the migrations set up (docs/security.md).

The owner (MIGRATIONS_DATABASE_URL) owns every table, and so alone can ALTER or DROP them, drop
their triggers, or TRUNCATE them. The application (DATABASE_URL) gets only what serving and
editing need: it reads and writes rows, but never changes or deletes a published version, never
deletes an audit event, and truncates nothing. Then even a compromised application cannot drop
the triggers that keep published versions (migration notices 0009).
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager

import dj_database_url
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

# Privileges taken back on the protected tables, from the ordinary read and write ones.
WITHHELD = {
    "notices_noticeversion": ("UPDATE", "DELETE"),
    "notices_sharedblockversion": ("UPDATE", "DELETE"),
    # UPDATE stays: removing an account or a draft notice empties the event's link to it, which
    # the trigger allows; any other change it refuses.
    "notices_auditevent": ("DELETE",),
}
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class RoleError(Exception):
    """The roles cannot be set up as asked; the message says why."""


def app_role_statements(connection: BaseDatabaseWrapper, role: str) -> list[str]:
    """The GRANTs that give `role` the application's privileges on every table there is now."""
    if not ROLE_NAME.match(role):
        raise RoleError(
            f"{role!r} is not a role name this site uses: lower-case letters, digits, _."
        )
    quoted = connection.ops.quote_name(role)
    tables = sorted(connection.introspection.table_names(include_views=False))
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {quoted}",
        f"GRANT USAGE ON SCHEMA public TO {quoted}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
    ]
    for table in tables:
        name = connection.ops.quote_name(table)
        statements.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO {quoted}")
        if table in WITHHELD:
            statements.append(f"REVOKE {', '.join(WITHHELD[table])} ON {name} FROM {quoted}")
    return statements


def grant_app_role(role: str, using: str = "default") -> int:
    """Gives the application's role its privileges; run as the owner, after each migrate."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        raise RoleError("Database roles are PostgreSQL's; SQLite has one user, the file's owner.")
    statements = app_role_statements(connection, role)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return len(statements)


@contextmanager
def connected_as(url: str, using: str = "default") -> Iterator[None]:
    """The connection `using` opened with the user and password of `url` (the same database),
    then put back as it was."""
    connection = connections[using]
    owner = dj_database_url.parse(url)
    if connection.vendor != "postgresql" or any(
        str(owner.get(key) or "") != str(connection.settings_dict.get(key) or "")
        for key in ("NAME", "HOST", "PORT")
    ):
        raise RoleError(
            "MIGRATIONS_DATABASE_URL must name the same PostgreSQL server and database as "
            "DATABASE_URL, with the owner's user and password."
        )
    saved = {key: connection.settings_dict.get(key) for key in ("USER", "PASSWORD")}
    connection.close()
    connection.settings_dict.update(USER=owner.get("USER"), PASSWORD=owner.get("PASSWORD"))
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.update(saved)
