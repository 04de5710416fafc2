#!/usr/bin/env python3
"""Candidate headlines for training-data/agnews-titles.tsv, and their labelling batches.

The FNC-1 rounds (tools/data/fnc1_candidates.py) left diplomacy and military-support short of
400 sentences across training-data/, with every FNC-1 sentence carrying a strict cue for either
already read. The headlines of AG News items are sentences too (LABELLING.md: headlines are
labelled by their content), and those of the ODD-numbered World and Business rows may enter
training-data/ (even rows stay reserved for evaluation). This script takes every such title,
cleans only AG's escapes (as agnews_candidates.py does), and deals them into labelling batches.
`id` is `ag-title-<row>` and `source` is `agnews-row-<row>`, the source of the item's first
sentence, so cross-validation keeps a headline with its item.

    python3 tools/data/agnews_titles.py OUT_DIR

writes OUT_DIR/titles.tsv (id, source, text), batch-N.tsv for the first pass (4 batches) and
second-1.tsv, a seeded 20% for the independent second pass.
"""
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from agnews_candidates import AG, clean  # noqa: E402

SEED = 20261203
BATCHES = 4
SECOND_SHARE = 0.2


def main(out):
    with open(AG, encoding='utf-8', newline='') as f:
        records = list(csv.reader(f))
    rows = []
    for number, (label, title, _) in enumerate(records, 1):
        if number % 2 == 1 and label in ('1', '3'):
            text = clean(title)
            if text:
                rows.append((f'ag-title-{number}', f'agnews-row-{number}', text))
    os.makedirs(out, exist_ok=True)

    def write(path, part):
        with open(os.path.join(out, path), 'w', encoding='utf-8', newline='') as f:
            f.write('id\tsource\ttext\n')
            for r in part:
                f.write('\t'.join(r) + '\n')

    write('titles.tsv', rows)
    size = -(-len(rows) // BATCHES)
    for i in range(BATCHES):
        write(f'batch-{i + 1}.tsv', rows[i * size:(i + 1) * size])
    second = sorted(random.Random(SEED).sample(rows, round(SECOND_SHARE * len(rows))), key=lambda r: int(r[0].rsplit('-', 1)[1]))
    write('second-1.tsv', second)
    print(f'{len(rows)} titles; second pass {len(second)}', file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1])
