"""Run figcheck's map step under Apache Spark and check the result.

Each document is sent to `figcheck extract --claims --stdin-format jsonl -`
through `RDD.pipe` (one figcheck process per partition); the partitions'
claims files are merged by `figcheck compare`; the reports are then
compared with those of a single `figcheck check` over the same files.

    cargo build --release
    pip install pyspark          # runs on the machine's Java 17
    python3 examples/spark/check_with_spark.py seeds --sources seeds/sources.yaml

Exit status 0 when the reports are identical, 1 when they differ.
"""

import argparse
import filecmp
import json
import shlex
import os
import pathlib
import subprocess
import sys
import tempfile
import time

from pyspark.sql import SparkSession

EXTENSIONS = {".txt", ".md", ".markdown", ".html", ".htm"}
FORMATS = ["json", "md", "sarif"]


def documents(corpus):
    """Every document under `corpus`, as paths relative to the working directory."""
    root = pathlib.Path(corpus)
    return sorted(str(p) for p in root.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS)


def report_args(out, sources):
    args = ["--no-config", "--name", "run", "--out", str(out)]
    for f in FORMATS:
        args += ["--format", {"md": "markdown"}.get(f, f)]
    for s in sources:
        args += ["--sources", s]
    return args


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="a directory of documents")
    ap.add_argument("--sources", action="append", default=[], help="sources manifest (document metadata, datasets)")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--figcheck", default="target/release/figcheck")
    args = ap.parse_args()
    figcheck = os.path.abspath(args.figcheck)
    work = pathlib.Path(tempfile.mkdtemp(prefix="figcheck-spark-"))

    paths = documents(args.corpus)
    spark = SparkSession.builder.master("local[*]").appName("figcheck").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    started = time.monotonic()
    # Each document becomes one JSON line: {"path": ..., "text": ...}.
    lines = sc.parallelize(paths, args.partitions).map(
        lambda p: json.dumps({"path": p, "text": pathlib.Path(p).read_text(encoding="utf-8")})
    )
    command = [figcheck, "extract", "--claims", "--stdin-format", "jsonl", "-"]
    for s in args.sources:
        command += ["--sources", os.path.abspath(s)]
    claims = lines.pipe(shlex.join(command))
    shards = work / "shards"
    claims.saveAsTextFile(str(shards))
    mapped = time.monotonic() - started
    spark.stop()

    parts = sorted(str(p) for p in shards.glob("part-*"))
    merged = work / "compare"
    subprocess.run([figcheck, "compare", *parts, *report_args(merged, args.sources)], check=False)
    single = work / "check"
    subprocess.run([figcheck, "check", args.corpus, *report_args(single, args.sources)], check=False)

    records = sum(1 for p in parts for _ in open(p, encoding="utf-8"))
    findings = [len(json.load(open(d / "run.json"))["findings"]) for d in (single, merged)]
    print(f"documents: {len(paths)} in {args.partitions} partitions; {len(parts)} claims files, {records} records")
    print(f"map step under Spark: {mapped:.1f} s")
    print(f"findings: {findings[0]} from figcheck check, {findings[1]} from Spark + figcheck compare")
    same = True
    for f in FORMATS:
        equal = filecmp.cmp(single / f"run.{f}", merged / f"run.{f}", shallow=False)
        same &= equal
        print(f"run.{f}: {'identical' if equal else 'DIFFERENT'}")
    print(f"work directory: {work}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
