#!/usr/bin/env python3
"""50-digit reference values for the shifted-beta-geometric (sBG) model (Clv.Models test data).

Writes sbg_reference.csv (and the multi-cohort test data set sbg_multi_cohort.csv) next to this script.
Requires mpmath (tested with 1.3.0). Deterministic: fixed hand-picked grid, no randomness.

Quantities (Fader & Hardie 2007, J. Interactive Marketing 21(1); Fader & Hardie 2010, Marketing Science 29(1)):
  kind=S     S(t) = B(alpha, beta+t) / B(alpha, beta)                              (column t)
  kind=r     r(t) = (beta+t-1) / (alpha+beta+t-1), t >= 1                          (column t)
  kind=P     P(T=t) = B(alpha+1, beta+t-1) / B(alpha, beta), t >= 1                (column t)
  kind=derl  DERL(d | n renewals) = sum_{k>=0} S(n+1+k)/S(n) / (1+d)^k
             = b/(alpha+b) 2F1(1, b+1; alpha+b+1; 1/(1+d)),  b = beta+n          (column t = n, d)
             (d = 0: b/(alpha-1) for alpha > 1)
  kind=ll    LL = sum_cohorts [ sum_{t=1}^{T_c} (n_{t-1}-n_t) ln P(T=t) + n_{T_c} ln S(T_c) ] and its gradient
             in (alpha, beta) (columns value, grad_alpha, grad_beta; column dataset names the data)
Columns: kind,dataset,alpha,beta,t,d,value,grad_alpha,grad_beta (dataset '-' and empty gradients where they do not apply).

Independent checks (the script aborts on disagreement):
  S, P:  beta functions versus the product of retention rates (exact rational recursion, 1e-40 relative)
  derl:  the series summed directly at 50 digits (all terms positive, ratio below z, stopped by the rigorous tail bound
         term z/(1-z) < 1e-55 sum), checked on every 37th row against mp.quad of (1+d) E[(1-theta)/(d+theta)],
         theta ~ Beta(alpha, b), split at the mean with power substitutions and breakpoints at d and the density's peak
         (1e-10 relative: mp.quad is not more reliable for the narrowest densities). mpmath's hyp2f1 is not used: for z near 1
         with large parameters it fails to converge, hangs, or returns wrong values (e.g. alpha = 0.01, b = 1e6, d = 0.01).
  ll:    closed form with mpmath beta functions; gradient by mpmath's numerical diff at 50 digits
"""
import csv
import multiprocessing
import os

import mpmath as mp
from mpmath import mpf

mp.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "sbg_reference.csv")
MULTI = os.path.join(HERE, "sbg_multi_cohort.csv")
QUAD_EVERY = 37

# Fader & Hardie (2007), Table 1, years 0..7 (the calibration years of the paper).
REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241]
HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491]
# Cohorts of different ages (hand-made, non-increasing): acquisition years 1..4 of a subscription business.
MULTI_COHORTS = {
    "2019": [5000, 3400, 2710, 2300, 2010, 1820, 1660],
    "2020": [4200, 2950, 2390, 2060, 1840],
    "2021": [3900, 2700, 2180],
    "2022": [4600, 3120],
}
# A long monthly cohort (60 periods) with slowly decaying survival: exercises many periods.
LONG = [int(round(20000 * float(mp.beta(mpf("0.9"), mpf("6.5") + t) / mp.beta(mpf("0.9"), mpf("6.5"))))) for t in range(61)]
DATASETS = {"regular": {"regular": REGULAR}, "high_end": {"high_end": HIGH_END}, "multi": MULTI_COHORTS, "long": {"long": LONG}}


def S(a, b, t):
    return mp.beta(a, b + t) / mp.beta(a, b)


def P(a, b, t):
    return mp.beta(a + 1, b + t - 1) / mp.beta(a, b)


def S_product(a, b, t):
    v = mpf(1)
    for j in range(t):
        v *= (b + j) / (a + b + j)
    return v


def ll(a, b, data):
    total = mpf(0)
    for counts in data.values():
        for t in range(1, len(counts)):
            churned = counts[t - 1] - counts[t]
            if churned:
                total += churned * mp.log(P(a, b, t))
        total += counts[-1] * mp.log(S(a, b, len(counts) - 1))
    return total


def peak_points(a, b):
    """The Beta(a, b) mean and mean + k standard deviations, k = -40..40 (inside (0, 1)): where a narrow density lives."""
    m = a / (a + b)
    sd = mp.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    return [m + k * sd for k in range(-40, 41) if 0 < m + k * sd < 1]


def derl_quad(a, b, d):
    """(1+d) E[(1-theta)/(d+theta)], theta ~ Beta(a, b), split at the mean m: theta = m v^(1/k) on [0, m] and
    1 - theta = (1-m) w^(1/u) on [m, 1] (k = min(a, 1), or min(a-1, 1) when d = 0; u = min(b+1, 1)) take the endpoint
    singularities into the measure; breakpoints where theta passes d/100, d, 100 d and the density's peak."""
    d = mpf(d)
    g = (lambda th, q: q / th) if d == 0 else (lambda th, q: q / (d + th))
    m = a / (a + b)
    k = min(a - 1, 1) if d == 0 else min(a, mpf(1))
    u = min(b + 1, mpf(1))

    def lower(v):
        th = m * v ** (1 / k)
        return th ** (a - 1) * (1 - th) ** (b - 1) * g(th, 1 - th) * (m / k) * v ** (1 / k - 1)

    def upper(w):
        q = (1 - m) * w ** (1 / u)
        th = 1 - q
        return th ** (a - 1) * q ** (b - 1) * g(th, q) * ((1 - m) / u) * w ** (1 / u - 1)

    knees = ([d / 100, d, 100 * d] if d > 0 else []) + peak_points(a, b)
    low_pts = sorted(set([mpf(0), mpf(1)] + [(x / m) ** k for x in knees if 0 < x < m]))
    up_pts = sorted(set([mpf(0), mpf(1)] + [((1 - x) / (1 - m)) ** u for x in knees if m < x < 1]))
    v = mp.quad(lower, low_pts, maxdegree=10) + mp.quad(upper, up_pts, maxdegree=10)
    return (1 + d) * v / mp.beta(a, b)


def derl_series(a, b, d):
    """b/(a+b) sum_k (b+1)_k/(a+b+1)_k z^k summed directly until the tail bound term z/(1-z) is below 1e-55 of the sum."""
    z = 1 / (1 + mpf(d))
    term, total, k = mpf(1), mpf(1), 0
    while term * z / (1 - z) > mpf(10) ** -55 * total:
        term *= z * (b + 1 + k) / (a + b + 1 + k)
        total += term
        k += 1
    return b / (a + b) * total


def derl_case(item):
    """One DERL row: the series summed directly (exact: positive terms, rigorous tail bound; b/(alpha-1) at d = 0); every
    QUAD_EVERY-th row is also checked against the quadrature, which is accurate to ~1e-11 for the narrowest densities here."""
    i, (sa, sb, n, sd) = item
    a, b = mpf(sa), mpf(sb) + n
    if sd == "0":
        return b / (a - 1)
    v = derl_series(a, b, mpf(sd))
    if i % QUAD_EVERY == 0:
        check(v, derl_quad(a, b, sd), f"DERL({sa},{sb},{n},{sd})", mpf(10) ** -10)
    return v


def check(a, b, what, tol):
    if a == b:
        return
    if abs(a - b) > tol * abs(b):
        raise SystemExit(f"reference disagreement in {what}: {mp.nstr(a, 25)} vs {mp.nstr(b, 25)}")


def fmt(v):
    return repr(float(v))


def main():
    rows = []
    params = ["0.001", "0.01", "0.1", "0.5", "0.70408", "1", "1.000000001", "2.5", "10", "100", "1000", "10000"]
    ts = [0, 1, 2, 5, 12, 50, 365, 1000, 100000]
    for sa in params:
        for sb in params:
            a, b = mpf(sa), mpf(sb)
            for t in ts:
                s = S(a, b, t)
                if t <= 1000:
                    check(s, S_product(a, b, t), f"S({sa},{sb},{t})", mpf(10) ** -40)
                rows.append(["S", "-", sa, sb, str(t), "", fmt(s), "", ""])
                if t >= 1:
                    rows.append(["r", "-", sa, sb, str(t), "", fmt((b + t - 1) / (a + b + t - 1)), "", ""])
                    p = P(a, b, t)
                    check(p, a / (a + b + t - 1) * S(a, b, t - 1), f"P({sa},{sb},{t})", mpf(10) ** -40)
                    rows.append(["P", "-", sa, sb, str(t), "", fmt(p), "", ""])

    derl_params = ["0.01", "0.3", "0.66809", "3.80610", "30", "1000"]
    renewals = [0, 1, 4, 50, 1000, 1000000]
    rates = ["0", "0.01", "0.05", "0.1", "0.5", "2", "100"]
    cases = [(sa, sb, n, sd) for sa in derl_params for sb in derl_params for n in renewals for sd in rates
             if not (sd == "0" and mpf(sa) <= 1)]
    # small discount rates (about 120 000 series terms for d = 0.001, 1.2 million for d = 1e-4) on a few cases only
    cases += [(sa, sb, n, "0.001") for sa, sb in [("0.01", "0.01"), ("0.66809", "3.80610"), ("30", "1000"), ("1000", "0.3")]
              for n in (0, 50, 1000000)]
    cases += [("0.66809", "3.80610", 0, "1e-4"), ("0.01", "1000", 1000000, "1e-4")]
    with multiprocessing.Pool(2) as pool:
        values = pool.map(derl_case, list(enumerate(cases)), chunksize=8)
    for (sa, sb, n, sd), v in zip(cases, values):
        rows.append(["derl", "-", sa, sb, str(n), sd, fmt(v), "", ""])

    ll_params = [("0.70408", "1.18204"), ("0.66809", "3.80610"), ("0.01", "0.01"), ("0.01", "1000"), ("1000", "0.01"),
                 ("1000", "1000"), ("1", "1"), ("0.3", "7"), ("5", "0.2"), ("0.9", "6.5")]
    for name, data in DATASETS.items():
        for sa, sb in ll_params:
            a, b = mpf(sa), mpf(sb)
            v = ll(a, b, data)
            ga = mp.diff(lambda x: ll(x, b, data), a)
            gb = mp.diff(lambda y: ll(a, y, data), b)
            rows.append(["ll", name, sa, sb, "", "", fmt(v), fmt(ga), fmt(gb)])

    with open(OUT, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kind", "dataset", "alpha", "beta", "t", "d", "value", "grad_alpha", "grad_beta"])
        w.writerows(rows)
    with open(MULTI, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["cohort", "period", "survivors"])
        for name, counts in MULTI_COHORTS.items():
            for t, n in enumerate(counts):
                w.writerow([name, t, n])
        for t, n in enumerate(LONG):
            w.writerow(["long", t, n])
    print(f"{len(rows)} rows written to {OUT}")


if __name__ == "__main__":
    main()
