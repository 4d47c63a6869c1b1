#!/usr/bin/env python3
"""The sBG maximum-likelihood estimates of Fader & Hardie (2007), Table 1, years 0..7, located at 50 digits (Clv.Models test data).

Writes sbg_mle_reference.csv next to this script (columns alpha,beta,ll; row 1 the regular cohort, row 2 the high-end cohort). Requires mpmath.
The maximum is the root of the gradient of LL (mpmath findroot on the log-parameters, started at the published values); the
script checks that the gradient there is below 1e-30 and that the Hessian is negative definite.
"""
import csv
import os

import mpmath as mp

mp.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))
COHORTS = {"regular": ([1000, 631, 468, 382, 326, 289, 262, 241], ("0.70408", "1.18204")),
           "high_end": ([1000, 869, 743, 653, 593, 551, 517, 491], ("0.66809", "3.80610"))}


def ll(a, b, n):
    total = sum((n[t - 1] - n[t]) * mp.log(mp.beta(a + 1, b + t - 1) / mp.beta(a, b)) for t in range(1, len(n)))
    return total + n[-1] * mp.log(mp.beta(a, b + len(n) - 1) / mp.beta(a, b))


def main():
    rows = []
    for name, (n, start) in COHORTS.items():
        f = lambda x, y: ll(mp.exp(x), mp.exp(y), n)
        gx = lambda x, y: mp.diff(lambda u: f(u, y), x)
        gy = lambda x, y: mp.diff(lambda v: f(x, v), y)
        x, y = mp.findroot([gx, gy], (mp.log(mp.mpf(start[0])), mp.log(mp.mpf(start[1]))))
        if max(abs(gx(x, y)), abs(gy(x, y))) > mp.mpf(10) ** -30:
            raise SystemExit(f"{name}: gradient not zero at the root")
        h = mp.matrix([[mp.diff(lambda u: f(u, y), x, 2), mp.diff(f, (x, y), (1, 1))], [mp.diff(f, (x, y), (1, 1)), mp.diff(lambda v: f(x, v), y, 2)]])
        if not (h[0, 0] < 0 and h[0, 0] * h[1, 1] - h[0, 1] ** 2 > 0):
            raise SystemExit(f"{name}: not a maximum")
        rows.append([repr(float(mp.exp(x))), repr(float(mp.exp(y))), repr(float(f(x, y)))])
    with open(os.path.join(HERE, "sbg_mle_reference.csv"), "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["alpha", "beta", "ll"])
        w.writerows(rows)
    print(rows)


if __name__ == "__main__":
    main()
