"""Demo content: seven fictional councils (five in England, one in Wales, one in Scotland), their
children's social care notices, the shared libraries of data categories, recipients and kinds of
record, and the shared block of each nation.

Read once from the files beside this module (notices.demo.reader explains their shape):
`councils/<slug>/notice.md`, `libraries/*.toml` and `shared-block/[<nation>/]block.md`. Consumed by
notices.demo.loading.load_demo_data as plain dicts and lists. Every council, person, address,
email address (.example) and phone number in them is made up.
"""

from notices.demo.reader import read_councils, read_library, read_shared_blocks

DATA_CATEGORIES = read_library("data-categories")
RECIPIENTS = read_library("recipients")
RECORD_KINDS = read_library("record-kinds")
# One block per nation, England's (the Department for Education's) first.
SHARED_BLOCKS = read_shared_blocks()
SHARED_BLOCK = SHARED_BLOCKS[0]
COUNCILS = read_councils()
