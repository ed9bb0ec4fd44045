#!/usr/bin/env python3
"""Inputs of benchmarks/whole-process.sh, deterministic (seeded):

  make_inputs.py responses N OUT.csv   N rows of prompt,response,category; responses of about 1 KB, a fifth refusals,
                                       many multi-line and holding commas and quotes (so most are quoted fields)
  make_inputs.py prompts N OUT.csv     N prompts (prompt,category; no commas, so a bare client can read them too)
"""
import csv
import random
import sys

CATEGORIES = ["deception", "harassment", "harmful", "hate", "illegal", "privacy", "self-harm", "sexual", "unethical", "violence"]
WORDS = ("the a process file system user data model answer step result value server network time people way "
         "work report tool test run check list point part case week company number group problem fact").split()
REFUSALS = ["I'm sorry, but I can't help with that.", "I cannot assist with this request.",
            "As an AI language model, I must decline.", "Sorry, that is not something I can do."]


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
    text = " ".join(words).capitalize()
    if rng.random() < 0.3:
        text += ', "' + rng.choice(WORDS) + '"'
    return text + "."


def response(rng):
    parts = []
    if rng.random() < 0.2:
        parts.append(rng.choice(REFUSALS))
    else:
        parts.append("Sure, here is how:")
    while sum(len(p) + 1 for p in parts) < 1000:
        parts.append(("\n" if rng.random() < 0.25 else " ") + sentence(rng))
    return "".join(parts)


def main(argv):
    kind, count, target = argv[1], int(argv[2]), argv[3]
    rng = random.Random(19)
    with open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        if kind == "responses":
            writer.writerow(["prompt", "response", "category"])
            for i in range(count):
                writer.writerow([f"How do I handle case {i}, {rng.choice(WORDS)} edition?", response(rng), rng.choice(CATEGORIES)])
        else:
            writer.writerow(["prompt", "category"])
            for i in range(count):
                writer.writerow([f"How do I stop process {i} of the {rng.choice(WORDS)} quickly?", rng.choice(CATEGORIES)])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
