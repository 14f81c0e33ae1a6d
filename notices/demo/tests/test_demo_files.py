"""The demo content files say exactly what the Python literals they were written from say, so
loading the demo from them gives the same database."""

from notices.demo import content as demo_content
from notices.demo import history as demo_history
from notices.demo.history import read_history
from notices.demo.reader import (
    COUNCILS_DIR,
    SHARED_BLOCK_FILE,
    read_councils,
    read_library,
    read_shared_block,
)


def plain(value):
    """Histories as nested plain values, so two of them compare field by field."""
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if hasattr(value, "__dict__"):
        return (type(value).__name__, plain(vars(value)))
    return value


def test_the_library_files_match_the_literals():
    assert read_library("data-categories") == demo_content.DATA_CATEGORIES
    assert read_library("recipients") == demo_content.RECIPIENTS
    assert read_library("record-kinds") == demo_content.RECORD_KINDS


def test_the_shared_block_file_matches_the_literal():
    assert read_shared_block() == demo_content.SHARED_BLOCK


def test_the_notice_files_match_the_literals():
    assert read_councils() == demo_content.COUNCILS


def test_the_history_files_match_the_literals():
    assert plain(read_history(SHARED_BLOCK_FILE.parent / "history.toml")) == plain(
        demo_history.BLOCK_HISTORY
    )
    for slug, history in demo_history.NOTICE_HISTORIES.items():
        assert plain(read_history(COUNCILS_DIR / slug / "history.toml")) == plain(history), slug
