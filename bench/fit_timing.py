#!/usr/bin/env python3
"""Times scikit-learn's LogisticRegression fit alone, in-process, on a libsvm feature file.

    /usr/bin/python3 bench/fit_timing.py FEATURES.libsvm C [unpenalized|penalized]

The bench exports StanceLab's own training features for a split, so scikit-learn solves the
same problem as our solver (multinomial log-loss, L2):
- ``unpenalized`` (default): the intercept is not penalized, the objective of our L-BFGS solver;
- ``penalized``: ``fit_intercept=False`` on the rows plus a constant column of 1, so the intercept
  is penalized like any weight, the objective of our SDCA solver (scikit-learn's own
  intercept_scaling=1 semantics). Adding the column is not timed.
Prints JSON: {"fitSeconds", "iterations"}, the median of 3 fits; loading the file is not timed.
"""
import json
import sys
import time


def main(path, c, intercept):
    import numpy as np
    import scipy.sparse
    from sklearn.datasets import load_svmlight_file
    from sklearn.linear_model import LogisticRegression
    x, y = load_svmlight_file(path, zero_based=False)
    if intercept == 'penalized':
        x = scipy.sparse.hstack([x, np.ones((x.shape[0], 1))]).tocsr()
    elif intercept != 'unpenalized':
        raise SystemExit(f"unknown intercept mode '{intercept}': use unpenalized or penalized")
    times, iterations = [], None
    for _ in range(3):
        model = LogisticRegression(C=c, max_iter=10000, multi_class='multinomial', fit_intercept=intercept == 'unpenalized')
        start = time.perf_counter()
        model.fit(x, y)
        times.append(time.perf_counter() - start)
        iterations = int(max(model.n_iter_))
    times.sort()
    print(json.dumps({"fitSeconds": times[1], "iterations": iterations}))


if __name__ == '__main__':
    main(sys.argv[1], float(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else 'unpenalized')
