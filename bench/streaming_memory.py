#!/usr/bin/python3
"""Does `stancelab score --lines` keep memory flat as the input grows?

    /usr/bin/python3 bench/streaming_memory.py [--sizes-mb 10,40] [--model models/news.stancelab]

Builds inputs of the given sizes (one article per line: 5 seeded random sentences of the
../shared/datasets files), scores each with `stancelab score --lines --format json` (output to
/dev/null) under /usr/bin/time, and prints a Markdown table of input size, articles, wall time,
articles per second and peak RSS. Flat memory means the peak RSS does not grow with the input.
The Release CLI must be built first (dotnet build src/StanceLab.Cli -c Release).
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "src", "StanceLab.Cli", "bin", "Release", "net10.0", "stancelab.dll")


def sentences(datasets):
    out = []
    for name in ("subj", "mr", "cr", "mpqa"):
        path = os.path.join(datasets, name, "data.tsv")
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            col = header.index("text")
            out.extend(line.rstrip("\n").split("\t")[col] for line in f)
    return [s for s in out if s.strip()]


def build(path, size_bytes, pool, seed):
    rnd = random.Random(seed)
    articles = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        written = 0
        while written < size_bytes:
            line = " ".join(s.rstrip(" .") + "." for s in rnd.sample(pool, 5)) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            articles += 1
    return articles


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes-mb", default="10,40")
    p.add_argument("--model", default=os.path.join(ROOT, "models", "news.stancelab"))
    p.add_argument("--datasets", default=os.path.join(os.path.dirname(ROOT), "shared", "datasets"))
    a = p.parse_args()
    if not os.path.exists(CLI):
        sys.exit(f"{CLI} not found: dotnet build src/StanceLab.Cli -c Release")
    pool = sentences(a.datasets)
    print("| input MB | articles | wall s | articles/s | peak RSS MiB |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (int(x) for x in a.sizes_mb.split(",")):
            path = os.path.join(tmp, f"articles-{mb}mb.txt")
            articles = build(path, mb * 1_000_000, pool, seed=mb)
            timing = os.path.join(tmp, "time.txt")
            with open(os.devnull, "w") as null:
                r = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", timing, "dotnet", CLI, "score", "--lines",
                                    "--format", "json", "--model", a.model, path], stdout=null, stderr=subprocess.PIPE, text=True)
            if r.returncode != 0:
                sys.exit(r.stderr)
            wall, kib = open(timing).read().split()[-2:]
            wall = float(wall)
            print(f"| {mb} | {articles:,} | {wall:.1f} | {articles / wall:,.0f} | {int(kib) / 1024:.0f} |", flush=True)
            os.remove(path)


if __name__ == "__main__":
    main()
