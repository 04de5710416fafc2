#!/usr/bin/env python3
"""Prints training-data/'s label counts per file and in all, as the Markdown table of its README.

    python3 tools/data/label_counts.py
"""
import collections
import csv
import glob
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NAMES = {'seed-articles.tsv': 'seed', 'agnews-sentences.tsv': 'AG News', 'agnews-titles.tsv': 'AG titles', 'fnc1-sentences.tsv': 'FNC-1'}


def main():
    files = sorted(glob.glob(os.path.join(ROOT, 'training-data', '*.tsv')), key=lambda p: list(NAMES).index(os.path.basename(p)) if os.path.basename(p) in NAMES else 99)
    counts = {}
    for path in files:
        with open(path, encoding='utf-8', newline='') as f:
            rows = list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
        counts[NAMES.get(os.path.basename(path), os.path.basename(path))] = {c: collections.Counter(r[c] for r in rows) for c in ('topic', 'stance')}
    total = sum(sum(v['topic'].values()) for v in counts.values())
    print(f'## Label counts ({total:,} sentences)\n')
    for column in ('topic', 'stance'):
        labels = collections.Counter()
        for v in counts.values():
            labels.update(v[column])
        print(f'| {column} | ' + ' | '.join(counts) + ' | all |')
        print('|---|' + '---:|' * (len(counts) + 1))
        for label, n in labels.most_common():
            print(f'| {label} | ' + ' | '.join(str(v[column][label]) for v in counts.values()) + f' | {n} |')
        print()


if __name__ == '__main__':
    main()
