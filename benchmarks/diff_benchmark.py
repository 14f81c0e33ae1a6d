"""How long `diff_versions` takes on a large notice: 60 sections of realistic Markdown.

Run with `.venv/bin/python -m benchmarks.diff_benchmark`. No database: snapshots are built here.
Two cases: a realistic set of edits, and a worst case where every section's text changed. The
target is under 100 ms for the whole diff.
"""

import copy
import os
import random
import statistics
import time
from collections.abc import Callable

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
django.setup()

from django.template.loader import render_to_string  # noqa: E402

from notices.publishing.diffing.notice import diff_versions  # noqa: E402
from notices.publishing.diffing.results import NoticeDiff, NoticeSide  # noqa: E402
from notices.testing.snapshots import HEALTH_CATEGORY, make_snapshot  # noqa: E402

TARGET_MS = 100.0
WARM_UP = 5
RUNS = 50
SECTIONS = 60

SENTENCES = [
    "We use information about children and their families to decide what help they need.",
    "Social workers record what they see and hear when they visit, and what they decide.",
    "We share information with health services when a child needs medical care or a check-up.",
    "The law says we must keep some records for a long time, so that adults who were in care "
    "can see them later.",
    "If we think a child is at risk of harm, we may share information without asking first.",
    "You can ask us for a copy of the information we hold about you, free of charge.",
    "We check that the organisations we share with keep the information safe and secure.",
    "Some information is special category data, such as health, ethnicity or religion, and "
    "the law protects it more.",
    "We only keep what we need, and we delete records at the end of their retention period.",
    "Our case management system is hosted in the United Kingdom and access is logged.",
    "Foster carers and residential staff see the parts of a plan they need to care for a child.",
    "The Independent Reviewing Officer checks that the care plan still meets the child's needs.",
]
LIST_ITEMS = [
    "to assess what help a child and family need",
    "to plan and review care, including health and education plans",
    "to keep children safe from harm",
    "to arrange placements with foster carers or children's homes",
    "to support young people leaving care until they are 25",
    "to meet our legal duties to the courts and the Department for Education",
    "to answer complaints and requests for records",
]
LINKS = [
    "[the ICO's website](https://ico.org.uk/your-data-matters/)",
    "[our complaints page](https://northshire.example/complaints)",
    "[the Children Act 1989](https://www.legislation.gov.uk/ukpga/1989/41/contents)",
    "<https://northshire.example/privacy>",
]


def section_body(rng: random.Random) -> str:
    """A body of about 600 to 1500 characters: paragraphs, a list, a link, some bold text."""
    paragraphs = []
    while sum(len(p) for p in paragraphs) < rng.randint(450, 1150):
        sentences = rng.sample(SENTENCES, rng.randint(1, 3))
        if rng.random() < 0.3:
            sentences[0] = f"**{sentences[0]}**"
        if rng.random() < 0.4:
            sentences.append(f"Read more on {rng.choice(LINKS)}.")
        paragraphs.append(" ".join(sentences))
    items = "\n".join(f"- {item}" for item in rng.sample(LIST_ITEMS, rng.randint(3, 5)))
    paragraphs.insert(rng.randint(1, len(paragraphs)), f"We use it:\n\n{items}")
    return "\n\n".join(paragraphs)


def notice_snapshot(rng: random.Random) -> dict:
    sections = [
        {
            "anchor": f"section-{number}",
            "heading": f"Section {number}: {rng.choice(LIST_ITEMS).capitalize()}",
            "ico_item": "purposes",
            "ico_item_label": "Purposes of processing",
            "body": section_body(rng),
        }
        for number in range(1, SECTIONS + 1)
    ]
    return make_snapshot(
        notice={"introduction": section_body(rng)},
        sections=sections,
        data_categories=[
            {
                "slug": f"category-{number}",
                "name": f"Category {number}",
                "description": rng.choice(SENTENCES),
                "is_special_category": number % 3 == 0,
                "is_criminal_offence": False,
                "detail": rng.choice(SENTENCES),
            }
            for number in range(12)
        ],
        recipients=[
            {
                "slug": f"recipient-{number}",
                "name": f"Recipient {number}",
                "kind": "health",
                "kind_label": "Health",
                "purpose": rng.choice(SENTENCES),
                "frequency": "routinely",
                "frequency_label": "Routinely",
            }
            for number in range(15)
        ],
        lawful_bases=[
            {
                "provision": provision,
                "provision_label": f"Article {provision}",
                "article": provision[1],
                "schedule_1_condition": "",
                "legislation": "Children Act 1989\nChildren Act 2004",
                "explanation": rng.choice(SENTENCES),
            }
            for provision in ("A6-1-c", "A6-1-e", "A9-2-g", "A9-2-h", "A10")
        ],
        retention_periods=[
            {
                "record_type": f"Record type {number}",
                "trigger": "date-of-birth",
                "trigger_label": "the child's date of birth",
                "years": 25 + number,
                "months": 0,
                "is_minimum": False,
                "duration": f"{25 + number} years",
                "source": "Care Planning Regulations 2010, reg. 50",
                "notes": "",
            }
            for number in range(8)
        ],
    )


def block_snapshot(rng: random.Random) -> dict:
    return {
        "schema": 1,
        "title": "How the Department for Education uses this information",
        "introduction": section_body(rng),
        "parts": [
            {"anchor": f"part-{number}", "heading": f"Part {number}", "body": section_body(rng)}
            for number in range(1, 7)
        ],
    }


def change_words(body: str, rng: random.Random, count: int) -> str:
    words = body.split(" ")
    for _ in range(count):
        position = rng.randrange(len(words))
        if words[position].isalpha():
            words[position] = rng.choice(["carefully", "always", "securely", "promptly"])
    return " ".join(words)


def realistic_edit(old: dict, old_block: dict, rng: random.Random) -> tuple[dict, dict]:
    new, new_block = copy.deepcopy(old), copy.deepcopy(old_block)
    sections = new["sections"]
    for index in rng.sample(range(SECTIONS), 6):
        sections[index]["body"] = change_words(sections[index]["body"], rng, 3)
    sections.insert(
        30,
        {
            "anchor": "automated-decisions",
            "heading": "Automated decision-making",
            "ico_item": "automated-decisions",
            "ico_item_label": "Automated decision-making",
            "body": section_body(rng),
        },
    )
    del sections[45]
    sections.insert(5, sections.pop(50))
    del new["recipients"][3]
    new["data_categories"].append(dict(HEALTH_CATEGORY))
    new["retention_periods"][2] |= {"years": 40, "duration": "40 years"}
    new_block["parts"][2]["body"] = change_words(new_block["parts"][2]["body"], rng, 2)
    return new, new_block


def worst_edit(old: dict, old_block: dict, rng: random.Random) -> tuple[dict, dict]:
    """Every section's text changed: words in every paragraph, and one paragraph rewritten."""
    new = copy.deepcopy(old)
    for section in new["sections"]:
        paragraphs = [change_words(p, rng, 2) for p in section["body"].split("\n\n")]
        paragraphs[0] = " ".join(rng.sample(SENTENCES, 2))
        section["body"] = "\n\n".join(paragraphs)
    return new, copy.deepcopy(old_block)


def timings(run: Callable[[], object]) -> list[float]:
    for _ in range(WARM_UP):
        run()
    results = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        results.append((time.perf_counter() - start) * 1000)
    return results


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def main() -> None:
    rng = random.Random(2025)  # noqa: S311 (made-up text, not secrets)
    old, old_block = notice_snapshot(rng), block_snapshot(rng)
    body_lengths = [len(section["body"]) for section in old["sections"]]
    print(
        f"{SECTIONS} sections, bodies {min(body_lengths)}-{max(body_lengths)} characters "
        f"(mean {statistics.mean(body_lengths):.0f}); {RUNS} runs after {WARM_UP} warm-up runs"
    )
    all_met = True
    for name, edit in (("realistic", realistic_edit), ("worst case", worst_edit)):
        new, new_block = edit(old, old_block, random.Random(7))  # noqa: S311
        old_side = NoticeSide(old, old_block, "version 1")
        new_side = NoticeSide(new, new_block, "version 2")
        diff: NoticeDiff = diff_versions(old_side, new_side)
        times = timings(
            lambda old_side=old_side, new_side=new_side: diff_versions(old_side, new_side)
        )
        render_times = timings(
            lambda diff=diff: render_to_string("notices/_notice_diff.html", {"diff": diff})
        )
        met = p95(times) < TARGET_MS
        all_met &= met
        print(
            f"{name:>10}: diff_versions median {statistics.median(times):6.1f} ms, "
            f"p95 {p95(times):6.1f} ms -> target under {TARGET_MS:.0f} ms "
            f"{'met' if met else 'NOT met'}"
        )
        print(
            f"{'':>10}  (partial rendering, not part of the target: median "
            f"{statistics.median(render_times):.1f} ms, p95 {p95(render_times):.1f} ms; "
            f"{len(diff.summary)} summary lines, {diff.sections.changed} sections changed)"
        )
    print("Target met." if all_met else "Target NOT met.")


if __name__ == "__main__":
    main()
