#!/usr/bin/env python3
"""Accuracy of a running service against a geosubmit JSON Lines data set (*.geosubmit.jsonl.gz; the data sets:
docs/accuracy.md, "The data sets and how to run them", where DATA is their folder).

  submit:   POST the items of FILE to /v2/geosubmit (the `_meta` key removed), 100 items per request.
  evaluate: ask /v1/geolocate for every item of FILE with only its networks (considerIp false) and compare the
            answer with the item's position: answered / not found / too few networks, error percentiles in metres.

Between the two, run `java -jar app/target/ichnaea.jar process` so that the submissions become stations.
Example (UJIIndoorLoc, Wi-Fi fingerprints):
  python3 tools/evaluate-locate.py submit DATA/ujiindoorloc/train.geosubmit.jsonl.gz --key K
  java -jar app/target/ichnaea.jar process
  python3 tools/evaluate-locate.py evaluate DATA/ujiindoorloc/validation.geosubmit.jsonl.gz --key K
Standard library only.
"""
import argparse
import gzip
import json
import math
import sys
import urllib.error
import urllib.request


def items(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                item = json.loads(line)
                item.pop("_meta", None)
                yield item


def post(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.load(response)


def distance(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371008.8 * math.asin(math.sqrt(a))


def submit(args):
    batch, sent = [], 0
    for item in items(args.file):
        batch.append(item)
        if len(batch) == 100:
            post(f"{args.url}/v2/geosubmit?key={args.key}", {"items": batch})
            sent, batch = sent + len(batch), []
    if batch:
        post(f"{args.url}/v2/geosubmit?key={args.key}", {"items": batch})
        sent += len(batch)
    print(f"submitted {sent} items")


def evaluate(args):
    errors, not_found, few = [], 0, 0
    for item in items(args.file):
        query = {"considerIp": False}
        networks = 0
        for field in ("wifiAccessPoints", "bluetoothBeacons", "cellTowers"):
            if item.get(field):
                query[field] = item[field]
                networks += len(item[field])
        if networks == 0 or (not item.get("cellTowers") and networks < 2):
            few += 1
            continue
        try:
            _, answer = post(f"{args.url}/v1/geolocate?key={args.key}", query)
        except urllib.error.HTTPError as e:
            if e.code == 404:
                not_found += 1
                continue
            raise
        position = item["position"]
        errors.append(distance(position["latitude"], position["longitude"], answer["location"]["lat"],
                               answer["location"]["lng"]))
    errors.sort()
    if not errors:
        print(f"no answer: {not_found} not found, {few} with too few networks")
        return 1

    def at(q):
        return errors[min(len(errors) - 1, int(q * (len(errors) - 1)))]

    print(f"answered {len(errors)}, not found {not_found}, too few networks {few}; error median {at(0.5):.1f} m, "
          f"p90 {at(0.9):.1f} m, p99 {at(0.99):.1f} m, max {errors[-1]:.1f} m")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["submit", "evaluate"])
    parser.add_argument("file")
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--key", default="test")
    args = parser.parse_args()
    return submit(args) if args.command == "submit" else evaluate(args)


if __name__ == "__main__":
    sys.exit(main() or 0)
