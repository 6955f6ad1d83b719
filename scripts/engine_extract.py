#!/usr/bin/env python3
"""The README's engine recipes run end to end: Dask, Apache Spark (PySpark) and Ray Data.

Each engine reads JSONL articles, pipes every partition through `dateline extract -` as the
README shows, and the parts are assembled with `dateline assemble`; the result must equal one
`dateline export` of the same articles (equal but for the articles' paths, which name the line
within a part).

Usage: python3 scripts/engine_extract.py [--engine dask|spark|ray ...] [--bin target/release/dateline]
                                         [--partitions 3] [--input FILE.jsonl ...]

An engine that is not installed is skipped with a message (pip install 'dask[bag]', pyspark
(needs Java 17 or later), 'ray[data]'). Not part of CI: the engines are large and optional.
Exit 1 when any engine that ran gave a different timeline.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
INPUTS = [
    os.path.join(ROOT, "tests", "fixtures", "corpus", "feed.jsonl"),
    os.path.join(ROOT, "tests", "fixtures", "export", "tricky.jsonl"),
]
ENGINES = ("dask", "spark", "ray")


def piped(binary, env):
    """The README's per-partition function: a partition's lines in, its extraction lines out."""

    def extract(lines):
        text = "".join(line.rstrip("\n") + "\n" for line in lines)
        out = subprocess.run(
            [binary, "extract", "-"], input=text, capture_output=True, text=True, check=True, env=env
        ).stdout
        return out.splitlines()

    return extract


def run_dask(articles, outdir, binary, env, partitions):
    """`db.read_text(...).map_partitions(extract).to_textfiles(...)`, as in the README."""
    import dask.bag as db

    bag = db.read_text(articles, blocksize=None).repartition(npartitions=partitions)
    bag.map_partitions(piped(binary, env)).to_textfiles(os.path.join(outdir, "*.jsonl"))
    return sorted(
        (os.path.join(outdir, p) for p in os.listdir(outdir)), key=lambda p: int(os.path.basename(p).split(".")[0])
    )


def run_spark(articles, outdir, binary, env, partitions):
    """`sc.textFile(...).pipe("dateline extract -").saveAsTextFile(...)`, as in the README."""
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setMaster("local[2]").setAppName("dateline-extract")
    conf = conf.set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        rdd = sc.textFile(articles, minPartitions=partitions)
        rdd.pipe(f"{binary} extract -", env=env).saveAsTextFile(outdir)
    finally:
        sc.stop()
    # saveAsTextFile names the parts part-00000, part-00001, … in partition order.
    return sorted(os.path.join(outdir, p) for p in os.listdir(outdir) if p.startswith("part-"))


def run_ray(articles, outdir, binary, env, partitions):
    """`ray.data.read_text(...).map_batches(...)`, as in the README, written in input order."""
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # the parts in input order, as assemble needs
        extract = piped(binary, env)
        ds = ray.data.read_text(articles, override_num_blocks=partitions)
        ds = ds.map_batches(lambda b: {"text": extract(list(b["text"]))}, batch_format="pandas")
        out = os.path.join(outdir, "parts.jsonl")
        with open(out, "w", encoding="utf-8") as f:
            for row in ds.iter_rows():
                f.write(row["text"] + "\n")
    finally:
        ray.shutdown()
    return [out]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engine", action="append", choices=ENGINES, help="default: every engine installed")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--partitions", type=int, default=3)
    ap.add_argument("--input", action="append", help="JSONL articles (default: two test fixtures)")
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        print(f"engine_extract: {args.bin} is missing: build it with cargo build --release")
        return 1
    binary = os.path.abspath(args.bin)
    env = dict(os.environ, DATELINE_CACHE_DIR=tempfile.mkdtemp())
    modules = {"dask": "dask.bag", "spark": "pyspark", "ray": "ray.data"}
    runners = {"dask": run_dask, "spark": run_spark, "ray": run_ray}
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        articles = os.path.join(tmp, "articles.jsonl")
        with open(articles, "w", encoding="utf-8") as out:
            for path in args.input or INPUTS:
                with open(path, encoding="utf-8") as f:
                    out.writelines(line for line in f if line.strip())
        whole = subprocess.run(
            [binary, "export", "--no-cache", articles], capture_output=True, check=True, env=env
        ).stdout
        w = json.loads(whole)
        for doc in w["documents"]:
            doc["path"] = None
        for engine in args.engine or ENGINES:
            try:
                __import__(modules[engine])
            except ImportError as e:
                print(f"engine_extract: {engine}: skipped: not installed ({e})")
                continue
            outdir = os.path.join(tmp, f"extracted-{engine}")
            if engine != "spark":  # Spark creates its output folder and refuses an existing one
                os.makedirs(outdir)
            parts = runners[engine](articles, outdir, binary, env, args.partitions)
            assembled = subprocess.run(
                [binary, "assemble", *parts], capture_output=True, check=True, env=env
            ).stdout
            a = json.loads(assembled)
            for doc in a["documents"]:
                doc["path"] = None
            if a != w:
                print(f"engine_extract: {engine}: FAILED: the assembled timeline differs from one export")
                failed += 1
            else:
                print(
                    f"engine_extract: {engine}: ok: {len(a['documents'])} articles in {len(parts)} part file(s)"
                    f" assemble to one export ({len(a['events'])} events)"
                )
            shutil.rmtree(outdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
