#!/usr/bin/env python3
"""Generate the scikit-learn reference values that StanceLab's metrics are tested against.

StanceLab computes accuracy, F1, log-loss and the confusion matrix itself (no Python at run
time), so the C# test ``SklearnReferenceTests`` pins those numbers to scikit-learn's on the
seeded cases written here. The fixture is committed; this script only needs to run again when a
case is added or changed.

Run from the repository root with Debian's scikit-learn (python3-sklearn):

    /usr/bin/python3 tools/reference/make_metrics_fixture.py

which rewrites ``tests/StanceLab.Tests/Fixtures/metrics/sklearn-metrics.json``. The output is
deterministic for a given NumPy version (seeded ``default_rng``); the versions used are recorded
in the fixture.

No probability in the cases is close to zero, so log_loss's clipping (eps = 1e-15 in older
scikit-learn, machine epsilon in newer) never applies and the reference holds across versions;
clipping is covered by the C# property tests instead.

Each case also carries calibration references computed here independently of the C# code: the
expected calibration error over 10 equal-width bins of the top probability (NumPy), and the
temperature that minimizes the log-loss of softmax(log p / T) (SciPy's bounded scalar
minimizer on log T over [0.05, 20]), with the log-loss at that temperature.
"""

import json
import pathlib

import numpy as np
import scipy
import sklearn
from scipy.optimize import minimize_scalar
from sklearn.dummy import DummyClassifier
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    log_loss,
    precision_recall_fscore_support,
)

SEED = 20240611
OUTPUT = (
    pathlib.Path(__file__).resolve().parents[2]
    / "tests" / "StanceLab.Tests" / "Fixtures" / "metrics" / "sklearn-metrics.json"
)
CLASSES = ["against", "favor", "neutral", "unrelated"]


def dirichlet_rows(rng, truth, class_count, true_boost, column_scale=None):
    """Probability rows that lean towards the true class, so accuracy is neither 0 nor 1."""
    rows = np.empty((len(truth), class_count))
    for i, t in enumerate(truth):
        alpha = np.full(class_count, 1.5)
        alpha[t] += true_boost
        rows[i] = rng.dirichlet(alpha)
    if column_scale is not None:
        rows = rows * np.asarray(column_scale)
        rows = rows / rows.sum(axis=1, keepdims=True)
    return rows


def expected_calibration_error(truth, probabilities, bins=10):
    confidence = probabilities.max(axis=1)
    correct = probabilities.argmax(axis=1) == truth
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    ece = 0.0
    for b in range(bins):
        members = which == b
        if members.any():
            ece += members.mean() * abs(correct[members].mean() - confidence[members].mean())
    return float(ece)


def scaled(probabilities, temperature):
    z = np.log(probabilities) / temperature
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fitted_temperature(truth, probabilities):
    def loss(log_t):
        q = scaled(probabilities, np.exp(log_t))
        return -np.mean(np.log(q[np.arange(len(truth)), truth]))
    result = minimize_scalar(loss, bounds=(np.log(0.05), np.log(20.0)), method="bounded", options={"xatol": 1e-10})
    return float(np.exp(result.x)), float(result.fun)


def reference(name, description, truth, probabilities):
    """Every number the C# ClassificationReport must reproduce, computed by scikit-learn."""
    labels = list(range(len(CLASSES)))
    assert probabilities.min() > 1e-12, "keep away from log_loss clipping (see module docstring)"
    predicted = probabilities.argmax(axis=1)  # first maximum, i.e. ties to the lowest class id
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=labels, zero_division=0
    )
    dummy = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(truth), 1)), truth)
    return {
        "name": name,
        "description": description,
        "classes": CLASSES,
        "truth": [int(t) for t in truth],
        "probabilities": [[float(p) for p in row] for row in probabilities],
        "accuracy": float(accuracy_score(truth, predicted)),
        # Macro-F1 with scikit-learn's default labels: those present in the truth or the predictions.
        "macro_f1": float(f1_score(truth, predicted, average="macro", zero_division=0)),
        "weighted_f1": float(f1_score(truth, predicted, labels=labels, average="weighted", zero_division=0)),
        "precision": [float(v) for v in precision],
        "recall": [float(v) for v in recall],
        "f1": [float(v) for v in f1],
        "support": [int(v) for v in support],
        "confusion_matrix": confusion_matrix(truth, predicted, labels=labels).tolist(),
        "log_loss": float(log_loss(truth, probabilities, labels=labels)),
        "majority_class": int(dummy.classes_[np.argmax(dummy.class_prior_)]),
        "majority_baseline": float(dummy.score(np.zeros((len(truth), 1)), truth)),
        "ece": expected_calibration_error(truth, probabilities),
        "temperature": fitted_temperature(truth, probabilities)[0],
        "log_loss_at_temperature": fitted_temperature(truth, probabilities)[1],
    }


def main():
    rng = np.random.default_rng(SEED)
    class_count = len(CLASSES)

    # 200 rows, class 3 rare (about 5%).
    truth = rng.choice(class_count, size=200, p=[0.40, 0.30, 0.25, 0.05])
    rare = reference(
        "dirichlet-200x4-rare-class",
        "200 rows, 4 classes, 'unrelated' rare; Dirichlet probability rows leaning to the truth.",
        truth,
        dirichlet_rows(rng, truth, class_count, true_boost=2.0),
    )

    # 40 rows where class 2 never occurs and is never predicted: per-class figures list it with
    # support 0 (labels=range(4)), and macro-F1 leaves it out (scikit-learn's default labels).
    truth = rng.choice([0, 1, 3], size=40, p=[0.5, 0.3, 0.2])
    absent = reference(
        "absent-class-40x4",
        "40 rows, 4 classes, 'neutral' absent from truth and never the argmax.",
        truth,
        dirichlet_rows(rng, truth, class_count, true_boost=1.0, column_scale=[1.0, 1.0, 0.05, 1.0]),
    )
    assert absent["support"][2] == 0 and sum(r[2] for r in absent["confusion_matrix"]) == 0

    fixture = {
        "generator": "tools/reference/make_metrics_fixture.py",
        "seed": SEED,
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "cases": [rare, absent],
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(fixture, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
