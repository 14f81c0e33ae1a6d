"""What the database itself refuses, and the one way to empty it on SQLite.

Migration 0009 gives every published version (its snapshot and rendered HTML are columns of the
same row) and every audit event triggers that refuse UPDATE and DELETE, on PostgreSQL and SQLite
alike. The only change an audit event accepts is its `actor` or `notice` link becoming empty when
that account or draft notice is removed: the event keeps the person's and the notice's names as
text.

Emptying the whole database (`manage.py flush`, as the test runner does between tests) is the one
legitimate way to remove those rows. PostgreSQL does it with TRUNCATE, which fires no row
triggers and which the application's own role is not granted (docs/security.md). SQLite has no
TRUNCATE: there the triggers ask `notices_emptying()`, a function each of the site's connections
registers, which answers true only inside `emptying_whole_database()`. Any other program (the
sqlite3 shell) has no such function, so its DELETE fails too.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

SQLITE_EMPTYING_FUNCTION = "notices_emptying"

_emptying: ContextVar[bool] = ContextVar("notices_emptying", default=False)


@contextmanager
def emptying_whole_database() -> Iterator[None]:
    """Lets SQLite's triggers allow the DELETEs of a `flush` made inside this block."""
    token = _emptying.set(True)
    try:
        yield
    finally:
        _emptying.reset(token)


def _is_emptying() -> int:
    return 1 if _emptying.get() else 0


def register_sqlite_function(sender, connection, **kwargs) -> None:
    """connection_created receiver: gives each SQLite connection the triggers' function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_EMPTYING_FUNCTION, 0, _is_emptying)
