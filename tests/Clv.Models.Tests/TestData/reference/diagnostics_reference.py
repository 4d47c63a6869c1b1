"""Reference values of the diagnostics (calibration vs holdout, repeat-transaction histogram, tracking, frequency/recency
matrix, model comparison) on the bundled CDNOW data, for BG/NBD and Pareto/NBD at the published CDNOW estimates.

    python3 diagnostics_reference.py      (Python 3, mpmath 1.3.0, 50 digits; about ten minutes of CPU on one core)

Reads ../../../../samples/data/cdnowSummary_cbs.csv (calibration x, t_x, T and the 39-week holdout x*) and
../../../../samples/data/cdnowElog.csv (first-purchase days of the cohorts), and writes diagnostics_reference.csv with
columns `model,diagnostic,key,value` (value as repr(float)). The per-customer model quantities come from the functions
of bgnbd_reference.py and paretonbd_reference.py (50 digits, with their own cross-checks); this script only aggregates
them, in its own way (plain loops over customers, Python's sorted/sum), independently of the C# code.
"""
import csv
import datetime
import os
from collections import Counter, defaultdict

import mpmath as mp
from mpmath import mpf

import bgnbd_reference as bg
import paretonbd_reference as pn

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "..", "samples", "data")
OUT = os.path.join(HERE, "diagnostics_reference.csv")

BG = (0.2426, 4.4135, 0.7929, 2.4258)     # Fader, Hardie & Lee 2005, CDNOW
PN = (0.5533, 10.578, 0.6062, 11.667)     # Fader & Hardie 2005 note, CDNOW
HOLDOUT = 39.0
OPEN = 7


def read_cbs():
    with open(os.path.join(DATA, "cdnowSummary_cbs.csv")) as f:
        return [(float(r["x"]), float(r["t.x"]), float(r["T.cal"]), float(r["x.star"])) for r in csv.DictReader(f)]


def read_cohorts():
    first = {}
    with open(os.path.join(DATA, "cdnowElog.csv")) as f:
        for r in csv.DictReader(f):
            d = datetime.date(int(r["date"][:4]), int(r["date"][4:6]), int(r["date"][6:]))
            c = r["masterid"]
            first[c] = min(first.get(c, d), d)
    origin = min(first.values())
    return Counter((d - origin).days for d in first.values())


def pn_ll_pa(x, tx, T):
    # Fader & Hardie 2005 note, section 3 (ln L) and 5 (P(alive)); the integral by the closed form of
    # paretonbd_reference.integral_closed (2F1 at 120 digits), without that script's quadrature cross-check (slow).
    r, alpha, s, beta = map(mpf, PN)
    x, tx, T = mpf(x), mpf(tx), mpf(T)
    a = r + x
    t1 = (alpha + T) ** (-a) * (beta + T) ** (-s)
    i = pn.integral_closed(alpha, a, beta, s + 1, tx, T) if T > tx else mpf(0)
    pref = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(alpha) + s * mp.log(beta)
    return pref + mp.log(t1 + s * i), t1 / (t1 + s * i)


def pn_pxn(n, t):
    # P(X(t) = n) (Fader & Hardie 2006): "alive throughout" term plus the dropout term as the Euler-form integral
    # over u = tau/(alpha+tau) of paretonbd_reference.p_x_n, by one quadrature (that script also cross-checks it).
    r, alpha, s, beta = map(mpf, PN)
    t = mpf(t)
    lcoef = mp.loggamma(r + n) - mp.loggamma(r) - mp.loggamma(n + 1)
    alive = mp.exp(lcoef + r * mp.log(alpha / (alpha + t)) + n * mp.log(t / (alpha + t)) + s * mp.log(beta / (beta + t)))
    z = t / (alpha + t)
    h = lambda u: u ** n * (1 - u) ** (r + s - 1) * (beta * (1 - u) + alpha * u) ** (-(s + 1))
    grid = [z * mpf(2) ** (-k) for k in range(64, -1, -4)]
    died = mp.quad(h, [mpf(0)] + grid) * mp.exp(lcoef + mp.log(alpha) + mp.log(s) + s * mp.log(beta))
    return alive + died


def models():
    def bg_ll_pa(x, tx, T):
        return bg.loglik(*BG, x, tx, T), bg.p_alive(*BG, x, tx, T)

    return {
        "bg-nbd": dict(
            ll_pa=bg_ll_pa,
            ey=lambda x, tx, T, t, pa: bg.expected_y(*BG, x, tx, T, t),
            ex=lambda t: bg.expected_x_new(*BG, t),
            pxn=lambda n, t: bg.p_x_n(*BG, n, t)),
        "pareto-nbd": dict(
            ll_pa=pn_ll_pa,
            ey=lambda x, tx, T, t, pa: pn.expected_y(*PN, x, tx, T, t, pa),
            ex=lambda t: pn.expected_x_new(*PN, t),
            pxn=pn_pxn),
    }


def check_fast_pareto_routes():
    for check_n, check_t in [(0, 38.86), (3, 30.0)]:  # the fast P(X(t)=n) against the cross-checked one
        u, v = pn_pxn(check_n, check_t), pn.p_x_n(*PN, check_n, check_t)
        if abs(u - v) > mpf("1e-20") * abs(v):
            raise SystemExit(f"P(X(t)=n) disagrees at n={check_n}, t={check_t}: {u} vs {v}")
    for (x, tx, T) in [(2, 30.428571428571427, 38.857142857142854), (0, 0.0, 30.0)]:  # ln L, P(alive) against the quadrature route
        u, v = pn_ll_pa(x, tx, T), pn.loglik_palive(*PN, x, tx, T)
        if abs(u[0] - v[0]) > mpf("1e-20") * abs(v[0]) or abs(u[1] - v[1]) > mpf("1e-20") * abs(v[1]):
            raise SystemExit(f"ln L / P(alive) disagree at {(x, tx, T)}: {u} vs {v}")


def main():
    check_fast_pareto_routes()
    print("fast Pareto/NBD routes agree with paretonbd_reference.py", flush=True)
    cbs = read_cbs()
    cohorts = read_cohorts()
    N = len(cbs)
    rows = []

    def put(model, diagnostic, key, value):
        rows.append((model, diagnostic, key, repr(float(value))))

    for name, m in models().items():
        # per customer: log-likelihood, P(alive), E[Y(39)]  (distinct rows computed once)
        cache = {}
        ll, pred = [], []
        for (x, tx, T, xs) in cbs:
            key = (x, tx, T)
            if key not in cache:
                l, pa = m["ll_pa"](x, tx, T)
                cache[key] = (l, m["ey"](x, tx, T, HOLDOUT, pa))
            ll.append(cache[key][0])
            pred.append(cache[key][1])
        actual = [mpf(r[3]) for r in cbs]

        # calibration vs holdout buckets
        buckets = defaultdict(list)
        for i, r in enumerate(cbs):
            buckets[min(int(r[0]), OPEN)].append(i)
        for k in range(OPEN + 1):
            idx = buckets[k]
            put(name, "holdout_customers", k, len(idx))
            put(name, "holdout_mean_actual", k, mp.fsum(actual[i] for i in idx) / len(idx))
            put(name, "holdout_mean_predicted", k, mp.fsum(pred[i] for i in idx) / len(idx))

        # model comparison
        total_ll = mp.fsum(ll)
        put(name, "log_likelihood", "", total_ll)
        put(name, "aic", "", 2 * 4 - 2 * total_ll)
        put(name, "bic", "", 4 * mp.log(N) - 2 * total_ll)
        diffs = [a - p for a, p in zip(actual, pred)]
        put(name, "mae", "", mp.fsum(abs(d) for d in diffs) / N)
        put(name, "rmse", "", mp.sqrt(mp.fsum(d * d for d in diffs) / N))
        ma, mpd = mp.fsum(actual) / N, mp.fsum(pred) / N
        cov = mp.fsum((a - ma) * (p - mpd) for a, p in zip(actual, pred))
        va = mp.fsum((a - ma) ** 2 for a in actual)
        vp = mp.fsum((p - mpd) ** 2 for p in pred)
        put(name, "correlation", "", cov / mp.sqrt(va * vp))
        put(name, "predicted_total", "", mp.fsum(pred))

        # histogram: expected customers with n = 0..6 repeat purchases, 7+ by difference; chi-square with 8 - 1 - 4 = 3 df
        Ts = Counter(r[2] for r in cbs)
        expected = [mp.fsum(c * m["pxn"](n, T) for T, c in Ts.items()) for n in range(OPEN)]
        expected.append(N - mp.fsum(expected))
        observed = Counter(min(int(r[0]), OPEN) for r in cbs)
        chi2 = mp.fsum((observed[n] - expected[n]) ** 2 / expected[n] for n in range(OPEN + 1))
        for n in range(OPEN + 1):
            put(name, "histogram_observed", n, observed[n])
            put(name, "histogram_expected", n, expected[n])
        put(name, "chi_square", "", chi2)
        put(name, "chi_square_p", "", mp.gammainc(mpf(3) / 2, chi2 / 2, mp.inf, regularized=True))

        # tracking: expected cumulative repeat transactions at the end of weeks 1..78; end of week k = day 7k - 1
        for k in range(1, 79):
            last = 7 * k - 1
            put(name, "tracking_expected_cumulative", k,
                mp.fsum(c * m["ex"](mpf(last - d) / 7) for d, c in cohorts.items() if d <= last))

        # frequency/recency matrix cells at T = max T, recency grid j * T / 39 (j = 0..39), horizon 39
        Tmax = max(r[2] for r in cbs)
        for (x, j) in [(0, 0), (1, 1), (1, 20), (5, 10), (5, 39), (12, 30), (29, 39), (29, 2)]:
            tx = 0.0 if x == 0 else (Tmax if j == 39 else Tmax * j / 39)
            l, pa = m["ll_pa"](x, tx, Tmax)
            put(name, "matrix_p_alive", f"{x}:{j}", pa)
            put(name, "matrix_expected", f"{x}:{j}", m["ey"](x, tx, Tmax, HOLDOUT, pa))
        print(name, "done", flush=True)

    with open(OUT, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["model", "diagnostic", "key", "value"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
