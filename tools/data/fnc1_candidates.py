#!/usr/bin/env python3
"""Chooses which FNC-1 article bodies are labelled, and splits them into labelling batches.

Every body of ../shared/datasets/fnc1/train_bodies.csv is split into sentences by StanceLab's own
splitter (`stancelab split`), so training sentences look exactly like what `score` sees. Whole
bodies are taken, never loose sentences: a labeller reads a quotation in its article, and
sentence-context features need each sentence's neighbours.

Choice (seeded, reproducible):
- Near-duplicate bodies are dropped (FNC-1 holds the same story several times; a copy in two
  sources would leak across cross-validation folds): a body is a duplicate of an earlier one when
  half of its sentences already appeared. Bodies of 3 to 45 sentences are eligible.
- The labels that training-data/ lacks (military-support, diplomacy, politics, opinion, economy)
  need seeded selection: each body gets a score per wanted label, the density of cue words
  (patterns used only to choose what to read, never to label), and budgets of sentences are
  filled from the densest bodies in turn.
- A seeded random share of bodies is taken besides, so the corpus is not only cue hits.

Round 2 (`--round 2`): the first round's 3,421 sentences left military-support (223) and
diplomacy (52) short of 400 across training-data/. FNC-1 has few of either, and many of them sit in
long bodies the first round skipped, so round 2 takes, from every body round 1 did not choose, the
window of at most 30 consecutive sentences with the most strict military-support and diplomacy
cues (at least 2), most hits first, until about 1,100 sentences; a window is labelled like a whole
body (the labeller still reads the article).

    python3 tools/data/fnc1_candidates.py OUT_DIR [--cli PATH_TO_stancelab.dll] [--round 2]

writes OUT_DIR/fnc1-candidates.tsv (id, source, text, with empty label columns), batch-N.tsv
for the first pass, second-N.tsv for the independent second pass (about 20% of the rows), and
selection.md (what was chosen and why).
"""
import argparse
import csv
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import OrderedDict

SEED = 20261203
CUES = OrderedDict([
    ('military-support', re.compile(
        r"\b(arm(s|ing|ed)? (the|rebels|kurds|peshmerga|opposition|ukraine|kiev)|weapons?|arms|"
        r"military (aid|assistance|support|advisers|advisors|equipment|hardware)|advis[eo]rs?|"
        r"train(ing|ed|s)? (the |iraqi |kurdish |syrian |ukrainian |moderate )?(forces|troops|rebels|fighters|army)|"
        r"air support|airstrikes? (to|in support)|supplie[sd]|deliver(y|ies|ed)|ammunition|"
        r"troops? (to|were sent|deployed)|deploy(ed|ment)|base[sd]?|embargo|missiles?|jets?|"
        r"helicopters?|drones?|equip(ment|ped)|coalition)\b", re.I)),
    ('diplomacy', re.compile(
        r"\b(talks|negotiat\w+|foreign minister|secretary of state|diplomat\w*|embass\w+|"
        r"ambassador\w*|summit|sanctions?|united nations|u\.n\.|security council|ceasefire|"
        r"kerry|lavrov|met with|visit(ed|s)?|envoy|bilateral|relations)\b", re.I)),
    ('politics', re.compile(
        r"\b(election\w*|parliament\w*|vote[sd]?|voters?|party|parties|opposition|congress\w*|"
        r"senat\w+|prime minister|president\w*|government|cabinet|resign\w*|appoint\w+|"
        r"campaign\w*|referendum|legislat\w+|republicans?|democrats?|poll\w*)\b", re.I)),
    ('economy', re.compile(
        r"\b(oil|prices?|billion|million|economy|economic|market\w*|shares?|stocks?|bank\w*|"
        r"debt|budget|revenue\w*|compan(y|ies)|jobs?|tax\w*|trade|exports?|imports?|sales)\b", re.I)),
    ('opinion', re.compile(
        r"\b(should|must|ought|shameful|disgrace\w*|outrage\w*|absurd|ridiculous|terrible|"
        r"horrific|brutal|barbaric|heroic|brave|cowardly|unacceptable|wrong|right thing|"
        r"sadly|unfortunately|clearly|obviously|of course|I think|we think|I believe|crucial|"
        r"mistake|failure|disaster\w*|nonsense|hypocri\w+|best|worst|amazing|incredible)\b|!", re.I)),
])
BUDGETS = OrderedDict([          # sentences to fill from each label's densest bodies
    ('military-support', 1000),
    ('diplomacy', 450),
    ('politics', 350),
    ('opinion', 350),
    ('economy', 250),
])
RANDOM_BUDGET = 900              # the seeded random share
FIRST_PASS_BATCHES = 6
SECOND_PASS_BATCHES = 2
SECOND_PASS_SHARE = 0.21
MIN_SENTENCES, MAX_SENTENCES = 3, 45
STRICT_CUES = re.compile(
    r"\b(talks|negotiat\w+|foreign minist\w+|secretary of state|diplomat\w*|embass\w+|ambassador\w*|"
    r"summit|envoy|bilateral|kerry|lavrov|state department|security council|united nations|sanctions|"
    r"arm(ing|ed)? (the )?(rebels|kurds|peshmerga|opposition|moderate|ukrain\w+)|"
    r"weapons? (to|for|deliveries|shipments?|supplies)|military (aid|assistance|support|advis[eo]rs|"
    r"equipment|hardware|trainers)|advis[eo]rs|train(ing|ed)? (iraqi|kurdish|syrian|ukrainian|afghan|"
    r"moderate|local|the) |air ?drop\w*|air support|supplied|arms (deal|sales?|shipments?|supplies)|"
    r"lethal aid|ground troops|send(ing)? troops|troops to)\b", re.I)
ROUND2_WINDOW, ROUND2_MIN_HITS, ROUND2_BUDGET = 30, 2, 1100
ROUND2_FIRST_PASS_BATCHES = 4
ROUND2_SECOND_PASS_BATCHES = 1


def split_bodies(bodies, cli):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for body_id, text in bodies:
            path = os.path.join(tmp, f'fnc1-body-{body_id}.txt')
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
            paths.append(path)
        out = subprocess.run(['dotnet', cli, 'split', *paths], check=True, capture_output=True).stdout
    rows = list(csv.DictReader(out.decode('utf-8').split('\n')[:-1], delimiter='\t', quoting=csv.QUOTE_NONE))
    by_source = OrderedDict()
    for r in rows:
        by_source.setdefault(r['source'], []).append(r)
    return by_source


def normalized(text):
    return re.sub(r'\W+', ' ', text.lower()).strip()


def drop_duplicates(by_source):
    seen, kept, dropped = set(), OrderedDict(), 0
    for source, rows in by_source.items():
        keys = {normalized(r['text']) for r in rows}
        if len(keys & seen) * 2 >= len(keys):
            dropped += 1
            continue
        seen |= keys
        kept[source] = rows
    return kept, dropped


def density(rows, pattern):
    return sum(1 for r in rows if pattern.search(r['text'])) / len(rows)


def choose(bodies, rng):
    order = list(bodies)
    rng.shuffle(order)              # seeded tie-break among equal densities
    chosen, reasons = OrderedDict(), {}
    for label, budget in BUDGETS.items():
        ranked = sorted(order, key=lambda s: -density(bodies[s], CUES[label]))
        filled = 0
        for source in ranked:
            if filled >= budget:
                break
            if source in chosen:
                continue
            chosen[source] = bodies[source]
            reasons[source] = f'densest {label} cues'
            filled += len(bodies[source])
    filled = 0
    for source in order:
        if filled >= RANDOM_BUDGET:
            break
        if source in chosen:
            continue
        chosen[source] = bodies[source]
        reasons[source] = 'random'
        filled += len(bodies[source])
    return chosen, reasons


def deal(sources, bodies, count):
    """Whole bodies into `count` batches of near-equal sentence totals."""
    batches = [[] for _ in range(count)]
    totals = [0] * count
    for source in sorted(sources, key=lambda s: -len(bodies[s])):
        i = totals.index(min(totals))
        batches[i].append(source)
        totals[i] += len(bodies[source])
    return [sorted(b, key=lambda s: int(s.rsplit('-', 1)[1])) for b in batches]


def write_rows(path, sources, bodies):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write('id\tsource\ttext\n')
        for s in sources:
            for r in bodies[s]:
                f.write(f"{r['id']}\t{r['source']}\t{r['text']}\n")


def best_window(rows):
    hits = [1 if STRICT_CUES.search(r['text']) else 0 for r in rows]
    width = min(ROUND2_WINDOW, len(rows))
    best, start = -1, 0
    for i in range(len(rows) - width + 1):
        h = sum(hits[i:i + width])
        if h > best:
            best, start = h, i
    return best, rows[start:start + width]


def choose_round2(unique, first_round):
    windows = []
    for source, rows in unique.items():
        if source in first_round or len(rows) < MIN_SENTENCES:
            continue
        hits, window = best_window(rows)
        if hits >= ROUND2_MIN_HITS:
            windows.append((-hits, -hits / len(window), int(source.rsplit('-', 1)[1]), source, window))
    windows.sort()
    chosen, reasons, filled = OrderedDict(), {}, 0
    for neg_hits, _, _, source, window in windows:
        if filled >= ROUND2_BUDGET:
            break
        chosen[source] = window
        reasons[source] = f'round 2: window of {len(window)} with {-neg_hits} strict cues'
        filled += len(window)
    return chosen, reasons


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out')
    parser.add_argument('--cli', default='src/StanceLab.Cli/bin/Release/net10.0/stancelab.dll')
    parser.add_argument('--bodies', default='../shared/datasets/fnc1/train_bodies.csv')
    parser.add_argument('--round', type=int, choices=(1, 2), default=1)
    args = parser.parse_args()
    with open(args.bodies, encoding='utf-8', newline='') as f:
        bodies = [(r['Body ID'], r['articleBody']) for r in csv.DictReader(f)]
    split = split_bodies(bodies, args.cli)
    unique, dropped = drop_duplicates(split)
    eligible = OrderedDict((s, rows) for s, rows in unique.items()
                           if MIN_SENTENCES <= len(rows) <= MAX_SENTENCES)
    rng = random.Random(SEED)
    chosen, reasons = choose(eligible, rng)
    first_pass_batches, second_pass_batches = FIRST_PASS_BATCHES, SECOND_PASS_BATCHES
    if args.round == 2:
        chosen, reasons = choose_round2(unique, set(chosen))
        rng = random.Random(SEED + 2)
        first_pass_batches, second_pass_batches = ROUND2_FIRST_PASS_BATCHES, ROUND2_SECOND_PASS_BATCHES
    sources = list(chosen)
    os.makedirs(args.out, exist_ok=True)
    write_rows(os.path.join(args.out, 'fnc1-candidates.tsv'),
               sorted(sources, key=lambda s: int(s.rsplit('-', 1)[1])), chosen)
    for i, batch in enumerate(deal(sources, chosen, first_pass_batches), 1):
        write_rows(os.path.join(args.out, f'batch-{i}.tsv'), batch, chosen)
    total = sum(len(r) for r in chosen.values())
    second, filled = [], 0
    for s in rng.sample(sources, len(sources)):
        if filled >= SECOND_PASS_SHARE * total:
            break
        second.append(s)
        filled += len(chosen[s])
    for i, batch in enumerate(deal(second, chosen, second_pass_batches), 1):
        write_rows(os.path.join(args.out, f'second-{i}.tsv'), batch, chosen)
    with open(os.path.join(args.out, 'selection.md'), 'w', encoding='utf-8') as f:
        f.write(f'{len(split)} bodies split; {dropped} near-duplicates dropped; {len(eligible)} of '
                f'{MIN_SENTENCES}-{MAX_SENTENCES} sentences eligible; {len(chosen)} bodies, {total} '
                f'sentences chosen; second pass {len(second)} bodies, {filled} sentences.\n\n')
        f.write('| source | sentences | why chosen |\n|---|---:|---|\n')
        for s in sorted(sources, key=lambda s: int(s.rsplit('-', 1)[1])):
            f.write(f'| {s} | {len(chosen[s])} | {reasons[s]} |\n')
    print(f'{len(chosen)} bodies, {total} sentences; second pass {filled}', file=sys.stderr)


if __name__ == '__main__':
    main()
