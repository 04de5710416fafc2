#!/usr/bin/env python3
"""Generate the scikit-learn reference that StanceLab's logistic regression is tested against.

StanceLab fits multinomial logistic regression with ML.NET's LbfgsMaximumEntropy
(LogisticRegressionTrainer, L2 = 1/C), which minimizes scikit-learn's objective: C * sum_i w_i * (-log p(y_i | x_i)) + 1/2 * ||W||^2, the intercepts
unpenalized. The C# test ``SklearnAgreementTests`` trains ours on exactly the feature vectors
scikit-learn saw and checks that every predicted probability agrees with the values written here.

What the script does, from the repository root:

1. ``stancelab export`` the seed corpus (training-data/seed-articles.tsv) for the label columns
   ``topic`` and ``stance``, and copy ``<label>.libsvm`` and ``<label>.classes.txt`` into
   tests/StanceLab.Tests/Fixtures/logreg/ (the ``.features.txt`` names are not needed).
2. For each case in ``CASES``, fit
   ``LogisticRegression(multi_class="multinomial", solver="lbfgs", C=..., class_weight=...,
   tol=1e-10, max_iter=100000)`` and write ``<case>.json``: C, class weighting, versions, the
   predicted probabilities of every row (rounded to 1e-9) and the intercepts; and beside it
   ``<case>.coef.json.gz``, the coefficient matrix (rounded to 1e-7; one row per class, as
   scikit-learn's ``coef_``). The matrix is gzipped because it is bulk (classes x 6295 numbers,
   0.4 MB as text for topic) that nobody reads; the probabilities stay readable in a diff.

Run it with Debian's scikit-learn (python3-sklearn) and the .NET SDK on the PATH:

    /usr/bin/python3 tools/reference/make_logreg_fixture.py             # export, then fit
    /usr/bin/python3 tools/reference/make_logreg_fixture.py --no-export  # refit the committed .libsvm

A case with an ``intercept_scaling`` fits ``fit_intercept=False`` on the rows with one more column,
constant at that value (a penalized intercept, as in LIBLINEAR). None is listed since StanceLab's
in-house SDCA solver, whose objective that was, gave way to ML.NET's trainers.

The export is deterministic (sorted vocabulary, fixed featurizer defaults), so it only changes
when the featurizer or the seed corpus does; rerun this script then, and the C# test follows.

One correction to older scikit-learn (Debian ships 1.2): its lbfgs path passes only ``gtol=tol``
to scipy's L-BFGS-B, whose default ``ftol`` (about 2.2e-9, a relative decrease of the objective)
then stops the solver long before the gradient reaches ``tol`` (scikit-learn issue #18074). On
this data the probabilities land up to 1.6e-4 away from the optimum, so ``tol=1e-10`` would mean
nothing. Newer releases pass ``ftol=64 * eps`` and ``maxls=50`` themselves; ``_upstream_lbfgs_stop``
applies the same two options on older versions (and changes nothing where they are already passed). Each case
records how far the unpatched fit was (``unpatched_max_probability_difference``) and the largest
gradient component at the written solution, in the scale of StanceLab's GradientTolerance
(``max_gradient``).
"""

import argparse
import contextlib
import gzip
import json
import pathlib
import shutil
import subprocess
import tempfile
import warnings

import numpy as np
import scipy
import scipy.sparse
import sklearn
import sklearn.linear_model._logistic as sklearn_logistic
from scipy.special import softmax
from sklearn.datasets import load_svmlight_file
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.utils.class_weight import compute_class_weight

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "training-data" / "seed-articles.tsv"
OUTPUT = ROOT / "tests" / "StanceLab.Tests" / "Fixtures" / "logreg"
LABELS = ["topic", "stance"]
TOL = 1e-10
MAX_ITER = 100_000
SKLEARN_VERSION = tuple(int(part) for part in sklearn.__version__.split(".")[:2])

# name, label column, C, class_weight (None or "balanced"), intercept_scaling (None: unpenalized
# intercept, what L-BFGS fits; a number s: the intercept is s times the weight of a constant
# feature of value s, penalized like the others, what the SDCA solver fits)
CASES = [
    ("topic-c10", "topic", 10.0, None, None),
    ("stance-c1", "stance", 1.0, None, None),
    ("stance-c1-balanced", "stance", 1.0, "balanced", None),
]


def export(label, directory):
    """Runs the CLI's export verb; returns the path prefix of the written files."""
    prefix = pathlib.Path(directory) / label
    subprocess.run(
        [
            "dotnet", "run", "--project", str(ROOT / "src" / "StanceLab.Cli"), "-c", "Release", "--",
            "export", "--data", str(CORPUS), "--label", label, "--out", str(prefix),
        ],
        cwd=ROOT,
        check=True,
    )
    return prefix


def load(label):
    """The fixture's rows exactly as the C# test sees them: values parsed as float32 (LibSvmReader)."""
    X, y = load_svmlight_file(str(OUTPUT / f"{label}.libsvm"), zero_based=False, dtype=np.float32)
    classes = (OUTPUT / f"{label}.classes.txt").read_text(encoding="utf-8").split("\n")
    classes = [c for c in classes if c]
    return X.astype(np.float64).tocsr(), y.astype(np.int64), classes


@contextlib.contextmanager
def _upstream_lbfgs_stop():
    """Gives L-BFGS-B the stopping options newer scikit-learn passes (see the module docstring)."""
    original = sklearn_logistic.optimize.minimize

    def minimize(*args, **kwargs):
        if kwargs.get("method") == "L-BFGS-B":
            options = dict(kwargs.get("options") or {})
            options.setdefault("ftol", 64 * np.finfo(float).eps)
            options.setdefault("maxls", 50)
            kwargs["options"] = options
        return original(*args, **kwargs)

    sklearn_logistic.optimize.minimize = minimize
    try:
        yield
    finally:
        sklearn_logistic.optimize.minimize = original


def fit(X, y, C, class_weight, fit_intercept=True):
    # multi_class is deprecated from scikit-learn 1.5 (multinomial is then what lbfgs always does
    # with more than two classes) and later removed; pass it only where it still means something.
    multinomial = {"multi_class": "multinomial"} if SKLEARN_VERSION < (1, 5) else {}
    model = LogisticRegression(
        solver="lbfgs", C=C, class_weight=class_weight, tol=TOL, max_iter=MAX_ITER,
        fit_intercept=fit_intercept, **multinomial
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)  # an unconverged fit is no reference
        return model.fit(X, y)


def max_gradient(X, y, coef, intercept, C, row_weights, fit_intercept=True):
    """Largest gradient component of C * sum_i w_i * loss_i + ||W||^2 / 2, divided by C * sum_i w_i
    (the scale in which LogisticRegressionTrainer's GradientTolerance is expressed)."""
    k = coef.shape[0]
    residual = (softmax(X @ coef.T + intercept, axis=1) - np.eye(k)[y]) * row_weights[:, None]
    grad_w = C * (X.T @ residual).T + coef
    grad_b = C * residual.sum(axis=0) if fit_intercept else np.zeros(1)
    return max(np.abs(grad_w).max(), np.abs(grad_b).max()) / (C * row_weights.sum())


def case(name, label, C, class_weight, intercept_scaling):
    X, y, classes = load(label)
    if intercept_scaling is not None:
        # The penalized intercept is one more feature, constant at intercept_scaling.
        X = scipy.sparse.hstack([X, np.full((X.shape[0], 1), intercept_scaling)]).tocsr()
    present = np.unique(y)
    assert len(present) == len(classes), f"{label}: every class must occur so the heads line up"
    weights = compute_class_weight(class_weight, classes=present, y=y) if class_weight else np.ones(len(present))
    row_weights = weights[np.searchsorted(present, y)]

    fit_intercept = intercept_scaling is None
    unpatched = fit(X, y, C, class_weight, fit_intercept)
    with _upstream_lbfgs_stop():
        model = fit(X, y, C, class_weight, fit_intercept)
    probabilities = model.predict_proba(X)
    gradient = max_gradient(X, y, model.coef_, model.intercept_, C, row_weights, fit_intercept)
    coef, intercept = model.coef_, np.asarray(model.intercept_, dtype=float)
    if not fit_intercept:
        coef, intercept = model.coef_[:, :-1], model.coef_[:, -1] * intercept_scaling
    # At 64 * eps the relative decrease is at the limit of float64; that leaves a gradient of about
    # 1e-8 here, which is within 2e-7 of the exact optimum's probabilities.
    assert gradient < 1e-7, f"{name}: scikit-learn stopped with gradient {gradient:.3g}"
    drift = float(np.abs(unpatched.predict_proba(X) - probabilities).max())
    print(f"{name}: {X.shape[0]} rows x {X.shape[1]} features, {len(classes)} classes, "
          f"n_iter {int(model.n_iter_[0])}, max gradient {gradient:.2g}, unpatched drift {drift:.2g}")

    return {
        "name": name,
        "generator": "tools/reference/make_logreg_fixture.py",
        "libsvm": f"{label}.libsvm",
        "label": label,
        "classes": classes,
        "c": C,
        "class_weighting": class_weight or "none",
        "intercept_scaling": intercept_scaling,
        "sklearn_version": sklearn.__version__,
        "scipy_version": scipy.__version__,
        "numpy_version": np.__version__,
        "solver": f"lbfgs, multinomial, tol={TOL:g}, max_iter={MAX_ITER}, ftol=64*eps, maxls=50",
        "n_iter": int(model.n_iter_[0]),
        "max_gradient": float(gradient),
        "unpatched_max_probability_difference": drift,
        "rows": int(X.shape[0]),
        "features": int(coef.shape[1]),
        "probabilities": np.round(probabilities, 9).tolist(),
        "intercept": np.round(intercept, 9).tolist(),
        "coef_file": f"{name}.coef.json.gz",
    }, {
        "name": name,
        "shape": [len(classes), int(coef.shape[1])],
        "rounding": 1e-7,
        "coef": np.round(coef, 7).tolist(),
    }


def write_json(path, document):
    """Compact JSON, one matrix row per line, so a diff shows which row moved."""
    lines = ["{"]
    items = list(document.items())
    for i, (key, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(value, list) and value and isinstance(value[0], list):
            rows = [json.dumps(row, separators=(",", ":")) for row in value]
            lines.append(f' "{key}": [')
            lines.extend(f"  {row}," for row in rows[:-1])
            lines.append(f"  {rows[-1]}")
            lines.append(f" ]{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, separators=(',', ':'))}{comma}")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    if path.suffix == ".gz":
        # mtime=0 and no file name in the header: the same numbers give the same bytes.
        path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    else:
        path.write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-export", action="store_true", help="refit on the committed .libsvm files")
    args = parser.parse_args()

    OUTPUT.mkdir(parents=True, exist_ok=True)
    if not args.no_export:
        with tempfile.TemporaryDirectory() as directory:
            for label in LABELS:
                prefix = export(label, directory)
                for suffix in (".libsvm", ".classes.txt"):
                    shutil.copyfile(f"{prefix}{suffix}", OUTPUT / f"{label}{suffix}")

    for name, label, C, class_weight, intercept_scaling in CASES:
        reference, coefficients = case(name, label, C, class_weight, intercept_scaling)
        for path, document in ((OUTPUT / f"{name}.json", reference), (OUTPUT / reference["coef_file"], coefficients)):
            write_json(path, document)
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
