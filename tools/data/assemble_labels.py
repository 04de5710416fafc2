#!/usr/bin/env python3
"""Builds a labelled file of training-data/ from its labelling records, and the agreement report.

    python3 tools/data/assemble_labels.py [--report-only]                      # FNC-1 sentences
    python3 tools/data/assemble_labels.py --records agnews-titles --out agnews-titles.tsv

Reads, under training-data/labelling/<records>/ (fnc1 by default):
- pass1/batch-N.tsv (id, source, text: what each first-pass labeller read) and pass1/labels-N.tsv
  (id, topic, stance: their labels);
- pass2/second-N.tsv and pass2/second-labels-N.tsv: the independent second pass over about 20%
  of the rows (whole articles, seeded), made without seeing the first labels;
- adjudicated.tsv (id, topic, stance, why): the decision on every row where the passes differ;
- duplicate-decisions.tsv (id, topic, stance, why): the label of every repeated text that was
  labelled differently in its copies.

FNC-1 repeats sentences across articles (wire copy, boilerplate). A copy in two sources would sit
in two cross-validation folds and flatter the scores, so only the first occurrence of a text
(compared as `stancelab check` compares: lower-case words, punctuation ignored) is kept; the
dropped copies are listed in dropped-duplicates.tsv with the id they repeat. Where the copies were
labelled differently, the kept row takes the label of duplicate-decisions.tsv.

Writes kappa-report.md (agreement and Cohen's kappa per label set before adjudication, the
confusion between the passes), disagreements.tsv (every differing row, for adjudication) and,
unless --report-only, training-data/fnc1-sentences.tsv: every first-pass row with its text, the
adjudicated label where the passes differed. It stops with an error when a labelled row has no
text, a differing row has no decision, or a label is outside labels.json: nothing is dropped.
"""
import argparse
import collections
import csv
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from consistency_kappa import kappa, read  # noqa: E402  (one reader and one kappa for both agreement reports)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RECORDS = os.path.join(ROOT, 'training-data', 'labelling', 'fnc1')  # --records replaces it
COLUMNS = ('topic', 'stance')


def check_key(text):
    """What `stancelab check` compares: lower-case letters and digits, words joined by one space."""
    return ' '.join(re.findall(r'[^\W_]+', text.lower()))


def paired(inputs, labels):
    rows = {}
    for batch, labelled in zip(inputs, labels):
        texts = read(batch)
        decided = read(labelled)
        if [r['id'] for r in texts] != [r['id'] for r in decided]:
            sys.exit(f'{labelled}: its ids are not those of {batch}, in order')
        for t, d in zip(texts, decided):
            rows[t['id']] = {**t, 'topic': d['topic'], 'stance': d['stance']}
    return rows


def numbered(pattern):
    return sorted(glob.glob(os.path.join(RECORDS, pattern)), key=lambda p: int(p.rsplit('-', 1)[1].split('.')[0]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--report-only', action='store_true')
    parser.add_argument('--records', default='fnc1', help='folder under training-data/labelling/')
    parser.add_argument('--out', default='fnc1-sentences.tsv', help='file under training-data/')
    args = parser.parse_args()
    global RECORDS
    RECORDS = os.path.join(ROOT, 'training-data', 'labelling', args.records)
    schema = json.load(open(os.path.join(ROOT, 'training-data', 'labels.json'), encoding='utf-8'))
    first = paired(numbered('pass1/batch-*.tsv'), numbered('pass1/labels-*.tsv'))
    second = paired(numbered('pass2/second-[0-9]*.tsv'), numbered('pass2/second-labels-*.tsv'))
    missing = [i for i in second if i not in first]
    if missing:
        sys.exit(f'second pass has rows the first pass lacks: {missing[:5]}')
    for rows, name in ((first, 'first'), (second, 'second')):
        for r in rows.values():
            for c in COLUMNS:
                if r[c] not in schema[c]:
                    sys.exit(f'{name} pass, {r["id"]}: {c} "{r[c]}" is not in labels.json')

    ids = list(second)
    lines = [f'# {args.out}: agreement of two independent labelling passes\n',
             f'{len(ids)} of {len(first)} sentences ({len(ids) / len(first):.1%}, whole articles or '
             f'windows or rows chosen by seed) were labelled by both passes, each without seeing the other. '
             f'Before adjudication:\n',
             '| label set | agreement | Cohen\'s kappa |', '|---|---|---|']
    for c in COLUMNS:
        po, k = kappa([first[i][c] for i in ids], [second[i][c] for i in ids])
        lines.append(f'| {c} | {po:.3f} ({sum(first[i][c] == second[i][c] for i in ids)} / {len(ids)}) | {k:.3f} |')
    for c in COLUMNS:
        labels = schema[c]
        lines += ['', f'## {c}: first pass (rows) against second pass (columns)', '',
                  '| first \\ second | ' + ' | '.join(labels) + ' |', '|---|' + '---:|' * len(labels)]
        counts = collections.Counter((first[i][c], second[i][c]) for i in ids)
        for a in labels:
            lines.append(f'| {a} | ' + ' | '.join(str(counts[(a, b)]) for b in labels) + ' |')
    with open(os.path.join(RECORDS, 'kappa-report.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')

    differing = [i for i in ids if any(first[i][c] != second[i][c] for c in COLUMNS)]
    with open(os.path.join(RECORDS, 'disagreements.tsv'), 'w', encoding='utf-8', newline='') as f:
        f.write('id\ttext\tfirst_topic\tfirst_stance\tsecond_topic\tsecond_stance\n')
        for i in differing:
            f.write(f"{i}\t{first[i]['text']}\t{first[i]['topic']}\t{first[i]['stance']}\t{second[i]['topic']}\t{second[i]['stance']}\n")
    print('\n'.join(lines[:7]), file=sys.stderr)
    print(f'{len(differing)} rows differ', file=sys.stderr)
    if args.report_only:
        return

    decisions = {r['id']: r for r in read(os.path.join(RECORDS, 'adjudicated.tsv'))}
    undecided = [i for i in differing if i not in decisions]
    if undecided:
        sys.exit(f'{len(undecided)} differing rows have no decision in adjudicated.tsv, e.g. {undecided[:3]}')
    final = {i: {**r, **{c: decisions.get(i, r)[c] for c in COLUMNS}} for i, r in first.items()}
    decisions_path = os.path.join(RECORDS, 'duplicate-decisions.tsv')
    duplicate_decisions = {r['id']: r for r in read(decisions_path)} if os.path.exists(decisions_path) else {}
    groups = collections.OrderedDict()
    for i, r in final.items():
        groups.setdefault(check_key(r['text']), []).append(i)
    kept, dropped = [], []
    for members in groups.values():
        keep = members[0]
        if len({(final[m]['topic'], final[m]['stance']) for m in members}) > 1:
            if keep not in duplicate_decisions:
                sys.exit(f'{members}: the same text labelled differently; decide {keep} in duplicate-decisions.tsv')
            final[keep].update({c: duplicate_decisions[keep][c] for c in COLUMNS})
        kept.append(keep)
        dropped += [(m, keep) for m in members[1:]]
    with open(os.path.join(RECORDS, 'dropped-duplicates.tsv'), 'w', encoding='utf-8', newline='') as f:
        f.write('id\trepeats\n')
        for m, keep in dropped:
            f.write(f'{m}\t{keep}\n')

    out = os.path.join(ROOT, 'training-data', args.out)
    with open(out, 'w', encoding='utf-8', newline='') as f:
        f.write('id\tsource\ttext\ttopic\tstance\n')
        for i in kept:
            r = final[i]
            for c in COLUMNS:
                if r[c] not in schema[c]:
                    sys.exit(f'{i}: {c} "{r[c]}" is not in labels.json')
            f.write(f"{i}\t{r['source']}\t{r['text']}\t{r['topic']}\t{r['stance']}\n")
    counts = {c: collections.Counter(final[i][c] for i in kept) for c in COLUMNS}
    print(f'wrote {len(kept)} rows to {out} ({len(dropped)} repeated texts dropped): {counts}', file=sys.stderr)


if __name__ == '__main__':
    main()
