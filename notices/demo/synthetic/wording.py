"""The words of the synthetic notices, in the project's own words."""

from notices.demo.synthetic.council_values import STAND_INS
from notices.demo.synthetic.versions import Block
from notices.models import (
    IcoItem,
    LawfulBasis,
    Recipient,
    RetentionPeriod,
)

# --- The text, in the project's own words --------------------------------------------------------

COUNCIL = f"Synthetic Council {STAND_INS.number}"

INTRODUCTION = (
    f"This notice explains how {COUNCIL}'s children's services use personal information about "
    "children in need, children with a child protection plan, children in our care, care leavers "
    "and children who are adopted, and about the parents, carers and relatives named in their "
    f"records.\n\n{COUNCIL} is the data controller for this information. Read this notice "
    "together with the council's [general privacy notice]"
    f"(https://www.synthetic-council-{STAND_INS.number}.example/privacy)."
)

SUMMARY = (
    "This is the short version of our notice, written for you.\n\n"
    "When our social workers help you, we write down information about you, so that we can keep "
    "you safe and give you the right support.\n\n"
    "- We only collect what we need to help you.\n"
    "- We keep your records safe and only let the right people see them.\n"
    "- Sometimes we must share information, for example with your school or a court.\n"
    "- You can ask to see what we have written about you."
)

# (ICO checklist item, heading, anchor, blocks, needed for completeness), in page order. Sections
# about services go after the first.
CORE_SECTIONS: list[tuple[str, str, str, list[Block], bool]] = [
    (
        IcoItem.PURPOSES,
        "Why we use your information",
        "why-we-use-your-information",
        [
            [
                "We have legal duties to keep children safe and to promote their welfare.",
                "We use personal information to decide what help a child and their family need, "
                "and to give that help.",
            ],
            (
                "to assess referrals and carry out assessments",
                "to plan, provide and review support for children in need",
                "to carry out child protection enquiries",
                "to look after children in our care and review their care plans",
                "to support young people leaving care until they are 25",
            ),
            [
                "When we produce statistics to plan our services, we remove names and anything "
                "else that could identify someone."
            ],
        ],
        True,
    ),
    (
        IcoItem.LAWFUL_BASIS,
        "The law that lets us use your information",
        "the-law-that-lets-us-use-it",
        [
            [
                "Most of what we do in children's social care is required or allowed by law.",
                "We rely mainly on legal obligation (UK GDPR Article 6(1)(c)) and public task "
                "(Article 6(1)(e)).",
            ],
            [
                "For health, ethnicity and other special category data we also rely on Article "
                "9(2)(g) and 9(2)(h), with the matching conditions in Schedule 1 of the Data "
                "Protection Act 2018.",
                "The [lawful bases table](#lawful-bases) lists each one and the laws behind it.",
            ],
        ],
        False,
    ),
    (
        IcoItem.CATEGORIES,
        "What information we keep",
        "what-information-we-keep",
        [
            [
                "What we keep depends on the help a child or family gets.",
                "The [table of the information we keep](#data-categories) lists each kind and what "
                "it includes.",
            ],
        ],
        False,
    ),
    (
        IcoItem.SOURCES,
        "Where your information comes from",
        "where-your-information-comes-from",
        [
            [
                "Much of it comes from children, parents and carers themselves.",
                "We also receive information from other people and organisations:",
            ],
            (
                "people who make a referral, including members of the public",
                "schools, early years settings and the virtual school",
                "GPs, health visitors, hospitals and mental health services",
                "the police and the youth justice service",
                "other councils where a family has lived before",
            ),
        ],
        True,
    ),
    (
        IcoItem.STATUTORY_REQUIREMENT,
        "Do you have to give us your information?",
        "do-you-have-to-give-us-your-information",
        [
            [
                "Much of what we collect we need in order to carry out our legal duties, and some "
                "of it must be reported to the Department for Education.",
                "If you do not give it, we may not be able to offer the right help.",
            ],
            [
                "When giving information is up to you, for example when we ask what you thought "
                "of our services, we will say so at the time."
            ],
        ],
        True,
    ),
    (
        IcoItem.RECIPIENTS,
        "Who we share your information with",
        "who-we-share-your-information-with",
        [
            [
                "We share information only where the law requires or allows it, and only as much "
                "as is needed.",
                "The [recipients table](#recipients) says who we share with, why and how often.",
            ],
        ],
        False,
    ),
    (
        IcoItem.RETENTION,
        "How long we keep your information",
        "how-long-we-keep-your-information",
        [
            [
                "Some records must be kept for many years, so that adults who were in care can "
                "find out about their childhood.",
                "The [retention table](#retention) gives each period and where it comes from.",
            ],
        ],
        False,
    ),
    (
        IcoItem.AUTOMATED_DECISIONS,
        "Decisions made by computer",
        "decisions-made-by-computer",
        [
            [
                "We never make a decision about a child or family by computer alone.",
                "Every decision about help, protection or care is made by qualified staff.",
            ],
        ],
        True,
    ),
    (
        IcoItem.TRANSFERS_ABROAD,
        "Sending information outside the UK",
        "sending-information-outside-the-uk",
        [
            [
                "We do not routinely send children's social care information outside the United "
                "Kingdom.",
                "If a child has family abroad, any sharing is decided case by case, with the "
                "safeguards UK data protection law requires.",
            ],
        ],
        True,
    ),
    (
        IcoItem.RIGHTS,
        "Your rights",
        "your-rights",
        [
            [
                "You can ask for a copy of the information we hold about you, and ask us to "
                "correct it if it is wrong.",
                "You can also ask us to delete or restrict information, or object to how we use "
                "it; we will tell you if the law means we cannot.",
            ],
            [
                "We will reply within one month.",
                "A child who understands what they are asking for can make a request themselves.",
            ],
        ],
        True,
    ),
    (
        IcoItem.COMPLAINTS,
        "Complaints",
        "complaints",
        [
            [
                "If you are unhappy with how we have used your information, contact our Data "
                "Protection Officer first, so that we can try to put things right.",
                "You can also complain to the Information Commissioner's Office.",
            ],
        ],
        False,
    ),
    (
        IcoItem.CONTACT,
        "Contacting us",
        "contacting-us",
        [
            [
                f"For questions about this notice, email dpo@synthetic-council-{STAND_INS.number}"
                ".example or write to the Data Protection Officer at the address below.",
                "We review this notice at least once a year.",
            ],
        ],
        False,
    ),
]

# Sections about particular services, added after the first until a notice has enough.
SERVICES = [
    ("Early help for families", "families who ask for support before problems grow"),
    ("Children in need", "children who need our help to be safe and well"),
    ("Child protection enquiries", "children who may be at risk of significant harm"),
    ("Children we look after", "children in our care, in foster homes or children's homes"),
    ("Fostering", "people who apply to foster and the carers we approve"),
    ("Adoption", "children who are adopted and the families who adopt them"),
    ("Special guardianship", "children who live with a special guardian"),
    ("Young people leaving care", "care leavers up to the age of 25"),
    ("Disabled children and short breaks", "disabled children and their families"),
    ("Private fostering", "children cared for by someone who is not a close relative"),
    ("Youth justice", "children who work with the youth justice service"),
    ("Children who go missing", "children who go missing from home or care"),
    ("Family court proceedings", "children whose future is decided by a family court"),
    ("Independent visitors and advocacy", "children who want someone on their side"),
    ("Children seeking asylum", "children who arrive in the UK without a parent"),
    ("Our children's homes", "children who live in the homes we run"),
    ("Multi-agency safeguarding", "children discussed by our safeguarding partners"),
    ("Learning from reviews", "children whose cases are reviewed so that we can improve"),
    ("Records of adults who were in care", "adults who ask to read their care records"),
    ("Research and statistics", "children counted in the figures we publish"),
    ("Support for kinship carers", "relatives and friends who bring up a child"),
    ("Education of children in care", "children in care at school or college"),
    ("Health of children in care", "children in care and their health checks"),
    ("Supervision of our staff", "children whose cases social workers discuss with managers"),
]

SENTENCES = [
    "Social workers record what they see and hear when they visit, and what they decide.",
    "We share information with health services when a child needs medical care or a check-up.",
    "If we think a child is at risk of harm, we may share information without asking first.",
    "We check that the organisations we share with keep the information safe.",
    "Our case recording system is hosted in the United Kingdom and every access is logged.",
    "Foster carers and residential staff see the parts of a plan they need to care for a child.",
    "The Independent Reviewing Officer checks that the care plan still meets the child's needs.",
    "We ask children what they think, and write down their wishes and feelings in their words.",
    "Managers read case records regularly to check the quality of our work.",
    "We only keep what we need, and we destroy records at the end of their retention period.",
    "Parents are usually told what we have recorded, unless that would put a child at risk.",
    "Where we can, we use information without names, for example to plan our services.",
    "Staff can only open the records they need for their work.",
    "We keep paper records locked away and scan them into the case recording system.",
]

USES = [
    "to assess what help a child and family need",
    "to plan and review care, including health and education plans",
    "to keep children safe from harm",
    "to arrange placements with foster carers or children's homes",
    "to meet our legal duties to the courts and the Department for Education",
    "to answer complaints and requests for records",
    "to check the quality of our work",
]

LINKS = [
    "[the ICO's website](https://ico.org.uk/your-data-matters/)",
    "[the Children Act 1989](https://www.legislation.gov.uk/ukpga/1989/41/contents)",
    f"[our complaints page](https://www.synthetic-council-{STAND_INS.number}.example/complaints)",
]

# Sections a later version adds, in place of one about a service.
NEW_SECTIONS = [
    (
        "Family hubs",
        "family-hubs",
        "Our family hubs now bring early help and health visiting under one roof, so staff "
        "from both see the records they need.",
    ),
    (
        "Kinship care",
        "kinship-care",
        "We now support more children to live with relatives, and keep a record of the help we "
        "give each kinship carer.",
    ),
    (
        "Our new case recording system",
        "new-case-recording-system",
        "We moved every case record to a new system, hosted in the United Kingdom, and checked "
        "that nothing was lost.",
    ),
    (
        "Video calls with social workers",
        "video-calls",
        "Some meetings now happen by video call; we do not record the calls, and notes are kept "
        "as for any other meeting.",
    ),
    (
        "Working with schools on attendance",
        "school-attendance",
        "We share information with schools when a child in our care is often absent, to help "
        "them back into school.",
    ),
]

# The sentences a later version puts in place of one of the originals.
REWORDINGS = [
    "Social workers now record each visit on the same day, and read the record back to the family.",
    "Since this year, young people can read their plan online in their own account.",
    "We now tell families within five working days when we share information about them.",
    "Every access to a record is logged, and the logs are checked each month.",
    "Care leavers can now ask their personal adviser for a copy of their records at any time.",
    "We review every request for records within ten working days.",
]

# Lawful bases every synthetic notice relies on: with them, any choice of data categories is
# covered (Article 9 for special category data, Article 10 for criminal offence data).
LAWFUL_BASES: list[dict[str, str]] = [
    {
        "provision": LawfulBasis.Provision.A6_1_C,
        "schedule_1_condition": "",
        "legislation": "Children Act 1989\nChildren Act 2004\nAdoption and Children Act 2002",
        "explanation": "Carrying out our statutory duties to children in need and in our care.",
    },
    {
        "provision": LawfulBasis.Provision.A6_1_E,
        "schedule_1_condition": "",
        "legislation": "Local Authority Social Services Act 1970\nChildren and Families Act 2014",
        "explanation": "Providing early help and other social care services.",
    },
    {
        "provision": LawfulBasis.Provision.A9_2_H,
        "schedule_1_condition": "Part 1, paragraph 2: health or social care purposes",
        "legislation": "Children Act 1989",
        "explanation": "Using health and other special category data to provide social care.",
    },
    {
        "provision": LawfulBasis.Provision.A9_2_G,
        "schedule_1_condition": "Part 2, paragraph 18: safeguarding of children and of "
        "individuals at risk",
        "legislation": "Children Act 1989\nChildren Act 2004",
        "explanation": "Protecting children from harm.",
    },
    {
        "provision": LawfulBasis.Provision.A10,
        "schedule_1_condition": "Part 2, paragraph 18: safeguarding of children and of "
        "individuals at risk",
        "legislation": "Children Act 1989",
        "explanation": "Information about offences and allegations that bear on a child's safety.",
    },
]

# How long each kind of record in the demo's library is kept: (from, years). Other kinds get
# the first row's period.
RETENTION_BY_KIND = {
    "looked-after-case-records": (RetentionPeriod.Trigger.DATE_OF_BIRTH, 75),
    "adoption-records": (RetentionPeriod.Trigger.ADOPTION_ORDER, 100),
    "child-in-need-records": (RetentionPeriod.Trigger.DATE_OF_BIRTH, 25),
    "child-protection-records": (RetentionPeriod.Trigger.DATE_OF_BIRTH, 25),
    "care-leaver-records": (RetentionPeriod.Trigger.DATE_OF_BIRTH, 75),
    "foster-carer-records": (RetentionPeriod.Trigger.LAST_CONTACT, 10),
    "contacts-without-referral": (RetentionPeriod.Trigger.RECORD_CREATED, 6),
    "biometric-data": (RetentionPeriod.Trigger.LAST_CONTACT, 1),
}

PURPOSE_BY_KIND = {
    Recipient.Kind.GOVERNMENT: "To send the statutory returns the law requires each year.",
    Recipient.Kind.HEALTH: "To arrange health assessments and to work together on children's "
    "plans.",
    Recipient.Kind.POLICE: "To share information in child protection enquiries and to report "
    "crimes against children.",
    Recipient.Kind.EDUCATION: "To support a child's education, through the virtual school and "
    "personal education plans.",
    Recipient.Kind.JUSTICE: "To give evidence and reports in family court proceedings.",
    Recipient.Kind.REGULATOR: "To let inspectors read case records during inspections.",
    Recipient.Kind.CARE_PROVIDER: "To give carers what they need to look after a child safely.",
}
ROUTINE_KINDS = {
    Recipient.Kind.GOVERNMENT,
    Recipient.Kind.HEALTH,
    Recipient.Kind.EDUCATION,
    Recipient.Kind.CARE_PROVIDER,
}
