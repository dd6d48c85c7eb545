#!/usr/bin/env python3
"""Golden values for the Wi-Fi least-squares step (docs/algorithms.md §5), computed the way Ichnaea
does: scipy.optimize.leastsq (MINPACK lmdif, default tolerances) on distance(net, p) * age_w / signal**2,
starting from the score*age_w/signal**2-weighted mean, Vincenty distances (docs/algorithms.md §12). Prints Java arrays for
MacClustererTest. Needs numpy and scipy; deterministic (seeded)."""
import math, random
import numpy
from scipy.optimize import leastsq

A, B, F = 6378137.0, 6356752.314245, 1 / 298.257223563

def vincenty(lat1, lon1, lat2, lon2):
    if lat1 == lat2 and lon1 == lon2:
        return 0.0
    L = math.radians(lon2 - lon1)
    U1 = math.atan((1 - F) * math.tan(math.radians(lat1)))
    U2 = math.atan((1 - F) * math.tan(math.radians(lat2)))
    sinU1, cosU1, sinU2, cosU2 = math.sin(U1), math.cos(U1), math.sin(U2), math.cos(U2)
    lam = L
    for _ in range(25):
        sinLam, cosLam = math.sin(lam), math.cos(lam)
        sinSigma = math.sqrt((cosU2 * sinLam) ** 2 + (cosU1 * sinU2 - sinU1 * cosU2 * cosLam) ** 2)
        if sinSigma == 0:
            return 0.0
        cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLam
        sigma = math.atan2(sinSigma, cosSigma)
        sinAlpha = cosU1 * cosU2 * sinLam / sinSigma
        cosSqAlpha = 1 - sinAlpha ** 2
        cos2SigmaM = cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha if cosSqAlpha != 0 else 0.0
        C = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha))
        prev = lam
        lam = L + (1 - C) * F * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM ** 2)))
        if abs(lam - prev) < 1e-11:
            uSq = cosSqAlpha * (A * A - B * B) / (B * B)
            bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)))
            bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)))
            ds = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM ** 2) - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma ** 2) * (-3 + 4 * cos2SigmaM ** 2)))
            return B * bigA * (sigma - ds)
    raise RuntimeError("no convergence")

random.seed(20261130)
for case in range(8):
    n = random.randint(3, 12)
    lat0 = random.uniform(-60, 70)
    lon0 = random.uniform(-179, 179)
    nets = []
    for i in range(n):
        lat = round(lat0 + random.uniform(0, 0.003), 7)
        lon = round(lon0 + random.uniform(0, 0.004), 7)
        age = max(abs(random.choice([0, 500, 1500, 3000, 8000, 15000])), 1000)
        signal = random.randint(-95, -35)
        score = random.choice([0.05, 0.5, 1.0, 2.5])
        nets.append((lat, lon, age, signal, score))
    agew = [min(math.sqrt(2000 / a), 1) for _, _, a, _, _ in nets]
    w = numpy.array([s * aw / sig ** 2 for (_, _, _, sig, s), aw in zip(nets, agew)])
    pts = numpy.array([(la, lo) for la, lo, _, _, _ in nets])
    initial = numpy.average(pts, axis=0, weights=w)
    def func(p):
        return numpy.array([vincenty(la, lo, p[0], p[1]) * aw / sig ** 2 for (la, lo, _, sig, _), aw in zip(nets, agew)])
    (lat, lon), cov, info, mesg, ier = leastsq(func, initial, full_output=True)
    if ier not in (1, 2, 3, 4):
        lat, lon = initial
    rows = ", ".join("{%r, %r, %d, %d, %r}" % net for net in nets)
    print("            new Object[] {new double[][] {%s}, new double[] {%.7f, %.7f}}, // case %d, ier %d, nfev %d" % (rows, round(lat, 7), round(lon, 7), case, ier, info["nfev"]))
