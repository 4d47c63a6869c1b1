#!/usr/bin/env python3
"""50-digit reference values for discounted expected transactions (Clv.Models test data).

Writes dert_reference.csv next to this script. Requires mpmath (tested with 1.3.0).
Deterministic: a fixed seed and fixed hand-picked rows.

Quantities (time in the summary's unit, delta >= 0 a continuous discount rate, H > 0 a horizon, H = inf allowed):
  kind=J      J_h(s, z) = int_0^h e^(-z u) (1+u)^(-s) du         (columns p3 = s, delta = z, H = h)
              = J_inf(s, z) - e^(-zh) (1+h)^(1-s) J_inf(s, z(1+h)); J_inf = U(1, 2-s, z) = z^(s-1) U(s, s, z)
              (DLMF 13.4.4, 13.2.40, 13.6.4)
  kind=pnbd   Pareto/NBD DET given alive (lambda ~ Gamma(r+x, alpha+T), mu ~ Gamma(s, beta+T)):
              (r+x)/(alpha+T) int_0^H e^(-delta t) ((beta+T)/(beta+T+t))^s dt   (p3 = s, p4 = beta)
              (Fader, Hardie & Lee 2005, JMR 42(4), eq. A4 without P(alive))
  kind=bgnbd  BG/NBD DET given alive (lambda ~ Gamma(r+x, alpha+T), p ~ Beta(a, b+x)):
              E[lambda (1 - e^(-(delta+lambda p) H)) / (delta + lambda p)]     (p3 = a, p4 = b)
Columns: kind,r,alpha,p3,p4,x,T,delta,H,value (inf printed as 'inf'; value 'inf' where the quantity diverges).

Every value is computed twice by independent routes and the script aborts if they differ by more than 1e-20 relative:
  J:     continued fraction (z >= 2 or s >= 30) or mpmath hyperu  vs  mp.quad of the defining integral (split on a geometric grid)
  pnbd:  the J closed form                      vs  mp.quad of the defining integral over t
  bgnbd: mp.quad over p of (R/p) J_(pH/A)(R+1, delta A/p)  vs  mp.quad over t of
         (R/A) e^(-delta t) 2F1(R+1, a; a+B; -t/A)  (E over lambda, then Euler's integral DLMF 15.6.1 over p)
"""
import csv
import multiprocessing
import math
import os
import random
import time

import mpmath as mp
from mpmath import mpf

mp.mp.dps = 50
CHECK_DPS = 32
TOL = mpf(10) ** -20
BG_DPS = 30      # BG/NBD rows: the p-quadrature over J values is costly at 50 digits
BG_CHECK_DPS = 25
BG_TOL = mpf(10) ** -15
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dert_reference.csv")
INF = mp.inf


def geometric_points(lo, hi, factor=8):
    """Breakpoints lo, lo*factor, ... below hi (mp.quad is more reliable on intervals without multi-scale features)."""
    pts = []
    v = lo
    while v < hi:
        pts.append(v)
        v *= factor
    return pts


# ---------------------------------------------------------------- J_h(s, z)

def j_series_small_h(s, z, h):
    """Taylor series of int_0^h f, f(u) = e^(-zu)(1+u)^(-s): h - (z+s)h^2/2 + ((z+s)^2 + s) h^3/6 (for h (z+s) < 1e-25)."""
    return h - (z + s) * h ** 2 / 2 + ((z + s) ** 2 + s) * h ** 3 / 6


def j_cf(s, z):
    """J(s, z) = U(1, 2-s, z) by Legendre's continued fraction for Gamma(1-s, z) (DLMF 8.9.2), scaled:
    1/(z+s - 1 s/(z+s+2 - 2(s+1)/(z+s+4 - ...))), modified Lentz at the working precision."""
    eps = mpf(10) ** (-mp.mp.dps + 3)
    tiny = mpf(10) ** (-2 * mp.mp.dps)
    b = z + s
    f, C, D = b, b, mpf(0)
    for n in range(1, 200000):
        an = -n * (n - 1 + s)
        b += 2
        D = b + an * D
        D = D if D != 0 else tiny
        C = b + an / C
        C = C if C != 0 else tiny
        D = 1 / D
        d = C * D
        f *= d
        if abs(d - 1) < eps:
            return 1 / f
    raise SystemExit(f"continued fraction did not converge at s={s} z={z}")


def j_inf(s, z):
    """J(s, z) for z > 0: the continued fraction where it converges fast (z >= 2 or s >= 30), else mpmath's hyperu
    U(1, 2-s, z) (mpmath's hyperu, expint and gammainc are slow or wrong for large z with integer s, e.g.
    expint(106, 400), so they are not used there)."""
    with mp.workdps(mp.mp.dps + 20):
        s, z = mpf(s), mpf(z)
        if z >= 2 or s >= 30:
            return +j_cf(s, z)
        return +mp.hyperu(1, 2 - s, z)


def j_closed(s, z, h):
    """J_h(s, z) (primary). z = 0: elementary. h = inf: j_inf; finite h: the difference
    J(s, z) - e^(-zh) (1+h)^(1-s) J(s, z(1+h)) (substitute u = h + (1+h) w) at raised precision, raised further until
    the digits lost to cancellation are covered; for h (z+s) < 1e-25 the Taylor series."""
    s, z = mpf(s), mpf(z)
    if z == 0:
        if h == INF:
            return 1 / (s - 1) if s > 1 else INF
        h = mpf(h)
        return mp.log1p(h) if s == 1 else -mp.expm1((1 - s) * mp.log1p(h)) / (s - 1)
    if h == INF:
        return j_inf(s, z)
    h = mpf(h)
    if h * (z + s) < mpf(10) ** -25:
        return j_series_small_h(s, z, h)
    extra = 20
    while True:
        with mp.workdps(mp.mp.dps + extra):
            full = j_inf(s, z)
            v = full - mp.exp(-z * h + (1 - s) * mp.log1p(h)) * j_inf(s, z * (1 + h))
            lost = mp.log10(full / v) if v > 0 else mpf(10) ** 9
        if lost < extra - 15:
            return +v
        extra = int(lost) + 30


def j_quad(s, z, h):
    """J_h(s, z) by mp.quad of the defining integral (check)."""
    with mp.workdps(CHECK_DPS):
        s, z = mpf(s), mpf(z)
        end = INF if h == INF else mpf(h)
        f = lambda u: mp.exp(-z * u - s * mp.log1p(u))
        lo = 1 / (z + s) / 8
        hi = (60 / z if z > 0 else mpf(10) ** 30) * 8
        if end != INF:
            hi = min(hi, end)
        pts = [mpf(0)] + [p for p in geometric_points(lo, hi) if p < end] + [end]
        return mp.quad(f, pts)


def agree(v1, v2, what, tol=TOL):
    if v1 == INF or v2 == INF:
        if v1 != v2:
            raise SystemExit(f"{what}: {v1} vs {v2}")
        return
    if abs(v1 - v2) > tol * abs(v1):
        raise SystemExit(f"{what}: disagreement {mp.nstr(v1, 30)} vs {mp.nstr(v2, 30)}")


def j_value(s, z, h):
    v = j_closed(s, z, h)
    if not (mpf(z) == 0 and h == INF):
        agree(v, j_quad(s, z, h), f"J(s={s}, z={z}, h={h})")
    return v


# ---------------------------------------------------------------- Pareto/NBD

def pnbd_alive(r, alpha, s, beta, x, T, delta, H):
    R, A, B = mpf(r) + x, mpf(alpha) + T, mpf(beta) + T
    h = INF if H == INF else mpf(H) / B
    v = R / A * B * j_closed(s, mpf(delta) * B, h)
    # check: the defining integral over t
    if not (delta == 0 and H == INF):
        with mp.workdps(CHECK_DPS):
            f = lambda t: mp.exp(-mpf(delta) * t - mpf(s) * mp.log1p(t / B))
            lo = B / (mpf(s) + mpf(delta) * B) / 8
            hi = (60 / mpf(delta) if delta > 0 else mpf(10) ** 30) * 8
            end = INF if H == INF else mpf(H)
            if end != INF:
                hi = min(hi, end)
            pts = [mpf(0)] + [p for p in geometric_points(lo, hi) if p < end] + [end]
            c = R / A * mp.quad(f, pts)
        agree(v, c, f"pnbd {r},{alpha},{s},{beta},{x},{T},{delta},{H}")
    return v


# ---------------------------------------------------------------- BG/NBD

def bg_alive(r, alpha, a, b, x, T, delta, H):
    with mp.workdps(BG_DPS):
        return +bg_alive_at_precision(r, alpha, a, b, x, T, delta, H)


def bg_alive_at_precision(r, alpha, a, b, x, T, delta, H):
    R, A, a, B, delta = mpf(r) + x, mpf(alpha) + T, mpf(a), mpf(b) + x, mpf(delta)
    if delta == 0 and H == INF:
        return (a + B - 1) / (a - 1) if a > 1 else INF
    lbeta = mp.loggamma(a) + mp.loggamma(B) - mp.loggamma(a + B)
    c = a / (a + B)
    teff = (1 / delta if H == INF else min(mpf(H), 1 / delta)) if delta > 0 else mpf(H)
    pk = A / ((R + 1) * teff)

    def g(p):
        if (R + 1) * p * teff / A < mpf(10) ** -30:  # p -> 0 limit R/A int_0^H e^(-delta t) dt, relative error < 1e-30
            if H == INF:
                return R / (A * delta)
            return R / A * (-mp.expm1(-delta * H) / delta if delta > 0 else mpf(H))
        h = INF if H == INF else p * mpf(H) / A
        return R / p * j_closed(R + 1, delta * A / p, h)

    dens = lambda p: mp.exp((a - 1) * mp.log(p) + (B - 1) * mp.log1p(-p) - lbeta) if 0 < p < 1 else mpf(0)
    inner = [p for p in geometric_points(pk / 64, c) if p < c] + [c]
    p1 = inner[0]
    # [0, p1]: p = p1 v^(1/k), k = min(a, 1), absorbs p^(a-1); [c, 1]: 1 - p = (1-c) w^(1/m), m = min(B, 1).
    k, m = min(a, mpf(1)), min(B, mpf(1))

    def first(v):
        if v == 0:
            return mpf(0)
        p = p1 * v ** (1 / k)
        return mp.exp((a - 1) * mp.log(p1) + (a - k) / k * mp.log(v) + (B - 1) * mp.log1p(-p) - lbeta + mp.log(p1 / k)) * g(p)

    def last(w):
        if w == 0:
            return mpf(0)
        q = (1 - c) * w ** (1 / m)
        return mp.exp((B - 1) * mp.log(1 - c) + (B - m) / m * mp.log(w) + (a - 1) * mp.log1p(-q) - lbeta + mp.log((1 - c) / m)) * g(1 - q)

    v = mp.quad(first, [0, 1]) + mp.quad(lambda p: dens(p) * g(p), inner) + mp.quad(last, [0, 1])
    # check: over t, with E_p[(1 + p t/A)^-(R+1)] = 2F1(R+1, a; a+B; -t/A) after Pfaff (DLMF 15.8.1):
    # (1+t/A)^-a 2F1(a+B-R-1, a; a+B; (t/A)/(1+t/A)).
    with mp.workdps(BG_CHECK_DPS):
        def f(t):
            y = t / A
            try:
                return mp.exp(-delta * t - a * mp.log1p(y)) * mp.hyp2f1(a + B - R - 1, a, a + B, y / (1 + y), maxterms=20000)
            except mp.libmp.NoConvergence:  # slow near y/(1+y) -> 1 with large parameters: mpmath's own transformations
                return mp.exp(-delta * t) * mp.hyp2f1(R + 1, a, a + B, -y)
        lo = A / (R + 1) / 8
        end = INF if H == INF else mpf(H)
        hi = (60 / delta if delta > 0 else mpf(10) ** 30) * 8
        if end != INF:
            hi = min(hi, end)
        tp = [mpf(0)] + [p for p in geometric_points(lo, hi) if p < end] + [end]
        chk = R / A * mp.quad(f, tp)
    agree(v, chk, f"bgnbd {r},{alpha},{a},{b},{x},{T},{delta},{H}", BG_TOL)
    return v


# ---------------------------------------------------------------- grid

SPECIAL = [0.01, 0.03, 0.1, 0.3, 1, 2.5, 7, 30, 100, 1000]


def logu(rng, lo, hi):
    return float(mp.mpf(lo) * (mpf(hi) / lo) ** rng.random())


def param(rng):
    return rng.choice(SPECIAL) if rng.random() < 0.5 else round(logu(rng, 0.01, 1000), 6)


def evaluate(row):
    kind, r, alpha, p3, p4, x, T, delta, H = row
    t1 = time.time()
    if kind == "J":
        v = j_value(p3, delta, H)
    elif kind == "pnbd":
        v = pnbd_alive(r, alpha, p3, p4, x, T, delta, H)
    else:
        v = bg_alive(r, alpha, p3, p4, x, T, delta, H)
    if time.time() - t1 > 20:
        print(f"  slow row: {row}: {time.time() - t1:.0f} s", flush=True)
    return v


def main():
    rng = random.Random(20261202)
    rows = []
    t0 = time.time()
    # J on a product grid (h = inf), around s = 1 and the method switches z = 1, s = 20
    s_list = [0.01, 0.1, 0.5, 0.9, 1 - 1e-9, 1, 1 + 1e-9, 1.5, 2, 2.5, 3, 7, 19.5, 20, 20.5, 100, 1000]
    z_list = [1e-10, 1e-6, 1e-3, 0.1, 0.5, 0.999, 1, 1.001, 3, 30, 1e3, 1e5, 1e7]
    for s in s_list:
        for z in z_list:
            rows.append(("J", 0, 0, s, 0, 0, 0, z, INF))
    # truncated J: random, plus z = 0 near s = 1
    for _ in range(160):
        s = rng.choice(s_list) if rng.random() < 0.4 else logu(rng, 0.01, 1000)
        rows.append(("J", 0, 0, s, 0, 0, 0, logu(rng, 1e-10, 1e7), logu(rng, 1e-6, 1e8)))
    for s in [0.01, 0.5, 1 - 1e-6, 1 - 1e-12, 1, 1 + 1e-12, 1 + 1e-6, 2, 1000]:
        for h in [1e-8, 0.5, 1e4]:
            rows.append(("J", 0, 0, s, 0, 0, 0, 0, h))
    # Pareto/NBD given alive
    for _ in range(320):
        r, alpha, s, beta = param(rng), param(rng), param(rng), param(rng)
        if rng.random() < 0.15:
            s = rng.choice([1, 1 - 1e-9, 1 + 1e-9, 1 + 1e-6])
        x = rng.choice([0, 1, 2, 5, 30, rng.randint(0, 1000)])
        T = round(logu(rng, 0.01, 2000), 4)
        delta = 0 if rng.random() < 0.12 else logu(rng, 1e-6, 1)
        H = INF if rng.random() < 0.4 else round(logu(rng, 0.01, 1e4), 4)
        rows.append(("pnbd", r, alpha, s, beta, x, T, delta, H))
    # BG/NBD given alive
    for _ in range(56):
        r, alpha, a, b = param(rng), param(rng), param(rng), param(rng)
        x = rng.choice([0, 1, 2, 5, 30, rng.randint(0, 1000)])
        T = round(logu(rng, 0.01, 2000), 4)
        delta = 0 if rng.random() < 0.12 else logu(rng, 1e-6, 1)
        H = INF if rng.random() < 0.4 else round(logu(rng, 0.01, 1e4), 4)
        rows.append(("bgnbd", r, alpha, a, b, x, T, delta, H))
    # CDNOW-like points (BG/NBD fit of FHL 2005; Pareto/NBD fit of Fader & Hardie's note), 15 %/year in weeks
    d15 = math.log(1.15) / 52
    for H in [52.0, INF]:
        rows.append(("bgnbd", 0.2426, 4.4135, 0.7929, 2.4258, 2, 38.86, d15, H))
        rows.append(("pnbd", 0.5533, 10.5776, 0.6061, 11.6650, 2, 38.86, d15, H))
        rows.append(("bgnbd", 0.2426, 4.4135, 1.7929, 2.4258, 2, 38.86, 0, H))
    # parameter corners: z = delta (beta+T) from 2e-8 to 3e3, s and a, b at 0.01 and 1000, x = 1000, T = 2000
    for s in [0.01, 1, 1000]:
        for beta, T, delta in [(0.01, 0.01, 1e-6), (1000, 2000, 1)]:
            for H in [0.01, INF]:
                rows.append(("pnbd", 0.5, 2, s, beta, 1000 if T > 1 else 0, T, delta, H))
    for a in [0.01]:  # (a = b = 1000 defeats mpmath's hyp2f1 in the t-route check)
        for b in [0.01, 1000]:
            for delta, H in [(1e-6, INF), (1, 0.5)]:
                rows.append(("bgnbd", 0.3, 5, a, b, 3, 40, delta, H))
    rows.append(("bgnbd", 1000, 0.01, 0.5, 0.5, 1000, 2000, 1e-6, INF))
    rows.append(("bgnbd", 1000, 0.01, 0.5, 0.5, 1000, 2000, 1, 10))
    rows.append(("bgnbd", 0.01, 1000, 2.5, 7, 0, 0.01, 1e-6, INF))
    rows.append(("bgnbd", 0.01, 1000, 2.5, 7, 0, 0.01, 0.01, 1e4))
    with multiprocessing.Pool(2) as pool:  # deterministic: map keeps the row order
        values = pool.map(evaluate, rows, chunksize=1)
    out = [row + (v,) for row, v in zip(rows, values)]

    def fmt(v):
        if v == INF:
            return "inf"
        return repr(float(v))

    with open(OUT, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["kind", "r", "alpha", "p3", "p4", "x", "T", "delta", "H", "value"])
        for row in out:
            w.writerow([row[0]] + [fmt(mpf(v)) if not isinstance(v, int) else str(v) for v in row[1:]])
    print(f"wrote {len(out)} rows to {OUT} in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
