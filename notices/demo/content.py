"""Demo content: five fictional councils, their children's social care notices, the shared
libraries of data categories, recipients and kinds of record, and the shared DfE/NPD block.

Pure data, consumed by notices.demo.loading.load_demo_data. Every council, person, address, email
address (.example) and phone number (Ofcom drama ranges) here is made up.
"""

DATA_CATEGORIES = [
    {
        "slug": "personal-details",
        "name": "Personal details",
        "description": (
            "Names, dates of birth, addresses, contact details and reference numbers such as the "
            "NHS number, the unique pupil number and the council's own case number."
        ),
        "is_special_category": False,
        "is_criminal_offence": False,
    },
    {
        "slug": "characteristics",
        "name": "Characteristics",
        "description": (
            "Sex, gender identity, ethnicity, nationality, first language and any communication "
            "needs. Because it includes ethnicity, this is special category data."
        ),
        "is_special_category": True,
        "is_criminal_offence": False,
    },
    {
        "slug": "child-in-need-episodes",
        "name": "Child in need episodes",
        "description": (
            "Referrals, assessments, child in need plans, the main reason help was needed and the "
            "dates each episode of support started and ended."
        ),
        "is_special_category": False,
        "is_criminal_offence": False,
    },
    {
        "slug": "child-protection",
        "name": "Child protection",
        "description": (
            "Strategy discussions, section 47 enquiries, child protection conferences, child "
            "protection plans and reviews, and the category of harm recorded."
        ),
        "is_special_category": False,
        "is_criminal_offence": False,
    },
    {
        "slug": "looked-after-episodes",
        "name": "Looked-after episodes",
        "description": (
            "Legal status, placements and placement moves, reviews, periods missing from "
            "placement, and the dates a child started and stopped being looked after."
        ),
        "is_special_category": False,
        "is_criminal_offence": False,
    },
    {
        "slug": "looked-after-outcomes",
        "name": "Outcomes for looked-after children",
        "description": (
            "Annual health and dental checks, immunisations, Strengths and Difficulties "
            "Questionnaire scores, substance misuse and educational progress. Much of this is "
            "health data."
        ),
        "is_special_category": True,
        "is_criminal_offence": False,
    },
    {
        "slug": "adoption",
        "name": "Adoption",
        "description": (
            "Decisions that a child should be placed for adoption, matching and placement dates, "
            "court orders, adoption support, and records about prospective adopters."
        ),
        "is_special_category": False,
        "is_criminal_offence": False,
    },
    {
        "slug": "care-leavers",
        "name": "Care leavers",
        "description": (
            "Pathway plans, contact with a personal adviser, type of accommodation, and whether a "
            "young person is in education, employment or training."
        ),
        "is_special_category": False,
        "is_criminal_offence": False,
    },
    {
        "slug": "special-educational-needs-and-disability",
        "name": "Special educational needs and disability",
        "description": (
            "Education, health and care plans, SEN support, the nature of a disability and the "
            "help a child needs to learn and join in."
        ),
        "is_special_category": True,
        "is_criminal_offence": False,
    },
    {
        "slug": "health",
        "name": "Health",
        "description": (
            "Physical and mental health, medication, disabilities, GP and hospital details, health "
            "assessments and therapeutic support."
        ),
        "is_special_category": True,
        "is_criminal_offence": False,
    },
    {
        "slug": "family-and-relationships",
        "name": "Family and relationships",
        "description": (
            "Parents, brothers and sisters, wider family, carers and other people who matter to a "
            "child, family history and arrangements for keeping in touch."
        ),
        "is_special_category": False,
        "is_criminal_offence": False,
    },
    {
        "slug": "education",
        "name": "Education",
        "description": (
            "The school, college or nursery a child attends, attendance, exclusions, attainment "
            "and personal education plans."
        ),
        "is_special_category": False,
        "is_criminal_offence": False,
    },
    {
        "slug": "criminal-offence-data",
        "name": "Criminal offence data",
        "description": (
            "Allegations, arrests, cautions, convictions and youth justice involvement, whether "
            "about a child or about adults in the child's life."
        ),
        "is_special_category": False,
        "is_criminal_offence": True,
    },
    {
        "slug": "biometric-data",
        "name": "Biometric data",
        "description": (
            "Fingerprints or facial images processed by a technical system to confirm who someone "
            "is. Few councils use it, and then only with explicit consent."
        ),
        "is_special_category": True,
        "is_criminal_offence": False,
    },
    {
        "slug": "religion-or-belief",
        "name": "Religion or belief",
        "description": (
            "A child's religion or belief and that of their family, recorded so that care and "
            "placements respect it."
        ),
        "is_special_category": True,
        "is_criminal_offence": False,
    },
    {
        "slug": "sexual-orientation",
        "name": "Sexual orientation",
        "description": (
            "Recorded only when a young person chooses to tell us, or when it matters for their "
            "safety, care or support."
        ),
        "is_special_category": True,
        "is_criminal_offence": False,
    },
    {
        "slug": "immigration-status",
        "name": "Immigration and asylum status",
        "description": (
            "Nationality, immigration status, asylum claims and age assessments, including for "
            "unaccompanied children seeking asylum."
        ),
        "is_special_category": False,
        "is_criminal_offence": False,
    },
    {
        "slug": "financial-details",
        "name": "Financial information",
        "description": (
            "Allowances, grants, bank details for payments and benefit entitlement, for care "
            "leavers, foster carers, special guardians and families receiving support."
        ),
        "is_special_category": False,
        "is_criminal_offence": False,
    },
]

RECIPIENTS = [
    {
        "slug": "department-for-education",
        "name": "Department for Education",
        "kind": "government",
        "description": (
            "The government department responsible for children's services in England. Councils "
            "send it statutory data returns about children in need and looked-after children."
        ),
    },
    {
        "slug": "nhs-and-health-services",
        "name": "NHS and health services",
        "kind": "health",
        "description": (
            "GPs, hospitals, health visitors, school nurses, child and adolescent mental health "
            "services, designated doctors and nurses for looked-after children, and integrated "
            "care boards."
        ),
    },
    {
        "slug": "police",
        "name": "Police",
        "kind": "police",
        "description": (
            "The police force for the area, including officers working in a multi-agency "
            "safeguarding hub, and other forces where a child has moved."
        ),
    },
    {
        "slug": "schools-and-education-settings",
        "name": "Schools and education settings",
        "kind": "education",
        "description": (
            "Nurseries, schools, academies, colleges and alternative provision, including "
            "designated safeguarding leads and the virtual school."
        ),
    },
    {
        "slug": "courts-and-cafcass",
        "name": "Courts and Cafcass",
        "kind": "justice",
        "description": (
            "The family court and the Children and Family Court Advisory and Support Service, "
            "which represents children's interests in family proceedings."
        ),
    },
    {
        "slug": "other-local-authorities",
        "name": "Other local authorities",
        "kind": "local-government",
        "description": (
            "Other councils' children's services, for example where a family moves, a child is "
            "placed outside the area or more than one council is involved."
        ),
    },
    {
        "slug": "youth-justice-service",
        "name": "Youth justice service",
        "kind": "justice",
        "description": (
            "The multi-agency team that works with children aged 10 to 17 who are in trouble with "
            "the law."
        ),
    },
    {
        "slug": "ofsted",
        "name": "Ofsted",
        "kind": "regulator",
        "description": (
            "The Office for Standards in Education, Children's Services and Skills, which inspects "
            "councils' children's services and registers children's homes and fostering agencies."
        ),
    },
    {
        "slug": "foster-carers-and-residential-providers",
        "name": "Foster carers and residential care providers",
        "kind": "care-provider",
        "description": (
            "Foster carers, independent fostering agencies, children's homes and supported "
            "accommodation that look after children on a council's behalf."
        ),
    },
    {
        "slug": "voluntary-and-advocacy-organisations",
        "name": "Voluntary and advocacy organisations",
        "kind": "voluntary",
        "description": (
            "Charities and community groups that provide advocacy, independent visitors, family "
            "support or specialist services."
        ),
    },
    {
        "slug": "regional-adoption-agency",
        "name": "Regional adoption agency",
        "kind": "local-government",
        "description": (
            "A partnership of councils, sometimes with voluntary adoption agencies, that recruits "
            "adopters, matches children and provides adoption support."
        ),
    },
    {
        "slug": "housing-providers",
        "name": "Housing providers",
        "kind": "other",
        "description": (
            "Council housing teams, housing associations and supported housing providers that "
            "offer homes to care leavers and families."
        ),
    },
    {
        "slug": "department-for-work-and-pensions",
        "name": "Department for Work and Pensions",
        "kind": "government",
        "description": (
            "The government department that runs benefits such as Universal Credit, including the "
            "support it offers young people leaving care."
        ),
    },
    {
        "slug": "solicitors-and-legal-advisers",
        "name": "Solicitors and legal advisers",
        "kind": "justice",
        "description": (
            "The council's own legal advisers, and solicitors or barristers representing children, "
            "parents and other parties in proceedings."
        ),
    },
    {
        "slug": "safeguarding-children-partnership",
        "name": "Local safeguarding children partnership",
        "kind": "local-government",
        "description": (
            "The arrangement between the council, the police and the NHS that leads local "
            "safeguarding work and carries out learning reviews."
        ),
    },
    {
        "slug": "home-office",
        "name": "Home Office",
        "kind": "government",
        "description": (
            "The government department responsible for immigration and asylum, including claims "
            "made by unaccompanied children."
        ),
    },
    {
        "slug": "local-government-and-social-care-ombudsman",
        "name": "Local Government and Social Care Ombudsman",
        "kind": "regulator",
        "description": (
            "The independent body that looks into complaints about councils once their own "
            "complaints process has finished."
        ),
    },
]

RECORD_KINDS = [
    {
        "slug": "looked-after-case-records",
        "name": "Looked-after children's case records",
        "description": (
            "The case file of a child the council looks after or has looked after: care plans, "
            "where the child lived, reviews, health and education information, and what the "
            "child and their family said. The law sets how long it is kept."
        ),
    },
    {
        "slug": "adoption-records",
        "name": "Adoption records",
        "description": (
            "What the council or its adoption agency holds about an adoption: the child's "
            "background, the assessment of the adopters, the court papers and any later contact "
            "between the birth and adoptive families."
        ),
    },
    {
        "slug": "child-in-need-records",
        "name": "Child in need records",
        "description": (
            "Records of help given to a child in need and their family: the referral, the "
            "assessment, the child in need plan and how it was reviewed."
        ),
    },
    {
        "slug": "child-protection-records",
        "name": "Child protection records",
        "description": (
            "Records of enquiries made because a child may be at risk of serious harm, of the "
            "conferences held about the child, and of any child protection plan."
        ),
    },
    {
        "slug": "care-leaver-records",
        "name": "Care leaver records",
        "description": (
            "Records of the support a young person gets after leaving care: pathway plans, "
            "notes of their personal adviser, and help with a home, education, work and money."
        ),
    },
    {
        "slug": "foster-carer-records",
        "name": "Foster carer records",
        "description": (
            "Records about people who apply to foster or are approved as foster carers: their "
            "assessment, approval and reviews, training, and the children who lived with them."
        ),
    },
    {
        "slug": "contacts-without-referral",
        "name": "Contacts that do not lead to a referral",
        "description": (
            "Notes of calls, messages and visits in which someone raised a worry about a child or "
            "asked for help, where the council decided that no referral to children's social "
            "care was needed."
        ),
    },
    {
        "slug": "biometric-data",
        "name": "Biometric data",
        "description": (
            "Fingerprints, face images and similar data used to recognise a person by machine, "
            "for example to check who someone is or to open a door. It is special category data."
        ),
    },
]

SHARED_BLOCK = {
    "title": "How the Department for Education uses this data",
    "introduction": (
        "Every council in England has to send some information about the children it supports to "
        "the Department for Education (DfE). This part of the notice is the same for every council "
        "on this site. It explains what DfE receives, why it needs it, the law behind the sharing, "
        "and how you can find out what DfE holds about you."
    ),
    "parts": [
        {
            "heading": "What we send to the Department for Education",
            "anchor": "what-we-send-to-dfe",
            "body": (
                "We send DfE two main statutory returns each year:\n\n"
                "- **the children in need census**, which covers referrals, assessments, section "
                "47 enquiries, child protection plans and the reasons children needed help;\n"
                "- **the looked-after children return (known as SSDA903)**, which covers children "
                "in our care: their legal status, placements, reviews, adoptions, health checks, "
                "and what care leavers are doing and where they live.\n\n"
                "Each record describes one child. It includes identifying details such as name, "
                "date of birth and unique pupil number, so that DfE can link it to the child's "
                "education records. We send the returns through DfE's secure online collection "
                "system, never by email."
            ),
        },
        {
            "heading": "Why the Department for Education needs it",
            "anchor": "why-dfe-needs-it",
            "body": (
                "DfE uses the returns to:\n\n"
                "- decide how much money goes to councils and to children's services;\n"
                "- shape and test national policy for children in need, children in care and care "
                "leavers;\n"
                "- see how each council is performing and compare it with others;\n"
                "- publish official statistics, which never name individual children;\n"
                "- find out which approaches work well, so they can be spread more widely."
            ),
        },
        {
            "heading": "The law that allows the sharing",
            "anchor": "law-behind-dfe-sharing",
            "body": (
                "Councils do not need anyone's consent to send these returns, because the law "
                "requires them. The sharing is carried out under:\n\n"
                "- section 83 of the Children Act 1989;\n"
                "- section 7 of the Young People's Act 2008;\n"
                "- regulation 3 of the Education (Information About Individual Pupils) (England) "
                "Regulations 2013.\n\n"
                "Under data protection law, each council relies on legal obligation (UK GDPR "
                "Article 6(1)(c)) to send the data, and on substantial public interest (Article "
                "9(2)(g)) for the special category data it contains."
            ),
        },
        {
            "heading": "The National Pupil Database",
            "anchor": "national-pupil-database",
            "body": (
                "Once DfE has received a return, it adds the records to the National Pupil "
                "Database (NPD). DfE owns and runs the NPD. It also holds information sent in by "
                "schools, colleges, exam boards and councils about children's education.\n\n"
                "Linking social care records with education records lets researchers and DfE "
                "analysts ask questions that neither set of data could answer alone, for example "
                "how moving between placements affects a child's progress at school. The NPD is "
                "kept for the long term, so that trends can be followed over many years."
            ),
        },
        {
            "heading": "How the Department for Education shares data with others",
            "anchor": "how-dfe-shares-data",
            "body": (
                "DfE does not publish information that could identify a child. It may give access "
                "to some of the data to:\n\n"
                "- researchers and academics;\n"
                "- other government departments and public bodies;\n"
                "- organisations whose work supports children's education or wellbeing.\n\n"
                "Anyone who asks must say exactly which data they need and why. DfE checks each "
                "request against the law and against strict rules on security and how the data may "
                "be used, and senior officials and data protection specialists decide whether to "
                "approve it. Many approved users can only work with the data inside a secure "
                "research environment, and cannot take records away with them. DfE publishes a "
                "list of the requests it has approved."
            ),
        },
        {
            "heading": "Asking the Department for Education what it holds",
            "anchor": "asking-dfe-for-your-data",
            "body": (
                "You have the right to ask DfE for a copy of the personal data it holds about you. "
                "This is called a subject access request, and you make it to DfE, not to your "
                "council.\n\n"
                'To find out how, search GOV.UK for "requesting your personal information from '
                "DfE\". DfE's guidance also explains your other rights and how to contact its Data "
                "Protection Officer. If you are not happy with DfE's answer, you can complain to "
                "the Information Commissioner's Office."
            ),
        },
    ],
}

COUNCILS = [
    {
        "slug": "harrowmere",
        "name": "Harrowmere County Council",
        "kind": "county",
        "website": "https://www.harrowmere.example",
        "general_privacy_notice_url": "https://www.harrowmere.example/privacy",
        "controller_email": "information.governance@harrowmere.example",
        "controller_phone": "01632 960101",
        "controller_address": (
            "Harrowmere County Council\nCounty Hall\nCastle Street\nHarrowmere\nHM1 1CH"
        ),
        "dpo_name": "Data Protection Officer",
        "dpo_email": "dpo@harrowmere.example",
        "dpo_phone": "01632 960102",
        "dpo_address": (
            "Data Protection Officer\n"
            "Harrowmere County Council\n"
            "County Hall\n"
            "Castle Street\n"
            "Harrowmere\n"
            "HM1 1CH"
        ),
        "ico_registration_number": "Z9912345",
        "notice": {
            "title": "Children's social care privacy notice",
            "introduction": (
                "This notice explains how Harrowmere County Council's Children's Services use "
                "personal information about children in need, children subject to a child "
                "protection plan, looked-after children, care leavers and children who are "
                "adopted. It also covers the parents, carers and relatives whose information "
                "appears in those children's records.\n\n"
                "Harrowmere County Council is the data controller for this information. Please "
                "read this notice together with the Council's [general privacy "
                "notice](https://www.harrowmere.example/privacy), which describes how the Council "
                "handles personal information across all of its services."
            ),
            "young_people_summary": (
                "This is the short version of our notice, written for you.\n\n"
                "When our children's social care team helps you, we write down information about "
                "you. We do this so we can keep you safe and give you the right support.\n\n"
                "- We only collect what we need to help you.\n"
                "- We keep your records safe and only let the right people see them.\n"
                "- Sometimes we have to share information, for example with your school, your "
                "doctor or a court.\n"
                "- You can ask to see what we have written about you.\n\n"
                "If you think something in your records is wrong, tell your social worker or "
                "personal adviser. You can also ask an adult you trust to contact us for you."
            ),
            "last_reviewed": "2026-01-14",
            "review_due": "2027-01-14",
            "sections": [
                {
                    "heading": "Why the Council uses your information",
                    "anchor": "why-the-council-uses-information",
                    "ico_item": "purposes",
                    "body": (
                        "The Council has legal duties to safeguard children and to promote their "
                        "welfare. It uses personal information in order to:\n\n"
                        "- decide whether a child needs help, by assessing referrals and carrying "
                        "out assessments;\n"
                        "- plan, provide and review support for children in need and their "
                        "families;\n"
                        "- carry out child protection enquiries and hold child protection "
                        "conferences;\n"
                        "- look after children in its care, find suitable placements and review "
                        "their care plans;\n"
                        "- act as corporate parent to care leavers, including through pathway "
                        "planning and personal advisers;\n"
                        "- arrange adoptions, special guardianship and the support that follows;\n"
                        "- take part in family court proceedings;\n"
                        "- check the quality of its services, learn from complaints and reviews, "
                        "and plan for the future;\n"
                        "- meet its statutory reporting duties to the Department for Education.\n\n"
                        "Where the Council produces statistics for planning or performance "
                        "monitoring, it removes names and other details that could identify "
                        "someone."
                    ),
                },
                {
                    "heading": "The legal basis for using your information",
                    "anchor": "legal-basis-for-using-information",
                    "ico_item": "lawful-basis",
                    "body": (
                        "Most of what the Council does in children's social care is required or "
                        "permitted by law. Under the UK General Data Protection Regulation (UK "
                        "GDPR), the Council relies mainly on:\n\n"
                        "- **legal obligation** (Article 6(1)(c)), where a law requires the "
                        "Council to act, for example to make enquiries under section 47 of the "
                        "Children Act 1989;\n"
                        "- **public task** (Article 6(1)(e)), where the Council is carrying out "
                        "its functions as a local authority.\n\n"
                        "For health, ethnicity and other special category data, the Council relies "
                        "on Article 9(2)(h) (social care) and Article 9(2)(g) (substantial public "
                        "interest), together with the matching conditions in Schedule 1 of the "
                        "Data Protection Act 2018. For information about offences and allegations, "
                        "it relies on Article 10 and the safeguarding condition in Schedule 1.\n\n"
                        "The Council keeps an appropriate policy document, as the Data Protection "
                        "Act 2018 requires, which explains how it protects special category and "
                        "criminal offence data. The full list of lawful bases and the legislation "
                        "behind them appears in the [lawful bases table](#lawful-bases) in this "
                        "notice."
                    ),
                },
                {
                    "heading": "What information the Council holds",
                    "anchor": "what-information-the-council-holds",
                    "ico_item": "categories",
                    "body": (
                        "The information held depends on the help a child or family receives. The "
                        "categories the Council uses, and what each one contains, are listed in "
                        "the [data categories table](#data-categories) in this notice. In summary, "
                        "they include:\n\n"
                        "- identity and contact details;\n"
                        "- characteristics such as ethnicity and language;\n"
                        "- family members and relationships;\n"
                        "- the history of support, assessments, plans and placements;\n"
                        "- health, disability and special educational needs;\n"
                        "- information about offences or allegations, where this is relevant to a "
                        "child's safety."
                    ),
                },
                {
                    "heading": "Where the information comes from",
                    "anchor": "where-the-information-comes-from",
                    "ico_item": "sources",
                    "body": (
                        "Much of the information comes from children, parents and carers "
                        "themselves. The Council also receives information from:\n\n"
                        "- people who make a referral, including members of the public;\n"
                        "- schools, early years settings and the virtual school;\n"
                        "- GPs, health visitors, hospitals and mental health services;\n"
                        "- the police and the youth justice service;\n"
                        "- other councils where a family has lived before;\n"
                        "- courts, Cafcass and solicitors;\n"
                        "- foster carers, children's homes and other care providers.\n\n"
                        "The Council will tell you about information it has received from others "
                        "unless doing so would put a child at risk, or the law allows it to "
                        "withhold it."
                    ),
                },
                {
                    "heading": "Do you have to provide information?",
                    "anchor": "do-you-have-to-provide-information",
                    "ico_item": "statutory-requirement",
                    "body": (
                        "Much of the information the Council collects is needed so that it can "
                        "carry out its legal duties, and some of it must be reported to the "
                        "Department for Education. If information is not provided, the Council may "
                        "not be able to offer the right support, and in child protection cases it "
                        "may need to obtain the information from elsewhere.\n\n"
                        "Where giving information is optional, for example when the Council asks "
                        "for feedback about its services, staff will say so at the time."
                    ),
                },
                {
                    "heading": "Who the Council shares information with",
                    "anchor": "who-the-council-shares-with",
                    "ico_item": "recipients",
                    "body": (
                        "The Council shares information only where the law requires or allows it "
                        "and where sharing is necessary and proportionate. Each organisation it "
                        "shares with, the reason and how often are set out in the [recipients "
                        "table](#recipients) in this notice.\n\n"
                        "Information about children in need and looked-after children is sent to "
                        "the Department for Education every year. [The section on how the "
                        "Department for Education uses this data](#shared-block) explains what "
                        "happens to it.\n\n"
                        "Before sharing, staff consider whether the same purpose could be met with "
                        "less information. Sharing to protect a child from significant harm does "
                        "not depend on consent, but the Council will usually tell the family "
                        "unless that would increase the risk."
                    ),
                },
                {
                    "heading": "How records are kept and for how long",
                    "anchor": "how-records-are-kept",
                    "ico_item": "retention",
                    "body": (
                        "Children's social care records are held in the Council's case management "
                        "system, which is hosted in the Council's own data centre in the United "
                        "Kingdom. Access is limited to staff who need it for their work, every "
                        "access is logged, and the logs are checked.\n\n"
                        "Some records must be kept for many years so that adults who were in care, "
                        "or who were adopted, can find out about their childhood. The retention "
                        "periods, what they are counted from and where each one comes from are set "
                        "out in the [retention table](#retention) in this notice. When a record "
                        "reaches the end of its retention period, it is reviewed and then securely "
                        "destroyed."
                    ),
                },
                {
                    "heading": "Automated decision-making",
                    "anchor": "automated-decision-making",
                    "ico_item": "automated-decisions",
                    "body": (
                        "The Council does not make any decision about a child or family using "
                        "automated processing alone. Every decision about support, protection or "
                        "care is made by qualified staff."
                    ),
                },
                {
                    "heading": "Transfers outside the United Kingdom",
                    "anchor": "transfers-outside-the-uk",
                    "ico_item": "transfers-abroad",
                    "body": (
                        "The Council does not routinely transfer children's social care "
                        "information outside the United Kingdom. If a child has family abroad, or "
                        "needs to be placed outside the UK, any sharing is considered case by "
                        "case, and only takes place with safeguards that meet the requirements of "
                        "UK data protection law."
                    ),
                },
                {
                    "heading": "Your rights",
                    "anchor": "your-rights",
                    "ico_item": "rights",
                    "body": (
                        "You have the following rights over your personal information:\n\n"
                        "- **access**: to be told whether the Council holds information about you "
                        "and to receive a copy;\n"
                        "- **rectification**: to have inaccurate information corrected and "
                        "incomplete information completed;\n"
                        "- **erasure**: to ask for information to be deleted, although this right "
                        "does not apply where the Council must keep records by law or for its "
                        "public tasks;\n"
                        "- **restriction**: to ask the Council to limit how it uses your "
                        "information while a concern is looked into;\n"
                        "- **objection**: to object to the Council using your information for its "
                        "public tasks, which the Council must consider against the reasons for "
                        "continuing.\n\n"
                        "Records of professional opinion are not usually changed, but a note of "
                        "your view can be added to the file.\n\n"
                        "To make a request, contact the Data Protection Officer using the details "
                        "below. The Council will reply within one month, or tell you within that "
                        "month if it needs up to two more months because the request is complex. A "
                        "child who understands what they are asking for can make a request "
                        "themselves. A parent or carer can ask on a child's behalf where this is "
                        "in the child's interests. Some information, such as details about other "
                        "people, may be withheld where the law allows."
                    ),
                },
                {
                    "heading": "Complaints",
                    "anchor": "complaints",
                    "ico_item": "complaints",
                    "body": (
                        "If you are unhappy with the way the Council has handled your personal "
                        "information, please contact the Data Protection Officer first so that the "
                        "Council can try to put things right.\n\n"
                        "You can also complain to the Information Commissioner's Office (ICO), the "
                        "UK regulator for data protection:\n\n"
                        "- helpline: 0303 123 1113\n"
                        "- post: Information Commissioner's Office, Wycliffe House, Water Lane, "
                        "Wilmslow, SK9 5AF\n\n"
                        "Complaints about the social care service itself, rather than about your "
                        "data, are handled through the Council's children's social care complaints "
                        "procedure."
                    ),
                },
                {
                    "heading": "Contacting the Council",
                    "anchor": "contacting-the-council",
                    "ico_item": "contact",
                    "body": (
                        "For questions about this notice, or to use any of your rights, contact "
                        "the Council's Data Protection Officer:\n\n"
                        "- email: dpo@harrowmere.example\n"
                        "- telephone: 01632 960102\n"
                        "- post: Data Protection Officer, Harrowmere County Council, County Hall, "
                        "Castle Street, Harrowmere, HM1 1CH\n\n"
                        "The Council reviews this notice at least once a year and publishes each "
                        "new version on this site."
                    ),
                },
            ],
            "data_categories": [
                {
                    "category": "personal-details",
                    "detail": (
                        "Name, date of birth, address, telephone number, NHS number, unique pupil "
                        "number and the Council's case reference for the child and for adults in "
                        "the household."
                    ),
                },
                {
                    "category": "characteristics",
                    "detail": (
                        "Sex, ethnicity, first language, nationality and whether an interpreter is "
                        "needed."
                    ),
                },
                {
                    "category": "family-and-relationships",
                    "detail": (
                        "Parents, siblings, grandparents and other important adults, contact "
                        "arrangements and genograms prepared during assessments."
                    ),
                },
                {
                    "category": "child-in-need-episodes",
                    "detail": (
                        "Referral details, single assessments, child in need plans and reviews, "
                        "and the main need identified."
                    ),
                },
                {
                    "category": "child-protection",
                    "detail": (
                        "Strategy discussion notes, section 47 enquiry outcomes, conference "
                        "reports and minutes, child protection plans and core group records."
                    ),
                },
                {
                    "category": "looked-after-episodes",
                    "detail": (
                        "Legal status, placement details, care plans, independent reviewing "
                        "officer reviews and records of times a child was missing."
                    ),
                },
                {
                    "category": "looked-after-outcomes",
                    "detail": (
                        "Health assessments, dental checks, immunisation status, Strengths and "
                        "Difficulties Questionnaire scores and personal education plan targets."
                    ),
                },
                {
                    "category": "adoption",
                    "detail": (
                        "Agency decisions, placement orders, matching reports, adoption orders and "
                        "adoption support plans."
                    ),
                },
                {
                    "category": "care-leavers",
                    "detail": (
                        "Pathway plans, personal adviser contact, accommodation and whether the "
                        "young person is in education, employment or training."
                    ),
                },
                {
                    "category": "special-educational-needs-and-disability",
                    "detail": (
                        "Whether a child has an education, health and care plan or receives SEN "
                        "support, and details of any disability."
                    ),
                },
                {
                    "category": "health",
                    "detail": (
                        "Relevant medical history, mental health, medication and contact details "
                        "for the child's GP and other health professionals."
                    ),
                },
                {
                    "category": "criminal-offence-data",
                    "detail": (
                        "Allegations and offences relevant to a child's safety, including police "
                        "information shared at strategy discussions."
                    ),
                },
            ],
            "recipients": [
                {
                    "recipient": "department-for-education",
                    "purpose": (
                        "To submit the children in need census and the looked-after children "
                        "return each year, as the law requires."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "nhs-and-health-services",
                    "purpose": (
                        "To arrange health assessments for looked-after children and to work with "
                        "health professionals on child protection plans."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "schools-and-education-settings",
                    "purpose": (
                        "To support a child's education and wellbeing, including through the "
                        "virtual school and personal education plans."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "police",
                    "purpose": (
                        "To share information in strategy discussions and section 47 enquiries, "
                        "and to report crimes against children."
                    ),
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "courts-and-cafcass",
                    "purpose": (
                        "To provide evidence and reports in care, adoption and other family "
                        "proceedings."
                    ),
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "other-local-authorities",
                    "purpose": (
                        "To transfer a case when a family moves, or to arrange a placement in "
                        "another area."
                    ),
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "foster-carers-and-residential-providers",
                    "purpose": (
                        "To give carers the information they need to look after a child safely and "
                        "meet the child's needs."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "regional-adoption-agency",
                    "purpose": (
                        "To find and assess adopters, match children and provide adoption support "
                        "on the Council's behalf."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "ofsted",
                    "purpose": (
                        "To allow inspectors to review case records during inspections of the "
                        "Council's children's services."
                    ),
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "youth-justice-service",
                    "purpose": (
                        "To coordinate support for a child who is also working with the youth "
                        "justice service."
                    ),
                    "frequency": "when-necessary",
                },
            ],
            "lawful_bases": [
                {
                    "provision": "A6-1-c",
                    "schedule_1_condition": "",
                    "legislation": (
                        "Children Act 1989\n"
                        "Children Act 2004\n"
                        "Adoption and Children Act 2002\n"
                        "Children and Social Work Act 2017"
                    ),
                    "explanation": (
                        "Carrying out the Council's statutory duties, including assessments, child "
                        "protection enquiries, looking after children and the returns sent to the "
                        "Department for Education."
                    ),
                },
                {
                    "provision": "A6-1-e",
                    "schedule_1_condition": "",
                    "legislation": (
                        "Local Authority Social Services Act 1970\n"
                        "Children Act 1989\n"
                        "Children and Families Act 2014"
                    ),
                    "explanation": (
                        "Providing early help, family support and other social care services as "
                        "part of the Council's functions."
                    ),
                },
                {
                    "provision": "A9-2-h",
                    "schedule_1_condition": "Part 1, paragraph 2: health or social care purposes",
                    "legislation": "Children Act 1989\nChildren and Families Act 2014",
                    "explanation": (
                        "Using health and other special category data to provide social care to "
                        "children and families."
                    ),
                },
                {
                    "provision": "A9-2-g",
                    "schedule_1_condition": (
                        "Part 2, paragraph 18: safeguarding of children and individuals at risk"
                    ),
                    "legislation": "Children Act 1989\nChildren Act 2004",
                    "explanation": (
                        "Using special category data to protect children from harm where consent "
                        "cannot be relied on."
                    ),
                },
                {
                    "provision": "A10",
                    "schedule_1_condition": (
                        "Part 2, paragraph 18: safeguarding of children and individuals at risk"
                    ),
                    "legislation": "Children Act 1989\nCrime and Disorder Act 1998",
                    "explanation": (
                        "Recording and sharing information about offences and allegations where "
                        "this is needed to keep a child safe."
                    ),
                },
            ],
            "retention_periods": [
                {
                    "record_type": "Looked-after children's case records",
                    "record_kind": "looked-after-case-records",
                    "trigger": "date-of-birth",
                    "years": 75,
                    "months": 0,
                    "is_minimum": False,
                    "source": (
                        "Care Planning, Placement and Case Review (England) Regulations 2010, "
                        "regulation 50"
                    ),
                    "notes": (
                        "Includes care leavers' records, which form part of the same case record."
                    ),
                },
                {
                    "record_type": "Adoption case records",
                    "record_kind": "adoption-records",
                    "trigger": "adoption-order",
                    "years": 100,
                    "months": 0,
                    "is_minimum": True,
                    "source": "Adoption Agencies Regulations 2005, regulation 21",
                    "notes": "",
                },
                {
                    "record_type": "Child in need records",
                    "record_kind": "child-in-need-records",
                    "trigger": "date-of-birth",
                    "years": 25,
                    "months": 0,
                    "is_minimum": False,
                    "source": "Harrowmere County Council records retention schedule",
                    "notes": "Kept until the child's 25th birthday.",
                },
                {
                    "record_type": "Child protection records",
                    "record_kind": "child-protection-records",
                    "trigger": "case-closure",
                    "years": 35,
                    "months": 0,
                    "is_minimum": False,
                    "source": "Harrowmere County Council records retention schedule",
                    "notes": "",
                },
                {
                    "record_type": "Leaving care payment records",
                    "record_kind": None,
                    "trigger": "leaving-care",
                    "years": 7,
                    "months": 0,
                    "is_minimum": False,
                    "source": (
                        "Harrowmere County Council records retention schedule (financial records)"
                    ),
                    "notes": (
                        "Covers setting-up-home allowances and other payments only; the young "
                        "person's main case record is kept for longer."
                    ),
                },
            ],
        },
    },
    {
        "slug": "brackendale",
        "name": "Brackendale Metropolitan Borough Council",
        "kind": "metropolitan-borough",
        "website": "https://www.brackendale.example",
        "general_privacy_notice_url": "https://www.brackendale.example/privacy",
        "controller_email": "dataprotection@brackendale.example",
        "controller_phone": "01632 960240",
        "controller_address": (
            "Brackendale Metropolitan Borough Council\n"
            "Civic Centre\n"
            "Mill Lane\n"
            "Brackendale\n"
            "BK4 2TN"
        ),
        "dpo_name": "Information Governance Manager (Data Protection Officer)",
        "dpo_email": "dpo@brackendale.example",
        "dpo_phone": "01632 960241",
        "dpo_address": (
            "Information Governance Team\n"
            "Brackendale Metropolitan Borough Council\n"
            "Civic Centre\n"
            "Mill Lane\n"
            "Brackendale\n"
            "BK4 2TN"
        ),
        "ico_registration_number": "ZB480217",
        "notice": {
            "title": "Children's social care privacy notice",
            "introduction": (
                "We are Brackendale Metropolitan Borough Council. This notice is for you if our "
                "Children and Families Service has worked with you or your family: for example if "
                "you were referred to our Children's Front Door, had a social worker, were in our "
                "care, or are a care leaver we support.\n\n"
                "It tells you what we record, why, who we pass it to and what you can do about it. "
                "Our [corporate privacy notice](https://www.brackendale.example/privacy) covers "
                "everything else the council does with personal information."
            ),
            "young_people_summary": (
                "**The short version**\n\n"
                "We keep notes about you because we help look after you. The notes help your "
                "social worker, your carers and your school to do the right things for you.\n\n"
                "- Your notes are kept on a safe computer system.\n"
                "- Only people who work with you can read them.\n"
                "- A computer tool helps us sort new worries about children, but a person always "
                "makes the decisions.\n"
                "- We share your information only when it helps you or keeps someone safe.\n"
                "- You can ask for a copy of your notes. You can ask us to fix anything that is "
                "wrong.\n\n"
                "Want to know more? Ask your social worker, or email dpo@brackendale.example."
            ),
            "last_reviewed": "2026-03-02",
            "review_due": "2027-03-01",
            "sections": [
                {
                    "heading": "What do we use your information for?",
                    "anchor": "what-we-use-it-for",
                    "ico_item": "purposes",
                    "body": (
                        "We use it to:\n\n"
                        "- decide what to do when someone tells us they are worried about a "
                        "child;\n"
                        "- work out what help you and your family need, and give that help;\n"
                        "- protect children who are at risk of significant harm;\n"
                        "- look after children in our care and plan for their future;\n"
                        "- help care leavers up to the age of 25 with housing, money, education "
                        "and work;\n"
                        "- go to court when we need to, for example in care proceedings;\n"
                        "- improve our services, respond to complaints and learn from reviews;\n"
                        "- send the yearly returns the Department for Education asks for.\n\n"
                        "We also use a tool that helps us put new referrals in order of urgency. "
                        "See the section about our referral triage tool below."
                    ),
                },
                {
                    "heading": "What allows us to do this?",
                    "anchor": "what-allows-us",
                    "ico_item": "lawful-basis",
                    "body": (
                        "Data protection law only lets us use your information if we have a lawful "
                        "basis. For most of our work we use:\n\n"
                        "- **public task**: we are carrying out jobs that Parliament has given to "
                        "councils;\n"
                        "- **legal obligation**: a law tells us we must do something, such as look "
                        "into concerns that a child is being harmed.\n\n"
                        "When we use more sensitive information, such as health or ethnicity, we "
                        "also rely on the conditions for social care and for statutory purposes in "
                        "the Data Protection Act 2018. When we go to court, we rely on the "
                        "condition for legal claims. The table of lawful bases lists each one with "
                        "the law behind it."
                    ),
                },
                {
                    "heading": "What information do we keep?",
                    "anchor": "what-information-we-keep",
                    "ico_item": "categories",
                    "body": (
                        "It depends on why we are involved. The [data categories "
                        "table](#data-categories) lists everything. It covers things like:\n\n"
                        "- who you are and where you live;\n"
                        "- who is in your family and who else matters to you;\n"
                        "- what has happened to you, and the help and plans we have put in place;\n"
                        "- your health and your schooling;\n"
                        "- money we pay to care leavers, foster carers and special guardians;\n"
                        "- police information, where this is needed to keep a child safe."
                    ),
                },
                {
                    "heading": "Where do we get it from?",
                    "anchor": "where-we-get-it",
                    "ico_item": "sources",
                    "body": (
                        "Mostly from you and your family. We also get information from:\n\n"
                        "- the person who contacted the Children's Front Door;\n"
                        "- partners in our multi-agency safeguarding hub, especially the police, "
                        "health services and schools;\n"
                        "- other councils, if you have moved here;\n"
                        "- courts and Cafcass;\n"
                        "- your foster carers or the people running your home;\n"
                        "- housing providers and the Department for Work and Pensions, for care "
                        "leavers."
                    ),
                },
                {
                    "heading": "Do you have to give us information?",
                    "anchor": "do-you-have-to-give-us-information",
                    "ico_item": "statutory-requirement",
                    "body": (
                        "Usually no law makes you answer our questions. But we have legal duties "
                        "to children, and we need information to carry them out. If you do not "
                        "tell us something, we may not be able to work out what help your family "
                        "needs, or to give it.\n\n"
                        "If we think a child may be at risk of significant harm, we still have to "
                        "look into it. We may then ask other people who know the child, such as "
                        "their school or doctor, and in rare cases we may ask a court to order an "
                        "assessment of the child.\n\n"
                        "If you apply to foster or to adopt, or ask to become a special guardian, "
                        "the law sets out what we must look into. If you do not give us that "
                        "information, we cannot finish the assessment."
                    ),
                },
                {
                    "heading": "Decisions made by computers",
                    "anchor": "decisions-made-by-computers",
                    "ico_item": "automated-decisions",
                    "body": (
                        "No decision about you or your family is made by a computer alone. A "
                        "person always decides.\n\n"
                        "We use one computer tool to help us: it suggests how urgently we should "
                        "look at a new referral. The next section explains what it does and what "
                        "it does not do."
                    ),
                },
                {
                    "heading": "Our referral triage tool",
                    "anchor": "referral-triage-tool",
                    "ico_item": "automated-decisions",
                    "body": (
                        "When a new referral comes in to the Children's Front Door, a computer "
                        "tool looks at some of the information we already hold and suggests how "
                        "urgently a social worker should look at it. It gives a rating of "
                        "**routine**, **priority** or **urgent**.\n\n"
                        "### What the tool looks at\n\n"
                        "- how many times the child has been referred before, and when;\n"
                        "- whether the child has had a child protection plan before;\n"
                        "- police notifications of domestic abuse at the child's address in the "
                        "past 12 months;\n"
                        "- recent school attendance information that schools have shared with "
                        "us.\n\n"
                        "The tool does not use ethnicity, religion, sexual orientation, disability "
                        "or health information.\n\n"
                        "### What the tool does not do\n\n"
                        "The tool never decides whether a child gets help, whether a child "
                        "protection enquiry starts, or anything else about a family. A qualified "
                        "social worker reads every referral, looks at the rating, and makes the "
                        "decision. Social workers can and do disagree with the rating. Because a "
                        "person makes every decision, we do not make decisions based solely on "
                        "automated processing under Article 22 of the UK GDPR. We explain the tool "
                        "here anyway, because it affects how quickly we look at a referral.\n\n"
                        "### How we check it\n\n"
                        "We completed a data protection impact assessment before we started using "
                        "the tool. Every three months we check whether its ratings match social "
                        "workers' decisions and whether it treats different groups of children "
                        "fairly. If you want to know whether the tool was used for a referral "
                        "about your family and what it suggested, ask the Data Protection Officer."
                    ),
                },
                {
                    "heading": "Who do we share it with?",
                    "anchor": "who-we-share-with",
                    "ico_item": "recipients",
                    "body": (
                        "We share information when the law says we must, when it is part of our "
                        "job to keep children safe, or when it helps us give you the right "
                        "support. The [recipients table](#recipients) shows each organisation, why "
                        "we share and how often.\n\n"
                        "Some things to know:\n\n"
                        "- we work closely with the police, health and schools in our multi-agency "
                        "safeguarding hub, so information about new referrals is shared there "
                        "every day;\n"
                        "- for care leavers, we share information with housing providers through "
                        "our joint housing protocol, so that you have somewhere suitable to live;\n"
                        "- every year we send information to the Department for Education. [The "
                        "section on how the Department for Education uses this "
                        "data](#shared-block) explains more."
                    ),
                },
                {
                    "heading": "How long do we keep it?",
                    "anchor": "how-long-we-keep-it",
                    "ico_item": "retention",
                    "body": (
                        "Some records have to be kept for a very long time, so that people who "
                        "were in care can see them when they are adults. Others are kept for a "
                        "shorter period. The [retention table](#retention) gives each period, what "
                        "it is counted from and why.\n\n"
                        "When a record is due to be destroyed, a member of the records team checks "
                        "it first, in case there is a reason to keep it for longer, such as a "
                        "public inquiry."
                    ),
                },
                {
                    "heading": "Do we send it abroad?",
                    "anchor": "do-we-send-it-abroad",
                    "ico_item": "transfers-abroad",
                    "body": (
                        "No. Our case recording system and its backups are kept in the UK, and we "
                        "do not routinely send your information to other countries. If we ever "
                        "needed to, for example to protect a child with family abroad, we would "
                        "only do so where UK data protection law allows it."
                    ),
                },
                {
                    "heading": "What are your rights?",
                    "anchor": "what-are-your-rights",
                    "ico_item": "rights",
                    "body": (
                        "You can ask us to:\n\n"
                        "- **give you a copy** of the information we hold about you (a subject "
                        "access request);\n"
                        "- **correct** information that is wrong or incomplete;\n"
                        "- **delete** information, though we usually cannot do this when the law "
                        "requires us to keep a record;\n"
                        "- **restrict** how we use your information, for example while we check "
                        "whether it is accurate;\n"
                        "- **stop using** your information for a particular purpose (objection). "
                        "We will stop unless we have strong reasons to carry on, such as keeping a "
                        "child safe.\n\n"
                        "Ask by emailing dpo@brackendale.example, phoning 01632 960241 or telling "
                        "your social worker. You do not need to use a form. We will reply within "
                        "one month. If your request is complicated, we may take up to two more "
                        "months, but we will tell you if so.\n\n"
                        "Care leavers asking for their records can ask for support from a personal "
                        "adviser or an independent advocate when reading them, as records may "
                        "contain difficult information."
                    ),
                },
                {
                    "heading": "Not happy?",
                    "anchor": "not-happy",
                    "ico_item": "complaints",
                    "body": (
                        "Please tell our Data Protection Officer first, and we will try to sort it "
                        "out.\n\n"
                        "You can also complain to the Information Commissioner's Office:\n\n"
                        "- phone: 0303 123 1113\n"
                        "- write to: Information Commissioner's Office, Wycliffe House, Water "
                        "Lane, Wilmslow, SK9 5AF\n\n"
                        "If your complaint is about the service you received rather than your "
                        "information, use our children's social care complaints procedure. If you "
                        "are still unhappy after that, you can go to the Local Government and "
                        "Social Care Ombudsman."
                    ),
                },
                {
                    "heading": "How to contact us",
                    "anchor": "how-to-contact-us",
                    "ico_item": "contact",
                    "body": (
                        "Our Data Protection Officer can answer questions about this notice and "
                        "help you use your rights.\n\n"
                        "- email: dpo@brackendale.example\n"
                        "- phone: 01632 960241\n"
                        "- post: Data Protection Officer, Brackendale Metropolitan Borough "
                        "Council, Civic Centre, Mill Lane, Brackendale, BK4 2TN\n\n"
                        "If you would rather talk to someone you already know, your social worker "
                        "or personal adviser can pass your question on."
                    ),
                },
            ],
            "data_categories": [
                {
                    "category": "personal-details",
                    "detail": (
                        "Names, dates of birth, addresses, phone numbers, NHS numbers and unique "
                        "pupil numbers for children and for adults in the household."
                    ),
                },
                {
                    "category": "characteristics",
                    "detail": (
                        "Sex, gender identity where a young person shares it, ethnicity, language "
                        "and whether an interpreter is needed."
                    ),
                },
                {
                    "category": "family-and-relationships",
                    "detail": (
                        "Family members, household members, other significant adults and family "
                        "time arrangements."
                    ),
                },
                {
                    "category": "child-in-need-episodes",
                    "detail": (
                        "Front Door contacts and referrals, assessments, child in need plans and "
                        "review records."
                    ),
                },
                {
                    "category": "child-protection",
                    "detail": (
                        "Strategy discussions, section 47 enquiries, child protection conference "
                        "records and plans."
                    ),
                },
                {
                    "category": "looked-after-episodes",
                    "detail": (
                        "Placements, legal status, care plans, reviews and return home interviews "
                        "after a child has been missing."
                    ),
                },
                {
                    "category": "adoption",
                    "detail": (
                        "Decisions that adoption is the plan for a child, placement and adoption "
                        "order dates, and later life letters."
                    ),
                },
                {
                    "category": "care-leavers",
                    "detail": (
                        "Pathway plans, personal adviser notes, accommodation and education, "
                        "employment or training status up to age 25."
                    ),
                },
                {
                    "category": "education",
                    "detail": (
                        "School attended, attendance, exclusions and personal education plans."
                    ),
                },
                {
                    "category": "health",
                    "detail": (
                        "Health needs, disability, mental health and reports from health "
                        "professionals."
                    ),
                },
                {
                    "category": "criminal-offence-data",
                    "detail": (
                        "Police notifications, including domestic abuse incidents, and information "
                        "about offences where relevant to a child's safety."
                    ),
                },
                {
                    "category": "financial-details",
                    "detail": (
                        "Bank details and payment records for care leaver allowances, foster carer "
                        "fees and special guardianship allowances."
                    ),
                },
            ],
            "recipients": [
                {
                    "recipient": "department-for-education",
                    "purpose": (
                        "To send the children in need census and the looked-after children return."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "police",
                    "purpose": (
                        "To work together in the multi-agency safeguarding hub, at strategy "
                        "discussions and during section 47 enquiries."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "nhs-and-health-services",
                    "purpose": (
                        "To share safeguarding information in the multi-agency safeguarding hub "
                        "and to arrange health assessments for children in care."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "schools-and-education-settings",
                    "purpose": (
                        "To support children's learning and keep them safe at school, including "
                        "through the virtual school."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "safeguarding-children-partnership",
                    "purpose": (
                        "To take part in multi-agency audits and child safeguarding practice "
                        "reviews."
                    ),
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "youth-justice-service",
                    "purpose": (
                        "To plan jointly for children open to both our service and the youth "
                        "justice service."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "housing-providers",
                    "purpose": (
                        "To find suitable homes for care leavers through the joint housing "
                        "protocol and to support them to keep their tenancy."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "department-for-work-and-pensions",
                    "purpose": (
                        "To help care leavers claim the benefits they are entitled to, with their "
                        "agreement."
                    ),
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "regional-adoption-agency",
                    "purpose": (
                        "To plan adoptions and provide adoption support through our regional "
                        "adoption agency."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "courts-and-cafcass",
                    "purpose": "To file evidence and reports in family proceedings.",
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "other-local-authorities",
                    "purpose": (
                        "To transfer cases when families move and to notify councils when we place "
                        "a child in their area."
                    ),
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "voluntary-and-advocacy-organisations",
                    "purpose": (
                        "To refer children and families to commissioned family support and "
                        "advocacy services."
                    ),
                    "frequency": "when-necessary",
                },
            ],
            "lawful_bases": [
                {
                    "provision": "A6-1-e",
                    "schedule_1_condition": "",
                    "legislation": (
                        "Children Act 1989\nChildren Act 2004\nChildren and Social Work Act 2017"
                    ),
                    "explanation": (
                        "Most of our children's social care work, including the Children's Front "
                        "Door and the referral triage tool."
                    ),
                },
                {
                    "provision": "A6-1-c",
                    "schedule_1_condition": "",
                    "legislation": "Children Act 1989\nAdoption and Children Act 2002",
                    "explanation": (
                        "Where a law requires us to act, such as child protection enquiries, care "
                        "planning and statutory returns."
                    ),
                },
                {
                    "provision": "A9-2-h",
                    "schedule_1_condition": "Part 1, paragraph 2: health or social care purposes",
                    "legislation": "Children Act 1989",
                    "explanation": (
                        "Using health and other special category information to provide social "
                        "care."
                    ),
                },
                {
                    "provision": "A9-2-g",
                    "schedule_1_condition": (
                        "Part 2, paragraph 6: statutory and government purposes"
                    ),
                    "legislation": "Children Act 1989\nChildren Act 2004",
                    "explanation": (
                        "Using special category information to carry out our statutory functions, "
                        "including safeguarding."
                    ),
                },
                {
                    "provision": "A9-2-f",
                    "schedule_1_condition": "",
                    "legislation": "Children Act 1989\nAdoption and Children Act 2002",
                    "explanation": (
                        "Using special category information in court proceedings about children."
                    ),
                },
                {
                    "provision": "A10",
                    "schedule_1_condition": (
                        "Part 2, paragraph 10: preventing or detecting unlawful acts"
                    ),
                    "legislation": "Crime and Disorder Act 1998\nChildren Act 2004",
                    "explanation": (
                        "Receiving police notifications and sharing information about offences to "
                        "keep children safe."
                    ),
                },
            ],
            "retention_periods": [
                {
                    "record_type": "Looked-after children's case records",
                    "record_kind": "looked-after-case-records",
                    "trigger": "date-of-birth",
                    "years": 75,
                    "months": 0,
                    "is_minimum": False,
                    "source": (
                        "Care Planning, Placement and Case Review (England) Regulations 2010, "
                        "regulation 50"
                    ),
                    "notes": "",
                },
                {
                    "record_type": "Care leaver records",
                    "record_kind": "care-leaver-records",
                    "trigger": "date-of-birth",
                    "years": 75,
                    "months": 0,
                    "is_minimum": False,
                    "source": "Brackendale records retention schedule",
                    "notes": "Kept with the young person's looked-after case record.",
                },
                {
                    "record_type": "Adoption records",
                    "record_kind": "adoption-records",
                    "trigger": "adoption-order",
                    "years": 100,
                    "months": 0,
                    "is_minimum": True,
                    "source": "Adoption Agencies Regulations 2005, regulation 21",
                    "notes": "",
                },
                {
                    "record_type": "Child in need records",
                    "record_kind": "child-in-need-records",
                    "trigger": "case-closure",
                    "years": 6,
                    "months": 0,
                    "is_minimum": False,
                    "source": "Brackendale records retention schedule",
                    "notes": "Or until the child's 25th birthday, if that is later.",
                },
                {
                    "record_type": "Child protection records",
                    "record_kind": "child-protection-records",
                    "trigger": "case-closure",
                    "years": 30,
                    "months": 0,
                    "is_minimum": False,
                    "source": "Brackendale records retention schedule",
                    "notes": "",
                },
                {
                    "record_type": "Referral triage ratings",
                    "record_kind": None,
                    "trigger": "record-created",
                    "years": 2,
                    "months": 0,
                    "is_minimum": False,
                    "source": "Brackendale records retention schedule",
                    "notes": (
                        "The rating only. The referral itself and the social worker's decision are "
                        "kept with the child's record."
                    ),
                },
            ],
        },
    },
    {
        "slug": "kestrelford",
        "name": "Kestrelford Council",
        "kind": "unitary",
        "website": "https://www.kestrelford.example",
        "general_privacy_notice_url": "https://www.kestrelford.example/privacy",
        "controller_email": "privacy@kestrelford.example",
        "controller_phone": "01632 960375",
        "controller_address": (
            "Kestrelford Council\nThe Guildhall\n14 Riverside Way\nKestrelford\nKF2 7RW"
        ),
        "dpo_name": "Data Protection Officer",
        "dpo_email": "dataprotectionofficer@kestrelford.example",
        "dpo_phone": "01632 960376",
        "dpo_address": (
            "Data Protection Officer\n"
            "Kestrelford Council\n"
            "The Guildhall\n"
            "14 Riverside Way\n"
            "Kestrelford\n"
            "KF2 7RW"
        ),
        "ico_registration_number": "Z7730458",
        "notice": {
            "title": "Children's social care privacy notice",
            "introduction": (
                "Kestrelford Council provides social care for children and young people who need "
                "help or protection, children we look after, care leavers, and families going "
                "through adoption or fostering. To do that well, we need to know about the people "
                "we work with.\n\n"
                "This notice sets out the personal information our children's social care teams "
                "use, and what happens to it. It sits alongside the council's [main privacy "
                "notice](https://www.kestrelford.example/privacy). If anything here is unclear, "
                "please get in touch: our contact details are at the end."
            ),
            "young_people_summary": (
                "**What this is about**\n\n"
                "This page is about the information we keep when we help you. Here are the main "
                "points.\n\n"
                "- We write things down so the people helping you know what you need.\n"
                "- Your records are stored safely in the UK.\n"
                "- If you are a care leaver, you can choose to check your identity with a selfie "
                "to open a Care Leavers Hub account. You do not have to. You can meet your "
                "personal adviser instead.\n"
                "- We only share your information when we need to, like with your school or "
                "doctor.\n"
                "- You can ask to see your records.\n\n"
                "You can ask your social worker, personal adviser or an advocate to help you with "
                "any of this."
            ),
            "last_reviewed": "2026-02-10",
            "review_due": "2027-02-10",
            "sections": [
                {
                    "heading": "Why we need your information",
                    "anchor": "why-we-need-your-information",
                    "ico_item": "purposes",
                    "body": (
                        "Our children's social care teams use personal information to:\n\n"
                        "- respond when someone is worried about a child, and find out whether the "
                        "child needs help or protection;\n"
                        "- work with children and families to agree and deliver plans;\n"
                        "- care for children we look after, choose the right foster carers or "
                        "homes for them, and plan for their futures;\n"
                        "- stay in touch with care leavers and help them with housing, education, "
                        "work, health and money;\n"
                        "- approve and support foster carers, and work with our regional adoption "
                        "agency on adoption;\n"
                        "- give evidence to the family court;\n"
                        "- run the Care Leavers Hub, our online service for care leavers;\n"
                        "- check and improve our work, and report to the Department for Education "
                        "and to Ofsted."
                    ),
                },
                {
                    "heading": "Our legal reasons",
                    "anchor": "our-legal-reasons",
                    "ico_item": "lawful-basis",
                    "body": (
                        "The main reason we can use your information is that we are carrying out "
                        "public tasks given to us by law (UK GDPR Article 6(1)(e)). Some of our "
                        "work is a direct legal obligation (Article 6(1)(c)), such as sending "
                        "statutory returns to the Department for Education.\n\n"
                        "For sensitive information, such as health, ethnicity, religion or sexual "
                        "orientation, we rely on the conditions for social care and for "
                        "safeguarding in Schedule 1 of the Data Protection Act 2018.\n\n"
                        "The one thing we ask your **explicit consent** for is the face check used "
                        "to open a Care Leavers Hub account (see below). You can say no, and you "
                        "can change your mind at any time.\n\n"
                        "Every basis we rely on is listed, with the laws behind it, in the [table "
                        "of lawful bases](#lawful-bases)."
                    ),
                },
                {
                    "heading": "The information we hold",
                    "anchor": "the-information-we-hold",
                    "ico_item": "categories",
                    "body": (
                        "The [data categories table](#data-categories) lists the types of "
                        "information we hold and what each one includes. Most people's records "
                        "contain only some of them. Special category information, such as health "
                        "or religion, is recorded only when it matters for a child's care: for "
                        "example so that a foster home can respect a child's faith, or so that a "
                        "young person who has told us about their sexual orientation gets the "
                        "right support."
                    ),
                },
                {
                    "heading": "Where it comes from",
                    "anchor": "where-it-comes-from",
                    "ico_item": "sources",
                    "body": (
                        "We get information from:\n\n"
                        "- you, your parents and the people who care for you;\n"
                        "- professionals who are worried about a child, such as teachers, doctors, "
                        "health visitors and the police;\n"
                        "- foster carers, children's homes and other people who look after "
                        "children for us;\n"
                        "- the family court, Cafcass and solicitors;\n"
                        "- other councils, when a child has lived in their area;\n"
                        "- our regional adoption agency.\n\n"
                        "Sometimes we must gather information without telling a family straight "
                        "away, if telling them could put a child at risk."
                    ),
                },
                {
                    "heading": "Do you have to give us your information?",
                    "anchor": "do-you-have-to-give-us-information",
                    "ico_item": "statutory-requirement",
                    "body": (
                        "Most of the information we ask for is needed so that we can do what the "
                        "law asks of us, such as assessing a child's needs or looking after a "
                        "child in our care. Even so, in most cases the law does not make you "
                        "answer our questions. If you decide not to, we will explain what that "
                        "could mean: usually that we cannot offer the right help, or not as "
                        "quickly.\n\n"
                        "If we are worried that a child is at risk of significant harm, we have a "
                        "duty to find out more, and we may gather information from other "
                        "professionals even if a family would rather we did not.\n\n"
                        "People applying to be foster carers need to give us the information the "
                        "fostering regulations require, or we cannot complete their assessment. "
                        "Care leavers never have to do the Care Leavers Hub face check."
                    ),
                },
                {
                    "heading": "Who we share it with",
                    "anchor": "who-we-share-it-with",
                    "ico_item": "recipients",
                    "body": (
                        "We share information with other organisations when it is needed to keep a "
                        "child safe, to provide a service, or because the law requires us to. The "
                        "[recipients table](#recipients) shows who they are, what we share for and "
                        "how often.\n\n"
                        "We only share what the other organisation needs, and we use secure email "
                        "or shared systems to send it.\n\n"
                        "We send information about children in need and children we look after to "
                        "the Department for Education every year. [The section on how the "
                        "Department for Education uses this data](#shared-block) explains why."
                    ),
                },
                {
                    "heading": "How long we keep it",
                    "anchor": "how-long-we-keep-it",
                    "ico_item": "retention",
                    "body": (
                        "We follow the retention periods that the law sets for records of children "
                        "in care and of adoption. For other records, we follow our own retention "
                        "schedule, which we review every two years. The [retention "
                        "table](#retention) sets them all out.\n\n"
                        "At the end of a retention period, records are deleted from our systems "
                        "and any paper files are shredded by an approved contractor."
                    ),
                },
                {
                    "heading": "Where your information is stored",
                    "anchor": "where-your-information-is-stored",
                    "ico_item": "transfers-abroad",
                    "body": (
                        "Our children's social care case management system is supplied by a "
                        "specialist software company and runs in its cloud service. Your records "
                        "are stored in data centres in the United Kingdom.\n\n"
                        "Some of the company's support engineers work in Ireland and the "
                        "Netherlands. If they need to look at a record to fix a technical fault, "
                        "that is a transfer outside the UK. The UK has adequacy regulations "
                        "covering the European Economic Area, which means UK law treats those "
                        "countries as protecting personal data to the same standard. Our contract "
                        "with the company also says that:\n\n"
                        "- support staff can only look at records when we have approved it, and "
                        "every access is logged;\n"
                        "- the company cannot use your information for its own purposes;\n"
                        "- information is encrypted when it is stored and when it is sent.\n\n"
                        "We do not transfer information anywhere else outside the UK."
                    ),
                },
                {
                    "heading": "Face checks for the Care Leavers Hub",
                    "anchor": "care-leavers-hub-face-checks",
                    "ico_item": "other",
                    "body": (
                        "Care leavers aged 18 to 25 can use the Care Leavers Hub to see their "
                        "pathway plan, message their personal adviser and ask for payments. To "
                        "open an account, a young person needs to prove who they are.\n\n"
                        "One way to do that is a face check: you take a photo of your face and a "
                        "photo of your ID, and a system compares them. This uses biometric data, "
                        "so we only do it if you give your explicit consent. The check is carried "
                        "out for us by an identity verification company, in the UK.\n\n"
                        "- The face images and the measurements taken from them are deleted within "
                        "one month.\n"
                        "- We keep only the result of the check and the date.\n"
                        "- If you would rather not do a face check, your personal adviser can "
                        "check your ID in person instead. Your support does not change either "
                        "way.\n\n"
                        "You can change your mind at any time: the next section explains how."
                    ),
                },
                {
                    "heading": "Changing your mind about the face check",
                    "anchor": "changing-your-mind-about-the-face-check",
                    "ico_item": "withdrawing-consent",
                    "body": (
                        "The face check is the only thing we ask your consent for. You can "
                        "withdraw your consent at any time, before or after the check, by telling "
                        "your personal adviser or the Data Protection Officer. It costs nothing "
                        "and you do not have to give a reason.\n\n"
                        "If you withdraw it, we stop using the face check for you and delete any "
                        "images we still have. Your personal adviser will check your ID in person "
                        "instead, and your Hub account and your support carry on as before. "
                        "Withdrawing consent does not make a check that was already done "
                        "unlawful."
                    ),
                },
                {
                    "heading": "Computers making decisions",
                    "anchor": "computers-making-decisions",
                    "ico_item": "automated-decisions",
                    "body": (
                        "We do not use computers to make decisions about children or families "
                        "without a person involved. The Care Leavers Hub face check only confirms "
                        "who you are. If it cannot confirm this, your personal adviser will check "
                        "your ID in person instead, and you will not lose out."
                    ),
                },
                {
                    "heading": "Your data rights",
                    "anchor": "your-data-rights",
                    "ico_item": "rights",
                    "body": (
                        "You have rights over your information. You can ask us:\n\n"
                        "- for a copy of what we hold about you;\n"
                        "- to correct anything that is wrong, or add to anything that is "
                        "incomplete;\n"
                        "- to delete information. We will do this where we can, but we cannot "
                        "delete records the law tells us to keep;\n"
                        "- to restrict how we use it while a problem is sorted out;\n"
                        "- to stop using it, if you object to what we are doing. We will stop "
                        "unless we have a strong enough reason to continue;\n"
                        "- to stop using your face check data, by withdrawing your consent.\n\n"
                        "To ask, email or write to the Data Protection Officer. We will normally "
                        "answer within a month. Adults who were in our care as children can also "
                        "ask for their care records. We will arrange for someone to go through "
                        "them with you if you would like that."
                    ),
                },
                {
                    "heading": "Raising a concern",
                    "anchor": "raising-a-concern",
                    "ico_item": "complaints",
                    "body": (
                        "If you are worried about how we have used your information, please talk "
                        "to us first. Contact the Data Protection Officer and we will look into "
                        "it.\n\n"
                        "You have the right to complain to the Information Commissioner's Office "
                        "at any time. Call the helpline on 0303 123 1113, or write to Information "
                        "Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, SK9 5AF."
                    ),
                },
                {
                    "heading": "Get in touch",
                    "anchor": "get-in-touch",
                    "ico_item": "contact",
                    "body": (
                        "**Data Protection Officer, Kestrelford Council**\n\n"
                        "- email: dataprotectionofficer@kestrelford.example\n"
                        "- phone: 01632 960376\n"
                        "- post: The Guildhall, 14 Riverside Way, Kestrelford, KF2 7RW\n\n"
                        "For general questions about children's services, phone 01632 960375."
                    ),
                },
            ],
            "data_categories": [
                {
                    "category": "personal-details",
                    "detail": (
                        "Names, dates of birth, addresses, contact details, NHS numbers and unique "
                        "pupil numbers."
                    ),
                },
                {
                    "category": "characteristics",
                    "detail": (
                        "Sex, ethnicity, nationality, first language and communication needs."
                    ),
                },
                {
                    "category": "religion-or-belief",
                    "detail": (
                        "The child's religion or belief and any related needs, such as diet or "
                        "observance, so that placements can respect them."
                    ),
                },
                {
                    "category": "sexual-orientation",
                    "detail": (
                        "Recorded only where a young person has told us and it is relevant to "
                        "their support."
                    ),
                },
                {
                    "category": "child-in-need-episodes",
                    "detail": "Referrals, assessments, child in need plans and reviews.",
                },
                {
                    "category": "child-protection",
                    "detail": (
                        "Section 47 enquiries, child protection conferences, plans and core group "
                        "notes."
                    ),
                },
                {
                    "category": "looked-after-episodes",
                    "detail": "Placements, legal status, care plans, reviews and missing episodes.",
                },
                {
                    "category": "looked-after-outcomes",
                    "detail": (
                        "Health assessments, dental checks, immunisations, Strengths and "
                        "Difficulties Questionnaire scores and educational progress."
                    ),
                },
                {
                    "category": "adoption",
                    "detail": (
                        "Adoption plans, matching, placement and adoption order dates, and "
                        "adoption support."
                    ),
                },
                {
                    "category": "care-leavers",
                    "detail": (
                        "Pathway plans, personal adviser contact, accommodation, activity, and "
                        "Care Leavers Hub account details."
                    ),
                },
                {
                    "category": "criminal-offence-data",
                    "detail": (
                        "Allegations and offences where they matter for a child's safety, "
                        "including information the police share at strategy discussions."
                    ),
                },
                {
                    "category": "biometric-data",
                    "detail": (
                        "Facial images and measurements used in the optional Care Leavers Hub face "
                        "check, deleted within one month."
                    ),
                },
            ],
            "recipients": [
                {
                    "recipient": "department-for-education",
                    "purpose": (
                        "To send the statutory children in need and looked-after children returns."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "nhs-and-health-services",
                    "purpose": (
                        "To arrange health assessments for children in care and to plan support "
                        "with health professionals."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "schools-and-education-settings",
                    "purpose": (
                        "To support children at school, including personal education plans and the "
                        "virtual school."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "foster-carers-and-residential-providers",
                    "purpose": (
                        "To make sure carers know what they need to care for a child safely."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "regional-adoption-agency",
                    "purpose": "To plan and support adoptions with our regional adoption agency.",
                    "frequency": "routinely",
                },
                {
                    "recipient": "voluntary-and-advocacy-organisations",
                    "purpose": (
                        "To refer children in care and care leavers to our commissioned advocacy "
                        "and independent visitor service."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "police",
                    "purpose": (
                        "To protect children at risk of harm and to report crimes against children."
                    ),
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "courts-and-cafcass",
                    "purpose": "To give evidence and reports in family court proceedings.",
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "solicitors-and-legal-advisers",
                    "purpose": (
                        "To get legal advice and to disclose documents to the parties in court "
                        "proceedings."
                    ),
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "local-government-and-social-care-ombudsman",
                    "purpose": (
                        "To answer the Ombudsman's questions when it investigates a complaint."
                    ),
                    "frequency": "when-necessary",
                },
            ],
            "lawful_bases": [
                {
                    "provision": "A6-1-e",
                    "schedule_1_condition": "",
                    "legislation": (
                        "Children Act 1989\n"
                        "Children and Social Work Act 2017\n"
                        "Local Authority Social Services Act 1970"
                    ),
                    "explanation": (
                        "Our children's social care work in general, including the Care Leavers "
                        "Hub."
                    ),
                },
                {
                    "provision": "A6-1-c",
                    "schedule_1_condition": "",
                    "legislation": (
                        "Children Act 1989\n"
                        "Adoption and Children Act 2002\n"
                        "Children and Families Act 2014"
                    ),
                    "explanation": (
                        "Statutory duties, such as child protection enquiries, care planning and "
                        "returns to the Department for Education."
                    ),
                },
                {
                    "provision": "A9-2-h",
                    "schedule_1_condition": "Part 1, paragraph 2: health or social care purposes",
                    "legislation": "Children Act 1989",
                    "explanation": (
                        "Using health, religion, ethnicity and other special category data to "
                        "provide social care."
                    ),
                },
                {
                    "provision": "A9-2-g",
                    "schedule_1_condition": (
                        "Part 2, paragraph 18: safeguarding of children and individuals at risk"
                    ),
                    "legislation": "Children Act 1989\nChildren Act 2004",
                    "explanation": "Using special category data to protect children from harm.",
                },
                {
                    "provision": "A9-2-a",
                    "schedule_1_condition": "",
                    "legislation": "",
                    "explanation": (
                        "The optional face check for the Care Leavers Hub, which uses biometric "
                        "data only with the young person's explicit consent."
                    ),
                },
                {
                    "provision": "A10",
                    "schedule_1_condition": (
                        "Part 2, paragraph 18: safeguarding of children and individuals at risk"
                    ),
                    "legislation": "Children Act 1989",
                    "explanation": (
                        "Information about offences and allegations, where needed to keep a child "
                        "safe."
                    ),
                },
            ],
            "retention_periods": [
                {
                    "record_type": "Case records of looked-after children",
                    "record_kind": "looked-after-case-records",
                    "trigger": "date-of-birth",
                    "years": 75,
                    "months": 0,
                    "is_minimum": False,
                    "source": (
                        "Care Planning, Placement and Case Review (England) Regulations 2010, "
                        "regulation 50"
                    ),
                    "notes": "",
                },
                {
                    "record_type": (
                        "Case records of looked-after children who die before turning 18"
                    ),
                    "record_kind": "looked-after-case-records",
                    "trigger": "death",
                    "years": 15,
                    "months": 0,
                    "is_minimum": False,
                    "source": (
                        "Care Planning, Placement and Case Review (England) Regulations 2010, "
                        "regulation 50"
                    ),
                    "notes": "",
                },
                {
                    "record_type": "Adoption case records",
                    "record_kind": "adoption-records",
                    "trigger": "adoption-order",
                    "years": 100,
                    "months": 0,
                    "is_minimum": True,
                    "source": "Adoption Agencies Regulations 2005, regulation 21",
                    "notes": "",
                },
                {
                    "record_type": "Child in need and child protection records",
                    "record_kind": "child-in-need-records",
                    "trigger": "case-closure",
                    "years": 25,
                    "months": 0,
                    "is_minimum": False,
                    "source": "Kestrelford Council retention schedule",
                    "notes": "",
                },
                {
                    "record_type": "Foster carer records",
                    "record_kind": "foster-carer-records",
                    "trigger": "case-closure",
                    "years": 10,
                    "months": 0,
                    "is_minimum": True,
                    "source": "Fostering Services (England) Regulations 2011",
                    "notes": "Counted from the date the carer's approval ends.",
                },
                {
                    "record_type": "Care Leavers Hub face check images",
                    "record_kind": "biometric-data",
                    "trigger": "record-created",
                    "years": 0,
                    "months": 1,
                    "is_minimum": False,
                    "source": "Kestrelford Council retention schedule",
                    "notes": "Only the result of the check and its date are kept after this.",
                },
            ],
        },
    },
    {
        "slug": "ashcombe-vale",
        "name": "London Borough of Ashcombe Vale",
        "kind": "london-borough",
        "website": "https://www.ashcombevale.example",
        "general_privacy_notice_url": "https://www.ashcombevale.example/privacy",
        "controller_email": "infogov@ashcombevale.example",
        "controller_phone": "020 7946 0410",
        "controller_address": (
            "London Borough of Ashcombe Vale\nTown Hall\n1 Vale Parade\nLondon\nAV1 4TH"
        ),
        "dpo_name": "Head of Information Governance and Data Protection Officer",
        "dpo_email": "dpo@ashcombevale.example",
        "dpo_phone": "020 7946 0411",
        "dpo_address": (
            "Information Governance\n"
            "London Borough of Ashcombe Vale\n"
            "Town Hall\n"
            "1 Vale Parade\n"
            "London\n"
            "AV1 4TH"
        ),
        "ico_registration_number": "ZA604913",
        "notice": {
            "title": "Children's social care privacy notice",
            "introduction": (
                "The London Borough of Ashcombe Vale is responsible for children's social care in "
                "the borough. This notice covers:\n\n"
                "- children and young people who receive help, protection or care from us;\n"
                "- care leavers, including young people who came to the UK as unaccompanied "
                "children seeking asylum;\n"
                "- parents, carers, relatives and other adults named in children's records.\n\n"
                "You can ask for this notice in another language, in large print or in an easy "
                "read version. Phone 020 7946 0410. Our [corporate privacy "
                "notice](https://www.ashcombevale.example/privacy) explains how the council "
                "handles personal information in other services."
            ),
            "young_people_summary": (
                "**About your information**\n\n"
                "We are the council. We keep records about you because we help you or look after "
                "you.\n\n"
                "- We write down what you tell us and what other people tell us about you.\n"
                "- We use your records to plan how to keep you safe and well.\n"
                "- We share them only when we need to. For example, with your school, your doctor, "
                "or the Home Office if you have asked to stay in the UK.\n"
                "- You can ask to see your records. We can get an interpreter to help you.\n"
                "- If something is wrong, we can fix it.\n\n"
                "Your social worker, personal adviser or advocate can help you ask us anything."
            ),
            "last_reviewed": "2026-04-20",
            "review_due": "2027-04-20",
            "sections": [
                {
                    "heading": "How we use information",
                    "anchor": "how-we-use-information",
                    "ico_item": "purposes",
                    "body": (
                        "We use personal information to:\n\n"
                        "- respond to concerns about children and decide what help is needed;\n"
                        "- assess and support children in need and their families;\n"
                        "- investigate and protect children at risk of significant harm;\n"
                        "- care for children we look after, including unaccompanied children "
                        "seeking asylum;\n"
                        "- support care leavers until they are 25;\n"
                        "- plan for permanence through adoption, special guardianship or staying "
                        "with family;\n"
                        "- take part in family court proceedings;\n"
                        "- monitor and improve our services and meet our reporting duties."
                    ),
                },
                {
                    "heading": "Lawful bases we rely on",
                    "anchor": "lawful-bases-we-rely-on",
                    "ico_item": "lawful-basis",
                    "body": (
                        "- **Legal obligation** and **public task** (UK GDPR Article 6(1)(c) and "
                        "(e)) cover almost all of our work.\n"
                        "- **Vital interests** (Articles 6(1)(d) and 9(2)(c)) apply in an "
                        "emergency where someone's life is at risk and they cannot give consent, "
                        "for example when a young person goes missing.\n"
                        "- **Health or social care** (Article 9(2)(h)) covers health, ethnicity, "
                        "religion and other special category information.\n"
                        "- **Article 10** covers information about crimes and allegations, where "
                        "we need it to keep children safe.\n\n"
                        "See the [table of lawful bases](#lawful-bases) for the legislation behind "
                        "each one."
                    ),
                },
                {
                    "heading": "Types of information",
                    "anchor": "types-of-information",
                    "ico_item": "categories",
                    "body": (
                        "The [data categories table](#data-categories) lists each type of "
                        "information and what we hold. It includes immigration and asylum "
                        "information for children and young people who have come to the UK on "
                        "their own, and for families where immigration status affects the support "
                        "we can offer."
                    ),
                },
                {
                    "heading": "How we collect information",
                    "anchor": "how-we-collect-information",
                    "ico_item": "sources",
                    "body": (
                        "- From children, young people, parents and carers.\n"
                        "- From people and agencies who contact our front door with a concern.\n"
                        "- From schools, health services, the police and the youth justice "
                        "service.\n"
                        "- From the Home Office and other councils, including when an "
                        "unaccompanied child is transferred to us under the National Transfer "
                        "Scheme.\n"
                        "- From courts, Cafcass and solicitors.\n"
                        "- From foster carers, children's homes and supported accommodation "
                        "providers."
                    ),
                },
                {
                    "heading": "Do you have to give us information?",
                    "anchor": "do-you-have-to-give-us-information",
                    "ico_item": "statutory-requirement",
                    "body": (
                        "- Most of what we ask for is needed to meet our legal duties to children, "
                        "for example to assess a child's needs or to look after a child in our "
                        "care.\n"
                        "- In most cases the law does not force you to answer. If you do not, we "
                        "may not be able to give the support a child or family needs.\n"
                        "- If we believe a child is at risk of significant harm, we must still "
                        "make enquiries, and we may ask other agencies what they know.\n"
                        "- If the help you are asking for depends on your immigration status, we "
                        "need to know that status to work out what support the law lets us "
                        "give.\n"
                        "- We will tell you when giving information is your choice."
                    ),
                },
                {
                    "heading": "Sharing information",
                    "anchor": "sharing-information",
                    "ico_item": "recipients",
                    "body": (
                        "We share information only when it is lawful and necessary. The "
                        "[recipients table](#recipients) gives each organisation, the reason and "
                        "how often.\n\n"
                        "- London children often move between boroughs, so we share with other "
                        "councils routinely, for example when a child is placed outside Ashcombe "
                        "Vale.\n"
                        "- We share care leavers' details with housing providers so they can offer "
                        "suitable homes.\n"
                        "- We share with the Home Office only for immigration and asylum matters, "
                        "such as supporting a young person's asylum claim or an age assessment. We "
                        "do not share social care records with the Home Office for immigration "
                        "enforcement.\n\n"
                        "The Department for Education receives yearly returns about children in "
                        "need and children we look after. [The section on how the Department for "
                        "Education uses this data](#shared-block) explains how it uses them."
                    ),
                },
                {
                    "heading": "Retention of records",
                    "anchor": "retention-of-records",
                    "ico_item": "retention",
                    "body": (
                        "- We keep records for the periods shown in the [retention "
                        "table](#retention).\n"
                        "- Some periods are set by law; the rest come from our records retention "
                        "schedule.\n"
                        "- At the end of the period we review each record, then delete or securely "
                        "destroy it."
                    ),
                },
                {
                    "heading": "Security of information",
                    "anchor": "security-of-information",
                    "ico_item": "other",
                    "body": (
                        "- Our case management system is hosted in UK data centres.\n"
                        "- Staff can only open the records they need for their work, and access is "
                        "audited.\n"
                        "- All staff complete data protection training every year.\n"
                        "- Paper records are kept in locked storage and are scanned wherever "
                        "possible."
                    ),
                },
                {
                    "heading": "Automated decisions",
                    "anchor": "automated-decisions",
                    "ico_item": "automated-decisions",
                    "body": (
                        "We do not make decisions about children or families by automated means. "
                        "People make all decisions."
                    ),
                },
                {
                    "heading": "International transfers",
                    "anchor": "international-transfers",
                    "ico_item": "transfers-abroad",
                    "body": (
                        "We do not routinely send information outside the UK. Many families in "
                        "Ashcombe Vale have relatives in other countries. Occasionally, to protect "
                        "a child or to assess a relative abroad as a possible carer, we need to "
                        "contact children's services or a court in another country. We decide each "
                        "case on its own merits and share only what is needed. Any transfer must "
                        "meet the UK GDPR rules for international transfers, for example because "
                        "it is necessary for important reasons of public interest or for legal "
                        "proceedings."
                    ),
                },
                {
                    "heading": "Your rights",
                    "anchor": "your-rights",
                    "ico_item": "rights",
                    "body": (
                        "You can ask us to:\n\n"
                        "- **show you** the information we hold about you and give you a copy;\n"
                        "- **correct** anything that is inaccurate or incomplete;\n"
                        "- **erase** information, where the law does not require us to keep it;\n"
                        "- **restrict** how we use information while we check a concern;\n"
                        "- **stop** using information in a certain way (objection), unless we have "
                        "compelling reasons to continue, such as protecting a child.\n\n"
                        "Contact the Data Protection Officer to make a request. We answer within "
                        "one month, or within three months for complex requests, and we will tell "
                        "you if we need longer. We can provide an interpreter."
                    ),
                },
                {
                    "heading": "Complaints",
                    "anchor": "complaints",
                    "ico_item": "complaints",
                    "body": (
                        "Contact our Data Protection Officer first if you are unhappy with how we "
                        "have handled your information.\n\n"
                        "You can complain to the Information Commissioner's Office at any time:\n\n"
                        "- helpline: 0303 123 1113\n"
                        "- address: Information Commissioner's Office, Wycliffe House, Water Lane, "
                        "Wilmslow, SK9 5AF"
                    ),
                },
                {
                    "heading": "Contact details",
                    "anchor": "contact-details",
                    "ico_item": "contact",
                    "body": (
                        "**Data Protection Officer**\n\n"
                        "- email: dpo@ashcombevale.example\n"
                        "- phone: 020 7946 0411\n"
                        "- post: Information Governance, London Borough of Ashcombe Vale, Town "
                        "Hall, 1 Vale Parade, London, AV1 4TH"
                    ),
                },
            ],
            "data_categories": [
                {
                    "category": "personal-details",
                    "detail": (
                        "Names (including previous names), dates of birth, addresses, contact "
                        "details, NHS numbers, unique pupil numbers and Home Office reference "
                        "numbers."
                    ),
                },
                {
                    "category": "characteristics",
                    "detail": (
                        "Sex, ethnicity, nationality, languages spoken and whether an interpreter "
                        "is needed."
                    ),
                },
                {
                    "category": "immigration-status",
                    "detail": (
                        "Immigration status, asylum claims and decisions, and age assessments."
                    ),
                },
                {
                    "category": "religion-or-belief",
                    "detail": "Religion or belief, so that care and placements respect it.",
                },
                {
                    "category": "family-and-relationships",
                    "detail": (
                        "Family members in the UK and abroad, household members and contact "
                        "arrangements."
                    ),
                },
                {
                    "category": "child-in-need-episodes",
                    "detail": "Contacts, referrals, assessments and child in need plans.",
                },
                {
                    "category": "child-protection",
                    "detail": (
                        "Strategy discussions, section 47 enquiries, conferences and child "
                        "protection plans."
                    ),
                },
                {
                    "category": "looked-after-episodes",
                    "detail": "Legal status, placements, care plans, reviews and missing episodes.",
                },
                {
                    "category": "criminal-offence-data",
                    "detail": (
                        "Offending, criminal exploitation and allegations, where we need them to "
                        "protect a child."
                    ),
                },
                {
                    "category": "adoption",
                    "detail": "Adoption plans, matching, placement and adoption orders.",
                },
                {
                    "category": "care-leavers",
                    "detail": (
                        "Pathway plans, personal adviser contact, accommodation and activity."
                    ),
                },
                {
                    "category": "health",
                    "detail": (
                        "Physical and mental health, including the health needs of young people "
                        "who have experienced trauma."
                    ),
                },
            ],
            "recipients": [
                {
                    "recipient": "department-for-education",
                    "purpose": (
                        "Yearly statutory returns about children in need and children we look "
                        "after."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "other-local-authorities",
                    "purpose": (
                        "Placements in other boroughs, case transfers and the National Transfer "
                        "Scheme for unaccompanied children."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "nhs-and-health-services",
                    "purpose": (
                        "Health assessments for children in care and joint work on children's "
                        "health needs."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "schools-and-education-settings",
                    "purpose": "Support for children's learning and safety at school.",
                    "frequency": "routinely",
                },
                {
                    "recipient": "housing-providers",
                    "purpose": (
                        "Suitable homes for care leavers and support to help them keep their "
                        "tenancies."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "voluntary-and-advocacy-organisations",
                    "purpose": (
                        "Advocacy, independent visitors and specialist support for young refugees."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "home-office",
                    "purpose": (
                        "Asylum claims, age assessments and immigration matters for children and "
                        "care leavers we support."
                    ),
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "police",
                    "purpose": (
                        "Protecting children at risk, including children who go missing or are "
                        "being exploited."
                    ),
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "courts-and-cafcass",
                    "purpose": "Evidence and reports in family proceedings.",
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "solicitors-and-legal-advisers",
                    "purpose": "Legal advice, court proceedings and immigration cases.",
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "department-for-work-and-pensions",
                    "purpose": "Helping care leavers claim benefits, with their agreement.",
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "youth-justice-service",
                    "purpose": (
                        "Joint planning for children also working with the youth justice service."
                    ),
                    "frequency": "when-necessary",
                },
            ],
            "lawful_bases": [
                {
                    "provision": "A6-1-c",
                    "schedule_1_condition": "",
                    "legislation": (
                        "Children Act 1989\nAdoption and Children Act 2002\nImmigration Act 2016"
                    ),
                    "explanation": (
                        "Statutory duties, including child protection enquiries, looking after "
                        "children and statutory returns."
                    ),
                },
                {
                    "provision": "A6-1-e",
                    "schedule_1_condition": "",
                    "legislation": (
                        "Children Act 1989\nChildren Act 2004\nChildren and Social Work Act 2017"
                    ),
                    "explanation": (
                        "Our wider social care functions, including early help and support for "
                        "care leavers."
                    ),
                },
                {
                    "provision": "A6-1-d",
                    "schedule_1_condition": "",
                    "legislation": "",
                    "explanation": (
                        "Emergencies where a child's or another person's life is at risk, for "
                        "example when a young person is missing."
                    ),
                },
                {
                    "provision": "A9-2-c",
                    "schedule_1_condition": "",
                    "legislation": "",
                    "explanation": (
                        "Sharing health or other special category information in an emergency "
                        "where the person cannot consent."
                    ),
                },
                {
                    "provision": "A9-2-h",
                    "schedule_1_condition": "Part 1, paragraph 2: health or social care purposes",
                    "legislation": "Children Act 1989",
                    "explanation": "Special category information used to provide social care.",
                },
                {
                    "provision": "A10",
                    "schedule_1_condition": (
                        "Part 2, paragraph 18: safeguarding of children and individuals at risk"
                    ),
                    "legislation": "Children Act 1989\nCrime and Disorder Act 1998",
                    "explanation": (
                        "Information about offences and allegations, including exploitation, used "
                        "to protect children."
                    ),
                },
            ],
            "retention_periods": [
                {
                    "record_type": "Looked-after children's case records",
                    "record_kind": "looked-after-case-records",
                    "trigger": "date-of-birth",
                    "years": 75,
                    "months": 0,
                    "is_minimum": False,
                    "source": (
                        "Care Planning, Placement and Case Review (England) Regulations 2010, "
                        "regulation 50"
                    ),
                    "notes": "",
                },
                {
                    "record_type": "Care leaver records",
                    "record_kind": "care-leaver-records",
                    "trigger": "date-of-birth",
                    "years": 75,
                    "months": 0,
                    "is_minimum": False,
                    "source": "Ashcombe Vale records retention schedule",
                    "notes": "",
                },
                {
                    "record_type": "Adoption records",
                    "record_kind": "adoption-records",
                    "trigger": "adoption-order",
                    "years": 100,
                    "months": 0,
                    "is_minimum": True,
                    "source": "Adoption Agencies Regulations 2005, regulation 21",
                    "notes": "",
                },
                {
                    "record_type": "Child in need records",
                    "record_kind": "child-in-need-records",
                    "trigger": "case-closure",
                    "years": 10,
                    "months": 0,
                    "is_minimum": False,
                    "source": "Ashcombe Vale records retention schedule",
                    "notes": "",
                },
                {
                    "record_type": "Child protection records",
                    "record_kind": "child-protection-records",
                    "trigger": "case-closure",
                    "years": 35,
                    "months": 0,
                    "is_minimum": False,
                    "source": "Ashcombe Vale records retention schedule",
                    "notes": "",
                },
                {
                    "record_type": "Contacts that do not lead to a referral",
                    "record_kind": "contacts-without-referral",
                    "trigger": "last-contact",
                    "years": 2,
                    "months": 0,
                    "is_minimum": False,
                    "source": "Ashcombe Vale records retention schedule",
                    "notes": "",
                },
            ],
        },
    },
    {
        "slug": "merrowgate",
        "name": "City of Merrowgate Corporation",
        "kind": "city-corporation",
        "website": "https://www.merrowgate.example",
        "general_privacy_notice_url": "https://www.merrowgate.example/privacy",
        "controller_email": "data.protection@merrowgate.example",
        "controller_phone": "01632 960588",
        "controller_address": (
            "City of Merrowgate Corporation\n"
            "Corporation Offices\n"
            "3 Bridge Street\n"
            "Merrowgate\n"
            "MG1 3BS"
        ),
        "dpo_name": "Corporate Data Protection Officer",
        "dpo_email": "dpo@merrowgate.example",
        "dpo_phone": "01632 960589",
        "dpo_address": (
            "Corporate Data Protection Officer\n"
            "City of Merrowgate Corporation\n"
            "Corporation Offices\n"
            "3 Bridge Street\n"
            "Merrowgate\n"
            "MG1 3BS"
        ),
        "ico_registration_number": "Z8156702",
        "notice": {
            "title": "Children's social care privacy notice",
            "introduction": (
                'The City of Merrowgate Corporation ("the Corporation") is the local authority '
                "for the City of Merrowgate and is responsible for its children's social care "
                "services. The Corporation is the controller of the personal data described in "
                "this notice.\n\n"
                "This notice applies to children and young people known to the Corporation's "
                "Children's Social Care Service, including those it looks after and those leaving "
                "its care, and to the family members, carers and others whose details are recorded "
                "in their files. It should be read with the Corporation's [general privacy "
                "notice](https://www.merrowgate.example/privacy)."
            ),
            "young_people_summary": (
                "**A quick guide for young people**\n\n"
                "The Corporation is the council for Merrowgate. When we help you, we keep a "
                "record. This is what you need to know.\n\n"
                "- We keep your record so that the people helping you know your story and what you "
                "need.\n"
                "- Your record is kept safe. Only people who need it can see it.\n"
                "- If you live in one of our supported homes, you can use your fingerprint to open "
                "the front door. You can use a key fob instead. It is your choice.\n"
                "- We sometimes share information with others, such as your school or a doctor, "
                "when it helps you or keeps you safe.\n"
                "- You can ask to see your record, and to fix mistakes.\n\n"
                "If you have a question, ask your social worker or personal adviser. They will "
                "help you."
            ),
            "last_reviewed": "2026-01-05",
            "review_due": "2027-07-05",
            "sections": [
                {
                    "heading": "Purposes of processing",
                    "anchor": "purposes-of-processing",
                    "ico_item": "purposes",
                    "body": (
                        "The Corporation processes personal data for the following purposes:\n\n"
                        "1. receiving and assessing referrals about children's welfare;\n"
                        "2. providing services to children in need and their families under Part 3 "
                        "of the Children Act 1989;\n"
                        "3. making enquiries under section 47 of the Children Act 1989 and "
                        "protecting children from significant harm;\n"
                        "4. looking after children, including making and reviewing placements and "
                        "care plans;\n"
                        "5. supporting young people leaving care, including through its supported "
                        "accommodation service;\n"
                        "6. approving foster carers, and arranging adoption and special "
                        "guardianship;\n"
                        "7. conducting family court proceedings;\n"
                        "8. monitoring the quality of services, handling complaints and meeting "
                        "statutory reporting requirements."
                    ),
                },
                {
                    "heading": "Legal basis for processing",
                    "anchor": "legal-basis-for-processing",
                    "ico_item": "lawful-basis",
                    "body": (
                        "The Corporation processes personal data because it is necessary to comply "
                        "with its legal obligations (UK GDPR Article 6(1)(c)) and to perform tasks "
                        "carried out in the public interest, in the exercise of its official "
                        "authority (Article 6(1)(e)).\n\n"
                        "Special category data is processed under Article 9(2)(h), for the "
                        "provision of social care, and under Article 9(2)(g), for reasons of "
                        "substantial public interest, together with the relevant conditions in "
                        "Schedule 1 to the Data Protection Act 2018. Criminal offence data is "
                        "processed under Article 10 and Schedule 1 to that Act.\n\n"
                        "Fingerprint data used for door entry at the Corporation's supported "
                        "accommodation is processed only with the explicit consent of the young "
                        "person (Article 9(2)(a)).\n\n"
                        "The [lawful bases table](#lawful-bases) sets out each provision and the "
                        "legislation relied on."
                    ),
                },
                {
                    "heading": "Personal data processed",
                    "anchor": "personal-data-processed",
                    "ico_item": "categories",
                    "body": (
                        "The categories of personal data processed, with a description of what the "
                        "Corporation holds in each, are given in the [data categories "
                        "table](#data-categories). The Corporation records no more than is "
                        "necessary for the purposes above."
                    ),
                },
                {
                    "heading": "Sources of personal data",
                    "anchor": "sources-of-personal-data",
                    "ico_item": "sources",
                    "body": (
                        "Personal data is obtained from the data subjects themselves and, where "
                        "necessary, from:\n\n"
                        "- persons and agencies making referrals;\n"
                        "- schools and other education providers;\n"
                        "- health professionals;\n"
                        "- the police and the youth justice service;\n"
                        "- other local authorities;\n"
                        "- the family court, Cafcass and legal representatives;\n"
                        "- foster carers and care providers;\n"
                        "- the Corporation's other services, such as housing and education."
                    ),
                },
                {
                    "heading": "Whether personal data must be provided",
                    "anchor": "whether-personal-data-must-be-provided",
                    "ico_item": "statutory-requirement",
                    "body": (
                        "Much of the personal data the Corporation collects is needed for it to "
                        "carry out its statutory duties to children. In most cases, however, no "
                        "law obliges an individual to provide it. Where information is not "
                        "provided, the Corporation may be unable to assess a child's needs fully "
                        "or to provide the services it would otherwise offer.\n\n"
                        "Where the Corporation has reasonable cause to suspect that a child is "
                        "suffering, or is likely to suffer, significant harm, it must make "
                        "enquiries under section 47 of the Children Act 1989 and may obtain "
                        "information from other agencies for that purpose. "
                        "It may also apply to the court for a child assessment order under section "
                        "43 of that Act.\n\n"
                        "Applicants to become foster carers or adopters must provide the "
                        "information that the relevant regulations require for their assessment, "
                        "which cannot be completed without it. Registering a fingerprint for door "
                        "entry is entirely optional."
                    ),
                },
                {
                    "heading": "Disclosure of personal data",
                    "anchor": "disclosure-of-personal-data",
                    "ico_item": "recipients",
                    "body": (
                        "The Corporation discloses personal data to other bodies only where the "
                        "law requires or permits it. The [recipients table](#recipients) "
                        "identifies each recipient, the purpose of disclosure and whether "
                        "disclosure is routine or occasional.\n\n"
                        "The Corporation is required by law to provide information about children "
                        "in need and looked-after children to the Department for Education. [The "
                        "section on how the Department for Education uses this "
                        "data](#shared-block) describes what happens to that information.\n\n"
                        "Any disclosure to protect a child from harm is recorded on the child's "
                        "file, together with the reasons for it."
                    ),
                },
                {
                    "heading": "Retention of personal data",
                    "anchor": "retention-of-personal-data",
                    "ico_item": "retention",
                    "body": (
                        "Personal data is retained in accordance with the periods shown in the "
                        "[retention table](#retention). Where a period is set by statute, the "
                        "statutory provision is given; other periods are set by the Corporation's "
                        "records management policy.\n\n"
                        "On expiry of the retention period, records are reviewed by the "
                        "Corporation's records manager and, unless there is a reason to keep them "
                        "longer, securely destroyed. A record of the destruction is kept."
                    ),
                },
                {
                    "heading": "Fingerprint entry at supported accommodation",
                    "anchor": "fingerprint-entry",
                    "ico_item": "other",
                    "body": (
                        "The Corporation runs supported accommodation for looked-after young "
                        "people and care leavers aged 16 to 21. The front doors of these homes "
                        "have a fingerprint reader.\n\n"
                        "- A young person may choose to register a fingerprint to open the door. A "
                        "key fob is offered to everyone as an alternative, and choosing the fob "
                        "makes no difference to the support given.\n"
                        "- The reader stores a numerical template, not an image of the "
                        "fingerprint. The template stays on the door system and is not added to "
                        "the young person's case record.\n"
                        "- The template is deleted within one month of the young person moving "
                        "out, or sooner if they withdraw consent.\n\n"
                        "Consent may be withdrawn at any time by telling a member of staff at the "
                        "home."
                    ),
                },
                {
                    "heading": "Withdrawing consent",
                    "anchor": "withdrawing-consent",
                    "ico_item": "withdrawing-consent",
                    "body": (
                        "In its children's social care services the Corporation relies on consent "
                        "only for fingerprint entry at supported accommodation. That consent may "
                        "be withdrawn at any time, free of charge and without giving a reason, by "
                        "telling a member of staff at the home or by contacting the Corporate Data "
                        "Protection Officer.\n\n"
                        "On withdrawal, the fingerprint template is deleted and a key fob is "
                        "issued instead. Withdrawal does not affect the lawfulness of any "
                        "processing carried out before it."
                    ),
                },
                {
                    "heading": "Automated decision-making and profiling",
                    "anchor": "automated-decision-making-and-profiling",
                    "ico_item": "automated-decisions",
                    "body": (
                        "The Corporation does not carry out automated decision-making or profiling "
                        "in its children's social care services. Decisions are made by its "
                        "officers."
                    ),
                },
                {
                    "heading": "Transfers to third countries",
                    "anchor": "transfers-to-third-countries",
                    "ico_item": "transfers-abroad",
                    "body": (
                        "The Corporation does not transfer personal data from its children's "
                        "social care records to countries outside the United Kingdom. Its case "
                        "management system and backups are held in the United Kingdom."
                    ),
                },
                {
                    "heading": "Rights of data subjects",
                    "anchor": "rights-of-data-subjects",
                    "ico_item": "rights",
                    "body": (
                        "Data subjects have the following rights, subject to the exemptions in the "
                        "Data Protection Act 2018:\n\n"
                        "- **right of access**: to obtain confirmation that personal data is being "
                        "processed and a copy of it;\n"
                        "- **right to rectification**: to have inaccurate personal data "
                        "corrected;\n"
                        "- **right to erasure**: to have personal data erased where there is no "
                        "longer a lawful reason to keep it;\n"
                        "- **right to restriction**: to have processing limited in certain "
                        "circumstances;\n"
                        "- **right to object**: to object to processing carried out in the public "
                        "interest;\n"
                        "- **right to withdraw consent**: where processing is based on consent, "
                        "such as fingerprint entry.\n\n"
                        "Requests should be made to the Corporate Data Protection Officer in "
                        "writing, by email or by telephone. The Corporation will respond within "
                        "one calendar month, extendable by two further months for complex "
                        "requests. Former looked-after children seeking their care records will be "
                        "offered a meeting with a social worker to go through them."
                    ),
                },
                {
                    "heading": "Complaints to the Information Commissioner",
                    "anchor": "complaints-to-the-commissioner",
                    "ico_item": "complaints",
                    "body": (
                        "Anyone dissatisfied with the Corporation's handling of personal data is "
                        "asked to raise the matter first with the Corporate Data Protection "
                        "Officer.\n\n"
                        "There is a right to complain to the Information Commissioner's Office, "
                        "the supervisory authority for data protection in the United Kingdom:\n\n"
                        "- telephone: 0303 123 1113\n"
                        "- post: Information Commissioner's Office, Wycliffe House, Water Lane, "
                        "Wilmslow, SK9 5AF"
                    ),
                },
                {
                    "heading": "Contacting the Corporation",
                    "anchor": "contacting-the-corporation",
                    "ico_item": "contact",
                    "body": (
                        "Enquiries about this notice should be addressed to:\n\n"
                        "**Corporate Data Protection Officer**, City of Merrowgate Corporation, "
                        "Corporation Offices, 3 Bridge Street, Merrowgate, MG1 3BS\n\n"
                        "- email: dpo@merrowgate.example\n"
                        "- telephone: 01632 960589\n\n"
                        "This notice is reviewed at least every eighteen months, and sooner if the "
                        "law or the Corporation's practice changes."
                    ),
                },
            ],
            "data_categories": [
                {
                    "category": "personal-details",
                    "detail": (
                        "Names, dates of birth, addresses, contact details, NHS numbers and unique "
                        "pupil numbers."
                    ),
                },
                {
                    "category": "characteristics",
                    "detail": "Sex, ethnicity, nationality and first language.",
                },
                {
                    "category": "child-in-need-episodes",
                    "detail": "Referrals, assessments, plans and reviews for children in need.",
                },
                {
                    "category": "child-protection",
                    "detail": "Section 47 enquiries, child protection conferences and plans.",
                },
                {
                    "category": "looked-after-episodes",
                    "detail": "Legal status, placements, care plans and reviews.",
                },
                {
                    "category": "adoption",
                    "detail": (
                        "Adoption decisions, placement and adoption orders, and adoption support."
                    ),
                },
                {
                    "category": "care-leavers",
                    "detail": (
                        "Pathway plans, accommodation, including the Corporation's supported "
                        "accommodation, and education, employment or training."
                    ),
                },
                {
                    "category": "education",
                    "detail": (
                        "School or college attended, attendance and personal education plans."
                    ),
                },
                {
                    "category": "health",
                    "detail": "Health assessments, disabilities and relevant medical information.",
                },
                {
                    "category": "special-educational-needs-and-disability",
                    "detail": "Education, health and care plans and SEN support.",
                },
                {
                    "category": "biometric-data",
                    "detail": (
                        "Fingerprint templates for optional door entry at the Corporation's "
                        "supported accommodation."
                    ),
                },
                {
                    "category": "criminal-offence-data",
                    "detail": (
                        "Offences and allegations relevant to a child's safety, and youth justice "
                        "involvement."
                    ),
                },
            ],
            "recipients": [
                {
                    "recipient": "department-for-education",
                    "purpose": "Statutory returns on children in need and looked-after children.",
                    "frequency": "routinely",
                },
                {
                    "recipient": "nhs-and-health-services",
                    "purpose": (
                        "Statutory health assessments for looked-after children and joint "
                        "safeguarding work."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "schools-and-education-settings",
                    "purpose": (
                        "Safeguarding and educational support, including personal education plans."
                    ),
                    "frequency": "routinely",
                },
                {
                    "recipient": "foster-carers-and-residential-providers",
                    "purpose": "Information carers need to care for a child placed with them.",
                    "frequency": "routinely",
                },
                {
                    "recipient": "regional-adoption-agency",
                    "purpose": "Adoption planning, matching and adoption support.",
                    "frequency": "routinely",
                },
                {
                    "recipient": "voluntary-and-advocacy-organisations",
                    "purpose": "Referral to advocacy and independent visitor services.",
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "police",
                    "purpose": (
                        "Joint child protection enquiries and the prevention or detection of crime "
                        "against children."
                    ),
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "courts-and-cafcass",
                    "purpose": "Evidence and reports in family proceedings.",
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "other-local-authorities",
                    "purpose": "Transfer of cases and notification of placements outside the City.",
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "ofsted",
                    "purpose": (
                        "Inspection of the Corporation's children's services and its registered "
                        "supported accommodation."
                    ),
                    "frequency": "when-necessary",
                },
                {
                    "recipient": "housing-providers",
                    "purpose": (
                        "Move-on accommodation for care leavers leaving supported accommodation."
                    ),
                    "frequency": "when-necessary",
                },
            ],
            "lawful_bases": [
                {
                    "provision": "A6-1-c",
                    "schedule_1_condition": "",
                    "legislation": (
                        "Children Act 1989\n"
                        "Adoption and Children Act 2002\n"
                        "Children and Families Act 2014"
                    ),
                    "explanation": (
                        "Processing required by statute, including child protection enquiries, "
                        "care planning and statutory returns."
                    ),
                },
                {
                    "provision": "A6-1-e",
                    "schedule_1_condition": "",
                    "legislation": (
                        "Local Authority Social Services Act 1970\n"
                        "Children Act 1989\n"
                        "Children Act 2004"
                    ),
                    "explanation": (
                        "The exercise of the Corporation's functions as a children's services "
                        "authority."
                    ),
                },
                {
                    "provision": "A9-2-h",
                    "schedule_1_condition": "Part 1, paragraph 2: health or social care purposes",
                    "legislation": "Children Act 1989",
                    "explanation": (
                        "Special category data processed for the provision of social care."
                    ),
                },
                {
                    "provision": "A9-2-g",
                    "schedule_1_condition": (
                        "Part 2, paragraph 6: statutory and government purposes"
                    ),
                    "legislation": "Children Act 1989\nChildren Act 2004",
                    "explanation": (
                        "Special category data processed to carry out the Corporation's statutory "
                        "functions."
                    ),
                },
                {
                    "provision": "A9-2-a",
                    "schedule_1_condition": "",
                    "legislation": "",
                    "explanation": (
                        "Fingerprint templates for door entry at supported accommodation, "
                        "processed only with explicit consent."
                    ),
                },
                {
                    "provision": "A10",
                    "schedule_1_condition": (
                        "Part 2, paragraph 18: safeguarding of children and individuals at risk"
                    ),
                    "legislation": "Children Act 1989\nCrime and Disorder Act 1998",
                    "explanation": "Criminal offence data processed to safeguard children.",
                },
            ],
            "retention_periods": [
                {
                    "record_type": "Looked-after children's case records",
                    "record_kind": "looked-after-case-records",
                    "trigger": "date-of-birth",
                    "years": 75,
                    "months": 0,
                    "is_minimum": False,
                    "source": (
                        "Care Planning, Placement and Case Review (England) Regulations 2010, "
                        "regulation 50"
                    ),
                    "notes": "",
                },
                {
                    "record_type": "Adoption case records",
                    "record_kind": "adoption-records",
                    "trigger": "adoption-order",
                    "years": 100,
                    "months": 0,
                    "is_minimum": True,
                    "source": "Adoption Agencies Regulations 2005, regulation 21",
                    "notes": "",
                },
                {
                    "record_type": "Child in need records",
                    "record_kind": "child-in-need-records",
                    "trigger": "date-of-birth",
                    "years": 30,
                    "months": 0,
                    "is_minimum": False,
                    "source": "Corporation records management policy",
                    "notes": "Or ten years after the case closes, whichever is later.",
                },
                {
                    "record_type": "Child protection records",
                    "record_kind": "child-protection-records",
                    "trigger": "date-of-birth",
                    "years": 40,
                    "months": 0,
                    "is_minimum": False,
                    "source": "Corporation records management policy",
                    "notes": "",
                },
                {
                    "record_type": "Foster carer records",
                    "record_kind": "foster-carer-records",
                    "trigger": "case-closure",
                    "years": 10,
                    "months": 0,
                    "is_minimum": True,
                    "source": "Fostering Services (England) Regulations 2011",
                    "notes": "Counted from the date the carer's approval ends.",
                },
                {
                    "record_type": "Fingerprint templates for door entry",
                    "record_kind": "biometric-data",
                    "trigger": "last-contact",
                    "years": 0,
                    "months": 1,
                    "is_minimum": False,
                    "source": "Corporation records management policy",
                    "notes": "Counted from the day the young person moves out.",
                },
            ],
        },
    },
]
