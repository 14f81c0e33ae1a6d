"""The Department for Education's own text, as councils carry it: reworded in the corpus's own
words, or copied word for word from the current shared block, in the arrangements councils use
(the block's own headings, other headings, several parts under one heading, any order, without
the contacts part).

Each part is keyed by the anchor of the shared block part it matches (notices/demo/content.py).
"""

from notices.demo.content import SHARED_BLOCK
from notices.importing.tests.corpus.model import Block, DfePart, Items, Para

SEND = "what-we-send-to-dfe"
WHY = "why-dfe-needs-it"
LAW = "law-behind-dfe-sharing"
NPD = "national-pupil-database"
SHARES = "how-dfe-shares-data"
ASKING = "asking-dfe-for-your-data"
ORDER = (SEND, WHY, LAW, NPD, SHARES, ASKING)

REWORDED: dict[str, tuple[Block, ...]] = {
    SEND: (
        Para(
            "Every year we have to give the Department for Education information about the "
            "children we work with. It reaches the Department through two statutory data "
            "collections: the children in need census and the return about children looked "
            "after, often called the SSDA903."
        ),
        Para(
            "Each child's record carries details that identify them, such as their name, date "
            "of birth and unique pupil number, so the Department can link it to what it knows "
            "about the child's schooling. We upload the returns to the Department's secure "
            "collection service and never send them by email."
        ),
    ),
    WHY: (
        Items(
            "The Department relies on these returns to:",
            (
                "share out funding between councils and children's services",
                "design and check national policy for children in need and children in care",
                "watch how each council performs and compare councils with one another",
                "publish official statistics in which no child can be identified",
                "learn which ways of working help children most",
            ),
        ),
    ),
    LAW: (
        Para(
            "Nobody's consent is needed for these returns, because councils are required by law "
            "to make them. The duty comes from section 83 of the Children Act 1989, section 7 "
            "of the Young People's Act 2008 and regulation 3 of the Education (Information About "
            "Individual Pupils) (England) Regulations 2013."
        ),
        Para(
            "For data protection purposes the sharing rests on legal obligation, Article 6(1)(c) "
            "of the UK GDPR, and on substantial public interest, Article 9(2)(g), for the special "
            "category information in the returns."
        ),
    ),
    NPD: (
        Para(
            "When the Department receives our returns it adds them to the National Pupil "
            "Database, which it owns and looks after. The database also holds information that "
            "schools, colleges, awarding bodies and councils send about children's education."
        ),
        Para(
            "Putting care records beside education records lets the Department's analysts and "
            "approved researchers study questions such as how changes of placement affect a "
            "child's progress at school. The database is kept for many years so that changes "
            "can be tracked over time."
        ),
    ),
    SHARES: (
        Items(
            "The Department never publishes anything that could identify a child, but it may let "
            "these have some of the data:",
            (
                "researchers and academics",
                "other government departments and public bodies",
                "organisations whose work improves children's education or wellbeing",
            ),
        ),
        Para(
            "Each request has to set out which data is wanted and why. The Department tests it "
            "against the law and its security rules, senior staff and data protection experts "
            "decide on it, and many approved users may only work inside a secure research "
            "service. The Department publishes the requests it has agreed to."
        ),
    ),
    ASKING: (
        Para(
            "You can ask the Department for Education itself for a copy of what it holds about "
            "you: this is a subject access request to the Department, not to us."
        ),
        Para(
            'Search GOV.UK for "requesting your personal information from DfE" to find out how. '
            "The guidance also covers your other rights and how to reach the Department's Data "
            "Protection Officer, and you can complain to the Information Commissioner's Office "
            "if you are unhappy with the reply."
        ),
    ),
}


def _verbatim(body: str) -> tuple[Block, ...]:
    """A shared block part's Markdown body as blocks, word for word (for the Markdown shape)."""
    return tuple(Para(paragraph) for paragraph in body.split("\n\n"))


VERBATIM = {part["anchor"]: _verbatim(part["body"]) for part in SHARED_BLOCK["parts"]}
BLOCK_HEADINGS = {part["anchor"]: part["heading"] for part in SHARED_BLOCK["parts"]}


def own_headings(*, verbatim: bool = False, anchors: tuple[str, ...] = ORDER) -> list[DfePart]:
    """Each part under the shared block's own heading."""
    text = VERBATIM if verbatim else REWORDED
    return [
        DfePart(BLOCK_HEADINGS[anchor], ((anchor, text[anchor]),), identical=verbatim)
        for anchor in anchors
    ]


def headed(*parts: tuple[str, tuple[str, ...]]) -> list[DfePart]:
    """The reworded text under the notice's own headings: (heading, anchors under it)."""
    return [
        DfePart(heading, tuple((anchor, REWORDED[anchor]) for anchor in anchors))
        for heading, anchors in parts
    ]


def one_heading(heading: str, anchors: tuple[str, ...] = ORDER) -> list[DfePart]:
    """Every part under one heading of the notice."""
    return headed((heading, anchors))
