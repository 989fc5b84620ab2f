"""python -m articles.extraction.bench [--articles N] [--words W] [--seed S]

Generates diplomatic news articles from templates, deterministically, and times
extract() on one core. Target: 100 articles/s or more, under 300 MB resident.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time

from articles.extraction.pipeline import extract, starter_matcher

PEOPLE = (
    ("Russian Foreign Minister", "Sergei Lavrov"), ("US Secretary of State", "Marco Rubio"),
    ("UN Secretary-General", "António Guterres"), ("Ukrainian President", "Volodymyr Zelenskyy"),
    ("Chinese Foreign Minister", "Wang Yi"), ("French President", "Emmanuel Macron"),
    ("Turkish President", "Recep Tayyip Erdogan"), ("Deputy Foreign Minister", "Alexander Pankin"),
    ("Ambassador", "Vassily Nebenzia"), ("Indian Prime Minister", "Narendra Modi"),
    ("German Chancellor", "Friedrich Merz"), ("UN spokesperson", "Stéphane Dujarric"),
)  # fmt: skip
BODIES = ("the UN Security Council", "the General Assembly", "NATO", "the European Union", "the African Union", "ASEAN")
PLACES = ("New York", "Geneva", "Brussels", "Moscow", "Beijing", "Kyiv", "Istanbul", "Doha", "Riyadh", "Vienna")
COUNTRIES = ("Russia", "Ukraine", "China", "France", "Iran", "Israel", "Syria", "Sudan", "Mexico", "Brazil")
DATES = (
    "on Monday", "on Tuesday", "on Wednesday", "yesterday", "last week", "on March 14", "on Feb. 23, 2022",
    "in April", "on 24 September 2025", "earlier this month", "on Sept. 3", "in 2019", "two years ago",
)  # fmt: skip
EVENT_SENTENCES = (
    "{title} {person} met {other} in {place} {date} to discuss the war in {country}.",
    "{title} {person} said {date} that {country} would not accept new conditions.",
    "{Body} adopted a resolution {date} demanding that {country} withdraw its troops.",
    "{title} {person} accused {country} of violating the ceasefire {date}.",
    "{title} {person} invited {other} to attend a summit in {place} {date}.",
    "{country} condemned the strikes {date}, calling them a breach of international law.",
    "{Body} imposed new sanctions on {country} {date}.",
    "\"We had a good meeting {date},\" {person} told reporters in {place}.",
    "{title} {person} warned {date} that {country} was preparing a new offensive.",
    "{person} rejected the proposal {date}, according to the foreign ministry.",
    "{title} {person} held a phone call with {other} {date}.",
)  # fmt: skip
BACKGROUND_SENTENCES = (
    "Analysts say the talks reflect a broader shift in the region's alliances.",
    "The conflict has displaced millions of people and strained humanitarian budgets.",
    "Diplomats have long argued that dialogue remains the only path to a lasting settlement.",
    "He stressed that the process would take time and patience from all parties.",
    "Critics, however, question whether such meetings produce concrete results.",
    "In 1962, the Cuban missile crisis brought the world close to nuclear war.",
    "The organization was founded in San Francisco some eight decades ago.",
    "Moscow and Washington have long disagreed over the expansion of NATO in eastern Europe.",
    "\"We remain open to dialogue,\" a senior European Union official said, speaking on condition of anonymity.",
    "Ukraine, which has received billions of dollars in Western aid, continues to press for more air defence.",
    "The Security Council is made up of five permanent members and ten elected members.",
    "Critics say the United Nations has struggled to respond to the crises in Sudan and Gaza.",
    "Relations between China and India have improved since a border arrangement was reached.",
    "Officials in Brussels expect the negotiations to continue well into next year.",
)  # fmt: skip
# News mixes reported events with context: about one sentence in three reports an event.
EVENT_SHARE = 0.35
TRAILER = (
    "Read more: How the Security Council works",
    "Share this article",
    "Subscribe to our newsletter for daily updates",
    "You may also like",
    "Ten things to know about the G20 summit",
    "© 2025 Example News. All rights reserved.",
)  # fmt: skip


def _event_sentence(rng: random.Random) -> str:
    (title, person), (_, other) = rng.sample(PEOPLE, 2)
    body = rng.choice(BODIES)
    return rng.choice(EVENT_SENTENCES).format(
        title=title, person=person, other=other, place=rng.choice(PLACES),
        date=rng.choice(DATES), country=rng.choice(COUNTRIES), Body=body[0].upper() + body[1:],
    )  # fmt: skip


def make_article(rng: random.Random, words: int) -> str:
    """One article of about `words` words: paragraphs of news and background, a repeat, a trailer."""
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [
            _event_sentence(rng) if rng.random() < EVENT_SHARE else rng.choice(BACKGROUND_SENTENCES)
            for _ in range(rng.randint(2, 5))
        ]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    paragraphs.append(rng.choice(paragraphs))
    paragraphs.extend(TRAILER)
    return "\n\n".join(paragraphs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m articles.extraction.bench", description=__doc__)
    parser.add_argument("--articles", type=lambda value: max(1, int(value)), default=1000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    corpus = [make_article(rng, args.words) for _ in range(args.articles)]
    published = dt.date(2025, 9, 24)
    matcher = starter_matcher()
    started, cpu_started = time.perf_counter(), time.process_time()
    candidates = sum(len(extract(text, published=published, actors=matcher)) for text in corpus)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mean_words = sum(len(text.split()) for text in corpus) / len(corpus)
    print(f"articles: {len(corpus)}  mean words: {mean_words:.0f}  candidates: {candidates}")
    # CPU time is what one core gives; wall time also counts waiting for a busy machine.
    print(f"articles/s (CPU): {len(corpus) / cpu:.1f}  mean ms/article (CPU): {1000 * cpu / len(corpus):.2f}")
    print(f"articles/s (wall): {len(corpus) / elapsed:.1f}  mean ms/article (wall): {1000 * elapsed / len(corpus):.2f}")
    print(f"peak RSS: {peak_mb:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
