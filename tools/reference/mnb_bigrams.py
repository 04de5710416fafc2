#!/usr/bin/env python3
"""Reproduce Wang & Manning's (2012) MNB-bi baseline with scikit-learn on the shared folds.

Issue 5 asks StanceLab to reach the published Wang & Manning figures (best of MNB-bi and
NBSVM-bi) on MR, SUBJ, CR and MPQA. This script checks how far a standard reimplementation of
their MNB-bi gets on the very folds the bench uses: binarized unigram+bigram counts
(CountVectorizer(binary=True)), MultinomialNB(alpha=1), 10-fold cross-validation over
folds.tsv, accuracy averaged over the folds. It prints one line per data set and n-gram range.

Run with Debian's scikit-learn, from the repository root (../shared/datasets beside it):

    /usr/bin/python3 tools/reference/mnb_bigrams.py subj cr mr mpqa

Measured 2026-11-21 (scikit-learn 1.2.1), uni+bigrams: SUBJ 92.64 (published 93.6), CR 79.77
(80.0), MR 78.73 (79.0), MPQA 85.06 (86.3).
"""

import csv
import pathlib
import sys

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.naive_bayes import MultinomialNB

DATASETS = pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "datasets"


def read(name):
    with open(DATASETS / name / "data.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    with open(DATASETS / name / "folds.tsv", encoding="utf-8", newline="") as f:
        folds = {r["id"]: int(r["fold"]) for r in csv.DictReader(f, delimiter="\t")}
    texts = [r["text"] for r in rows]
    labels = np.array([r["label"] for r in rows])
    fold = np.array([folds[r["id"]] for r in rows])
    return texts, labels, fold


def main():
    for name in sys.argv[1:] or ["subj", "cr", "mr", "mpqa"]:
        texts, labels, fold = read(name)
        for ngrams in [(1, 2), (1, 3)]:
            accuracies = []
            for k in sorted(set(fold)):
                train, test = np.where(fold != k)[0], np.where(fold == k)[0]
                # Words, plus the punctuation that carries sentiment, as single tokens.
                vectorizer = CountVectorizer(binary=True, ngram_range=ngrams, token_pattern=r"(?u)\b\w+\b|[!?\"']")
                a = vectorizer.fit_transform([texts[i] for i in train])
                b = vectorizer.transform([texts[i] for i in test])
                model = MultinomialNB(alpha=1.0).fit(a, labels[train])
                accuracies.append((model.predict(b) == labels[test]).mean())
            print(f"{name} MNB n-grams {ngrams}: {100 * np.mean(accuracies):.2f}")


if __name__ == "__main__":
    main()
