#!/usr/bin/env python3
"""Score whowhom on the development gold sets, overall and per relation.

usage: scripts/accuracy.py [BINARY] [SHARED_DIR]

Runs `BINARY extract` over each set's articles, scores the stream with the shared
scorer (shared/eval/score.py), then scores each relation alone (gold and predictions
filtered to that relation) and prints Markdown tables for docs/accuracy.md.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/whowhom")
SHARED = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared")
SETS = [("seeds", os.path.join(ROOT, "data/corpus")),
        ("news-dev", os.path.join(SHARED, "eval/news-dev/articles")),
        ("wire-dev", os.path.join(SHARED, "eval/wire-dev/articles"))]
SCORER = os.path.join(SHARED, "eval/score.py")


def score(gold_dir, pred_path):
    out = subprocess.run([sys.executable, SCORER, gold_dir, pred_path, "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main():
    tmp = tempfile.mkdtemp()
    try:
        for name, articles in SETS:
            gold_dir = os.path.join(SHARED, "eval", name)
            pred = os.path.join(tmp, name + ".jsonl")
            with open(pred, "w") as f:
                subprocess.run([BIN, "extract", articles], stdout=f, stderr=subprocess.DEVNULL)
            total = score(gold_dir, pred)
            print(f"### {name}\n")
            print("| relation | gold | predicted | P | R | F1 |")
            print("|---|---:|---:|---:|---:|---:|")
            s = total["strict"]
            print(f"| **all (strict)** | {s['gold']} | {s['pred']} | {s['p']:.2f} | {s['r']:.2f} | {s['f1']:.2f} |")
            for level in ("country", "untyped"):
                s = total[level]
                print(f"| all ({level}) | {s['gold']} | {s['pred']} | {s['p']:.2f} | {s['r']:.2f} | {s['f1']:.2f} |")
            gold_rows = [json.loads(l) for l in open(os.path.join(gold_dir, "gold.jsonl")) if l.strip()]
            pred_rows = [l for l in open(pred) if l.strip()]
            relations = sorted({g["r"] for g in gold_rows} | {json.loads(l)["relation"] for l in pred_rows})
            for r in relations:
                d = os.path.join(tmp, f"{name}-{r}")
                os.makedirs(d, exist_ok=True)
                shutil.copy(os.path.join(gold_dir, "actors.json"), d)
                docs = sorted({g["doc"] for g in gold_rows})
                if os.path.exists(os.path.join(gold_dir, "docs.txt")):
                    docs = sorted(set(docs) | {l.strip() for l in open(os.path.join(gold_dir, "docs.txt")) if l.strip()})
                with open(os.path.join(d, "docs.txt"), "w") as f:
                    f.write("\n".join(docs) + "\n")
                with open(os.path.join(d, "gold.jsonl"), "w") as f:
                    for g in gold_rows:
                        if g["r"] == r:
                            f.write(json.dumps(g) + "\n")
                p = os.path.join(d, "pred.jsonl")
                with open(p, "w") as f:
                    for l in pred_rows:
                        if json.loads(l)["relation"] == r:
                            f.write(l)
                s = score(d, p)["strict"]
                print(f"| {r} | {s['gold']} | {s['pred']} | {s['p']:.2f} | {s['r']:.2f} | {s['f1']:.2f} |")
            print()
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
