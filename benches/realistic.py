#!/usr/bin/env python3
"""Issue 19's measurements on realistic corpora, in one run (docs/performance.md).

    cargo build --release --examples --bins
    benches/realistic.py [--rounds N] [--big-mb MB] [--before OLD_TREATY_BIN] [--work DIR]

Builds the corpora with benches/corpus.py (the bundled treaties replicated into 1,000 and
10,000 files and one file of --big-mb MB; generated treaties, seed 7, in 1,000 and 10,000
files), prints their statistics next to the bundled corpus's, then runs every command on
every corpus N times, interleaved (A B C A B C ...), and prints medians and ratios:

- `bare main` / `bare now`: examples/bare_parse over the grammar before issue 19's
  rework and over today's (pest and a walk of every pair, nothing else);
- `json` / `human`: `treaty check --format json|human`, whole process, output to
  /dev/null; `old json` / `old human` the same with --before's binary, if given.

Time is CPU time (user + system of the process and its threads), which another job on
a shared machine disturbs less than wall-clock time; wall-clock medians are printed
too. Throughput is MB of input per CPU second. Peak memory (max RSS) is printed for the
big file. Nothing is asserted: the figures are for reading.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpus  # noqa: E402


def run(command, env):
    """(cpu seconds, wall seconds, max rss KiB) of one run, output discarded."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        process = subprocess.Popen(command, stdout=null, stderr=null, env=env)
        _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--big-mb", type=int, default=100)
    parser.add_argument("--before", help="an older `treaty` binary to compare")
    parser.add_argument("--work", help="where to put the corpora (default: a temporary directory)")
    parser.add_argument("--threads", default="", help="RAYON_NUM_THREADS for every command")
    args = parser.parse_args()

    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(os.path.dirname(HERE), "target"))
    treaty = os.path.join(target, "release", "treaty")
    bare = os.path.join(target, "release", "examples", "bare_parse")
    for binary in (treaty, bare):
        if not os.path.exists(binary):
            sys.exit(f"{binary} is missing: cargo build --release --examples --bins")
    work = args.work or tempfile.mkdtemp(prefix="treaty-realistic-")
    env = dict(os.environ)
    if args.threads:
        env["RAYON_NUM_THREADS"] = args.threads

    corpora = [
        ("real 1k files", "real1k", lambda p: corpus.write_files(corpus.replicate(1000), p, "real")),
        ("real 10k files", "real10k", lambda p: corpus.write_files(corpus.replicate(10000), p, "real")),
        (f"real {args.big_mb} MB file", f"real{args.big_mb}mb.treaty",
         lambda p: corpus.main(["onefile", "real", str(args.big_mb * 1_000_000), p])),
        ("gen 1k files", "gen1k", lambda p: corpus.write_files(corpus.generate(7, 1000), p, "gen")),
        ("gen 10k files", "gen10k", lambda p: corpus.write_files(corpus.generate(7, 10000), p, "gen")),
    ]
    print(corpus.format_stats("bundled treaties/*.treaty", corpus.stats_of(
        [corpus.read(p) for p in corpus.bundled_files()])))
    for name, leaf, build in corpora:
        path = os.path.join(work, leaf)
        if not os.path.exists(path):
            build(path)
        if "MB" not in name:
            print(corpus.format_stats(name, corpus.stats_of(corpus.texts_under([path]))))
        else:
            print(f"{name}: {os.path.getsize(path)} bytes (the bundled treaties repeated)")
    print(f"rounds {args.rounds}, RAYON_NUM_THREADS={args.threads or 'unset'}, "
          f"load average at start {os.getloadavg()[0]:.1f}\n", flush=True)

    commands = [
        ("bare main", lambda p: [bare, "--grammar", "main", p]),
        ("bare now", lambda p: [bare, "--grammar", "now", p]),
        ("json", lambda p: [treaty, "check", "--format", "json", p]),
        ("human", lambda p: [treaty, "check", "--format", "human", p]),
    ]
    if args.before:
        commands += [
            ("old json", lambda p: [args.before, "check", "--format", "json", p]),
            ("old human", lambda p: [args.before, "check", "--format", "human", p]),
        ]
    for name, leaf, _ in corpora:
        path = os.path.join(work, leaf)
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs) \
            if os.path.isdir(path) else os.path.getsize(path)
        samples = {label: [] for label, _ in commands}
        for _ in range(args.rounds):
            for label, command in commands:
                samples[label].append(run(command(path), env))
        cpu = {label: statistics.median(s[0] for s in runs) for label, runs in samples.items()}
        wall = {label: statistics.median(s[1] for s in runs) for label, runs in samples.items()}
        rss = {label: max(s[2] for s in runs) for label, runs in samples.items()}
        print(f"== {name} ({size / 1e6:.1f} MB)")
        for label, _ in commands:
            line = (f"  {label:10} cpu {cpu[label]:7.3f} s  wall {wall[label]:7.3f} s  "
                    f"{size / 1e6 / cpu[label]:6.1f} MB/cpu-s")
            if "MB" in name:
                line += f"  peak {rss[label] / 1024:.0f} MiB ({rss[label] * 1024 / size:.1f}x input)"
            print(line)
        ratio = lambda a, b: cpu[b] / cpu[a]  # noqa: E731  throughput of a relative to b
        print(f"  bare now / bare main throughput: {ratio('bare now', 'bare main'):.2f}x")
        print(f"  json at {100 * ratio('json', 'bare now'):.0f}% of the bare parse (now), "
              f"human at {100 * ratio('human', 'bare now'):.0f}%; "
              f"human costs {cpu['human'] / cpu['json']:.2f}x json")
        if args.before:
            print(f"  old json at {100 * ratio('old json', 'bare main'):.0f}% of the bare parse (main), "
                  f"old human at {100 * ratio('old human', 'bare main'):.0f}%; "
                  f"old human costs {cpu['old human'] / cpu['old json']:.2f}x old json")
        print(flush=True)


if __name__ == "__main__":
    main()
