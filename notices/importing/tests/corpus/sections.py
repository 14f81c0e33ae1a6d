"""The council's own sections that corpus notices are made of, in the corpus's own words.

Each builder takes the wording a council chose (its heading, which items it lists, how it puts
the lead-in), so that notices made from them differ the way real ones do.
"""

from notices.importing.tests.corpus.model import (
    Category,
    Items,
    Para,
    Recipient,
    Retention,
    Section,
    Table,
)

# Data categories: library names match; other names are proposals.
PERSONAL = Category("Personal details", "personal-details", "names, addresses and dates of birth")
CHARACTERISTICS = Category("Characteristics", "characteristics", "ethnicity, language, religion")
HEALTH = Category("Health", "health", "medical needs, disabilities and appointments")
EDUCATION = Category("Education", "education", "schools attended and attendance")
FAMILY = Category("Family and relationships", "family-and-relationships", "who lives with you")
PROTECTION = Category("Child protection", "child-protection", "enquiries, plans and conferences")
OFFENCES = Category("Criminal offence data", "criminal-offence-data", "youth cautions")
IMMIGRATION = Category("Immigration and asylum status", "immigration-status", "")
MONEY = Category("Financial information", "financial-details", "benefits and allowances")
SEND = Category(
    "Special educational needs and disability",
    "special-educational-needs-and-disability",
    "EHC plans",
)
CARE_LEAVERS = Category("Care leavers", "care-leavers", "housing, work and training after care")
ADOPTION = Category("Adoption", "adoption", "")
HOUSING = Category("Housing and tenancy history", None, "where you have lived and who with")
PHOTOS = Category("Photographs and life story work", None, "")

# Recipients.
POLICE = Recipient("Police", "police", "to prevent and detect crime against children")
SCHOOLS = Recipient("Schools and education settings", "schools-and-education-settings", "")
NHS = Recipient("NHS and health services", "nhs-and-health-services", "for health assessments")
COURTS = Recipient("Courts and Cafcass", "courts-and-cafcass", "in care proceedings")
OFSTED = Recipient("Ofsted", "ofsted", "when it inspects our services")
DFE = Recipient("Department for Education", "department-for-education", "statutory returns")
OTHER_LAS = Recipient("Other local authorities", "other-local-authorities", "when a family moves")
YOUTH_JUSTICE = Recipient("Youth justice service", "youth-justice-service", "")
FOSTER = Recipient(
    "Foster carers and residential care providers",
    "foster-carers-and-residential-providers",
    "so they can care for the child",
)
HOUSING_PROVIDERS = Recipient("Housing providers", "housing-providers", "for care leavers")
DWP = Recipient("Department for Work and Pensions", "department-for-work-and-pensions", "")
PARTNERSHIP = Recipient(
    "Local safeguarding children partnership", "safeguarding-children-partnership", ""
)
ADOPTION_AGENCY = Recipient("Regional adoption agency", "regional-adoption-agency", "")
SYSTEM_SUPPLIER = Recipient("Our case recording system supplier", None, "to run and support it")
CHARITIES = Recipient("Local family support charities", None, "with your agreement")
INTERPRETERS = Recipient("Interpreting services", None, "")

# Retention rules.
CIN_RECORDS = Retention(
    "Child in need records",
    "until the child's 25th birthday",
    25,
    "date-of-birth",
    "child-in-need-records",
)
CP_RECORDS = Retention(
    "Child protection records",
    "until the child's 25th birthday",
    25,
    "date-of-birth",
    "child-protection-records",
)
LAC_RECORDS = Retention(
    "Looked-after children's case records",
    "until the child's 75th birthday",
    75,
    "date-of-birth",
    "looked-after-case-records",
)
ADOPTION_RECORDS = Retention(
    "Adoption records",
    "100 years from the date of the adoption order",
    100,
    "adoption-order",
    "adoption-records",
)
CONTACTS = Retention(
    "Contacts that do not lead to a referral",
    "6 years after the last contact",
    6,
    "last-contact",
    "contacts-without-referral",
)
EARLY_HELP = Retention("Early help records", "6 years after the case is closed", 6, "case-closure")
LEAVERS = Retention(
    "Care leaver records",
    "until the young person's 75th birthday",
    75,
    "date-of-birth",
    "care-leaver-records",
)


def purposes(heading: str = "Why we use your information", *, lead: str = "We use it to:"):
    return Section(
        heading,
        "purposes",
        (
            Items(
                lead,
                (
                    "find out what help a child or family needs",
                    "assess children in need under section 17 of the Children Act 1989",
                    "make enquiries under section 47 of the Children Act 1989 when a child may "
                    "be at risk of significant harm",
                    "plan and review the care of children we look after",
                    "support young people as they leave care",
                ),
            ),
        ),
    )


def categories(heading: str, items: tuple, *, lead: str = "The information we hold includes:"):
    return Section(heading, "categories", (Items(lead, items),))


def sources(heading: str = "Where we get your information from"):
    return Section(
        heading,
        "sources",
        (
            Para(
                "Most of it comes from you and your family. We also receive it from schools, "
                "health visitors, GPs, the police and other councils when they are worried about "
                "a child or are helping a family alongside us."
            ),
        ),
    )


def law(heading: str, sentences: tuple[str, ...], bases: tuple[str, ...]):
    return Section(heading, "lawful-basis", tuple(Para(s) for s in sentences), bases)


STANDARD_LAW = (
    "We use personal information because it is necessary for our public task as a children's "
    "services authority, under Article 6(1)(e) of the UK GDPR, and because the law requires it, "
    "under Article 6(1)(c).",
    "Where the information is about health, ethnicity or religion we rely on Article 9(2)(g), "
    "substantial public interest, and Article 9(2)(h) for health and social care, with the "
    "conditions in Schedule 1 of the Data Protection Act 2018.",
)
STANDARD_BASES = ("A6-1-e", "A6-1-c", "A9-2-g", "A9-2-h")


def recipients(heading: str, items: tuple, *, lead: str = "We may share information with:"):
    return Section(heading, "recipients", (Items(lead, items),))


def recipient_table(heading: str, rows: tuple, *, intro: str):
    return Section(heading, "recipients", (Para(intro), Table(("Who", "Why"), rows)))


def retention(heading: str, rules: tuple, *, lead: str = "We keep records for these periods:"):
    return Section(heading, "retention", (Items(lead, rules),))


def retention_table(heading: str, rules: tuple):
    return Section(
        heading,
        "retention",
        (
            Para("How long we keep a record depends on what kind of record it is."),
            Table(("Record", "How long we keep it"), rules),
        ),
    )


def rights(heading: str = "Your rights"):
    return Section(
        heading,
        "rights",
        (
            Items(
                "You have the right to:",
                (
                    "ask for a copy of the information we hold about you",
                    "ask us to correct information that is wrong",
                    "ask us to limit how we use your information in some cases",
                    "object to how we use it",
                ),
            ),
            Para("A parent or carer can usually ask on behalf of a young child."),
        ),
    )


def contact(heading: str, council: str, officer: str, email: str, phone: str):
    return Section(
        heading,
        "contact",
        (
            Para(f"{council} is the controller of the information in this notice."),
            Para(f"Our Data Protection Officer is {officer}. Email {email} or call {phone}."),
        ),
    )


def complaints(heading: str = "How to complain"):
    return Section(
        heading,
        "complaints",
        (
            Para(
                "If you are unhappy with how we have used your information, please tell us "
                "first. You can also complain to the Information Commissioner's Office on 0303 "
                "123 1113 or through its website."
            ),
        ),
    )


def abroad(heading: str = "Sending information outside the UK"):
    return Section(
        heading,
        "transfers-abroad",
        (Para("We do not send your information outside the UK unless a court orders it."),),
    )


def decisions(heading: str = "Automated decisions"):
    return Section(
        heading,
        "automated-decisions",
        (Para("No decision about you or your family is made by a computer alone."),),
    )
