"""Demo content: five fictional councils, their children's social care notices, the shared
libraries of data categories, recipients and kinds of record, and the shared DfE/NPD block.

Read once from the files beside this module (notices.demo.reader explains their shape):
`councils/<slug>/notice.md`, `libraries/*.toml` and `shared-block/block.md`. Consumed by
notices.demo.loading.load_demo_data as plain dicts and lists. Every council, person, address,
email address (.example) and phone number in them is made up.
"""

from notices.demo.reader import read_councils, read_library, read_shared_block

DATA_CATEGORIES = read_library("data-categories")
RECIPIENTS = read_library("recipients")
RECORD_KINDS = read_library("record-kinds")
SHARED_BLOCK = read_shared_block()
COUNCILS = read_councils()
