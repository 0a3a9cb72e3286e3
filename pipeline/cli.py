"""Command line: `python run_pipeline.py [INPUT ...] [--out DIR]`, `evaluate`, `compare`, `report`."""

from __future__ import annotations

import argparse
import difflib
import contextlib
import logging
import sys
import time
from pathlib import Path
from typing import Sequence

from .ingest import is_image, is_supported
from .limits import Limits

_LIMITS = Limits()  # the defaults

log = logging.getLogger("pipeline")

SUBCOMMANDS = ("run", "evaluate", "compare", "report", "serve")
SAVED_PAGE_RESOURCES = ("_files", ".files")  # a browser saves a page's images beside it in "<page>_files/"


def collect_inputs(inputs: Sequence[Path], *, exclude: Sequence[Path] = ()) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files named on the command line, and supported files found in folders (recursively).

    Returns (files, skipped) where skipped holds (path, reason) for entries that are not read: other
    formats, the output folder inside an input folder, symbolic links leading out of the input folder, and
    anything that is not a regular file (a FIFO would block the run)."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    excluded = [e.resolve() for e in exclude]
    for inp in inputs:
        if inp.is_dir():
            root = inp.resolve()
            for p in sorted(inp.rglob("*")):
                if p.name.startswith(".") or p.is_dir():
                    continue
                real = p.resolve()
                if any(real == e or e in real.parents for e in excluded):
                    continue  # the output folder (or the store) inside an input folder is never input
                if p.is_symlink() and root not in real.parents:
                    skipped.append((p, "a symbolic link leading out of the input folder"))
                elif not p.is_file():
                    skipped.append((p, "not a regular file (a pipe, socket or device)"))
                elif is_image(p) and any(d.name.endswith(SAVED_PAGE_RESOURCES) for d in p.relative_to(inp).parents):
                    skipped.append((p, "an image of a saved web page's resource folder, not a notice"))
                elif is_supported(p):
                    files.append(p)
                else:
                    skipped.append((p, f"not a notice format ({p.suffix or 'no extension'})"))
        elif inp.exists() and not inp.is_file():
            skipped.append((inp, "not a regular file (a pipe, socket or device)"))
        else:
            files.append(inp)  # named explicitly: read it, or say why not in errors
    return files, skipped


def _run_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="run_pipeline.py", description="Extract structured tables from Chinese government notices.")
    ap.add_argument("inputs", nargs="*", type=Path, help="files or folders (searched recursively); default corpora/")
    ap.add_argument("--out", type=Path, default=Path("outputs"), help="output folder (default outputs/)")
    ap.add_argument("--db", type=Path, default=None, help="corpus database (default OUT/corpus.duckdb)")
    ap.add_argument("--format", default="csv", help="comma-separated: csv, xlsx, parquet (default csv)")
    ap.add_argument("--rebuild", action="store_true", help="start the corpus over instead of adding to it")
    ap.add_argument("--headers", choices=("en", "zh"), default="en", help="column headers of the XLSX workbook: en (the contract's names) or zh (发文字号, 成文日期…)")
    ap.add_argument("--flush-every", type=int, default=None, help="documents between saves into the store during a run (default 200; a crash keeps what was saved)")
    ap.add_argument("--corrections", type=Path, default=None, help="an analyst's corrections to apply (default OUT/corrections.csv, as the report saves them)")
    ap.add_argument("--workers", type=int, default=None, help="worker processes (default: the machine's cores; 0 = in this process, no limits)")
    ap.add_argument("--engine", choices=("local", "dask"), default="local", help="local worker processes, or a Dask cluster")
    ap.add_argument("--scheduler", default=None, help="Dask scheduler address (tcp://host:8786); with --engine dask and none, a local cluster")
    ap.add_argument("--timeout", type=float, default=_LIMITS.seconds, help=f"seconds one document may take (default {_LIMITS.seconds:.0f}; 0 = none)")
    ap.add_argument("--max-memory-mb", type=int, default=_LIMITS.memory_mb, help=f"memory one worker may use (default {_LIMITS.memory_mb}; 0 = none)")
    ap.add_argument("--max-input-mb", type=int, default=_LIMITS.input_mb, help=f"size of one input file (default {_LIMITS.input_mb}; 0 = none)")
    ap.add_argument("--rules", type=Path, default=None, help="a folder of rule files to use instead of the shipped rules/ (copy rules/ and edit it)")
    ap.add_argument("--taxonomy", type=Path, action="append", default=[], help="a codebook (YAML as rules/domains.yaml) applied besides the shipped taxonomies; repeatable")
    ap.add_argument("-v", "--verbose", action="count", default=0, help="more logging")
    return ap


def _use_rules(folder: Path | None, codebooks: Sequence[Path] = ()) -> str | None:
    """Choose the rules folder and codebooks; an error message when they cannot be used."""
    from . import rules

    if folder is None and not codebooks:
        return None
    if folder is not None and not (folder / "elements.yaml").is_file():
        return f"--rules {folder}: not a rules folder (no elements.yaml); copy rules/ and edit the copy"
    missing = [str(c) for c in codebooks if not c.is_file()]
    if missing:
        return f"--taxonomy: file not found: {', '.join(missing)}"
    rules.use(folder, codebooks)
    try:
        rules.element_rules(), rules.doc_types(), rules.deadline_rules(), rules.word_rules(), rules.taxonomies()
    except rules.RuleError as e:
        return str(e)
    return None


def cmd_run(argv: Sequence[str]) -> int:
    args = _run_parser().parse_args(argv)
    _logging(args.verbose)
    from .export import parse_formats
    from .corrections import CorrectionError
    from .run import run_batch
    from .store import StoreError

    try:
        formats = parse_formats(args.format)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    problem = _use_rules(args.rules, args.taxonomy)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    inputs = args.inputs or [Path("corpora")]
    missing = [p for p in inputs if not p.exists()]
    if missing:
        print(f"error: input not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    files, skipped = collect_inputs(inputs, exclude=[args.out] + ([args.db] if args.db else []))
    for p, reason in skipped:
        log.info("skipped %s: %s", p, reason)
    started = time.perf_counter()
    show_progress = sys.stderr.isatty() and len(files) > 1
    try:
        with _tqdm_logging(show_progress):
            limits = Limits(seconds=args.timeout, memory_mb=args.max_memory_mb, input_mb=args.max_input_mb)
            result = run_batch(files, args.out, db=args.db, formats=formats, rebuild=args.rebuild, progress=show_progress, workers=args.workers, limits=limits, engine=args.engine, scheduler=args.scheduler, headers=args.headers, corrections=args.corrections, **({"flush_every": args.flush_every} if args.flush_every is not None else {}))
    except (StoreError, CorrectionError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # read-only or full disk, --out naming a file: one line, the trace only with -v
        log.debug("writing the outputs failed", exc_info=True)
        where = e.filename or args.out
        print(f"error: cannot write to {where}: {e.strerror or e}; check that --out is a writable folder with free space", file=sys.stderr)
        return 2
    counts = ", ".join(f"{name} {n}" for name, n in result.counts.items())
    print(
        f"{result.documents} documents processed, {result.unchanged} unchanged, {len(skipped)} other files skipped; "
        f"corpus {result.corpus_documents} documents -> {args.out}/: {counts}; "
        f"{result.errors} errors; {time.perf_counter() - started:.1f}s"
    )
    fixes = result.corrections
    if fixes.applied or fixes.kept or fixes.unmatched:
        print(f"corrections: {fixes.applied} applied, {fixes.kept} already in effect, {fixes.unmatched} matching nothing")
    for p, reason in skipped[:_SKIPPED_LISTED]:
        print(f"skipped {p}: {reason}", file=sys.stderr)
    if len(skipped) > _SKIPPED_LISTED:
        print(f"… and {len(skipped) - _SKIPPED_LISTED} more skipped (-v lists them all)", file=sys.stderr)
    return 1 if result.errors else 0


_SKIPPED_LISTED = 20  # skipped entries named after the summary


def _tqdm_logging(enabled: bool) -> contextlib.AbstractContextManager[None]:
    """Log lines printed above the progress bar instead of through it."""
    if not enabled:
        return contextlib.nullcontext()
    from tqdm.contrib.logging import logging_redirect_tqdm

    return logging_redirect_tqdm()


def cmd_evaluate(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(prog="run_pipeline.py evaluate", description="Score output tables against gold JSON files.")
    ap.add_argument("--gold", type=Path, required=True, help="folder of <doc_id>.json gold files")
    ap.add_argument("--out", type=Path, default=Path("outputs"), help="the pipeline's output folder")
    args = ap.parse_args(argv)
    from .evaluate import evaluate, format_report

    if not args.gold.is_dir():
        print(f"error: gold folder not found: {args.gold}", file=sys.stderr)
        return 2
    try:
        rep = evaluate(args.gold, args.out)
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(format_report(rep))
    return 0


def cmd_compare(argv: Sequence[str]) -> int:
    from .compare import iter_comparisons, load_corpus, write_comparisons
    from .export import parse_formats
    from .store import DEFAULT_DB_NAME, StoreError

    ap = argparse.ArgumentParser(prog="run_pipeline.py compare", description="Compare the documents of the corpus.")
    ap.add_argument("--out", type=Path, default=Path("outputs"), help="the pipeline's output folder (default outputs/)")
    ap.add_argument("--db", type=Path, default=None, help=f"corpus database (default OUT/{DEFAULT_DB_NAME})")
    ap.add_argument("--to", type=Path, default=None, help="where to write the comparison tables (default OUT/compare/)")
    ap.add_argument("--format", default="csv,xlsx", help="comma-separated: csv, xlsx, parquet (default csv,xlsx)")
    ap.add_argument("--headers", choices=("en", "zh"), default="en", help="column headers of compare.xlsx: en or zh")
    ap.add_argument("--family", type=Path, default=None, help="a CSV naming policy families by hand: family_id, doc (doc_id or file name), role (parent/child)")
    ap.add_argument("-v", "--verbose", action="count", default=0, help="more logging")
    args = ap.parse_args(argv)
    _logging(args.verbose)
    if args.family is not None and not args.family.is_file():
        print(f"error: --family {args.family}: file not found", file=sys.stderr)
        return 2
    try:
        formats = parse_formats(args.format)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        tables = load_corpus(args.db or args.out)
    except (FileNotFoundError, StoreError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if tables["documents"].empty:
        print(f"error: the corpus in {args.db or args.out} has no documents; run the pipeline first", file=sys.stderr)
        return 2
    dest = args.to or args.out / "compare"
    try:
        # each table written as it is built, then let go (issue 14)
        counts = write_comparisons(iter_comparisons(tables, family_file=args.family), dest, formats, docs=tables["documents"], headers=args.headers)
    except ValueError as e:  # a --family file naming unknown documents or lacking columns
        print(f"error: {e}", file=sys.stderr)
        return 2
    listed = ", ".join(f"{k} {n}" for k, n in counts.items())
    print(f"compared {counts['coverage']} documents -> {dest}/: {listed}; {time.perf_counter() - started:.1f}s")
    return 0


def cmd_report(argv: Sequence[str]) -> int:
    from .report import build_report
    from .store import StoreError

    ap = argparse.ArgumentParser(prog="run_pipeline.py report", description="Write the HTML review report of an output folder.")
    ap.add_argument("--out", type=Path, default=Path("outputs"), help="the pipeline's output folder; report.html is written there")
    args = ap.parse_args(argv)
    try:
        path = build_report(args.out)
    except (FileNotFoundError, StoreError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"report -> {path} ({path.stat().st_size / 1024:.0f} KB)")
    return 0


def cmd_serve(argv: Sequence[str]) -> int:
    from .report.serve import make_server

    ap = argparse.ArgumentParser(prog="run_pipeline.py serve", description="Serve the report on 127.0.0.1 so it saves corrections into OUT/corrections.csv.")
    ap.add_argument("--out", type=Path, default=Path("outputs"), help="the pipeline's output folder holding report.html")
    ap.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (default 8765)")
    args = ap.parse_args(argv)
    if not (args.out / "report.html").is_file():
        print(f"error: {args.out / 'report.html'} is missing: run 'run_pipeline.py report --out {args.out}' first", file=sys.stderr)
        return 2
    try:
        server = make_server(args.out, args.port)
    except OSError as e:
        print(f"error: cannot listen on 127.0.0.1:{args.port}: {e.strerror or e}; choose another --port", file=sys.stderr)
        return 2
    print(f"report at http://127.0.0.1:{server.server_port}/report.html — corrections are saved to {args.out / 'corrections.csv'}; Ctrl-C stops")
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


def _logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


_OVERVIEW = """usage: run_pipeline.py [run] [INPUT ...] [options]
       run_pipeline.py {compare,report,evaluate,serve} [options]

Extract structured tables from Chinese government notices (公文).

commands:
  run        (the default) read notices into the corpus and write its tables to --out
  compare    cross-document tables: coverage, responsibility, milestones, citations, reuse
  report     the HTML review report of an output folder
  evaluate   score an output folder against hand-checked gold files
  serve      the report on 127.0.0.1, saving the analyst's corrections into OUT/corrections.csv

'run_pipeline.py COMMAND --help' shows a command's options.

exit status: 0 all documents fine; 1 some input became an errors row; 2 usage error, unreadable store or
output folder; 130 interrupted (Ctrl-C)."""


def _did_you_mean(word: str) -> str | None:
    """A close subcommand for a mistyped first word that names no file ('compar' -> 'compare')."""
    if not word or word.startswith("-") or Path(word).exists() or "/" in word or "." in word:
        return None
    close = difflib.get_close_matches(word, SUBCOMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["-h"], ["--help"], ["help"]):
        print(_OVERVIEW)
        if argv[0] != "help":
            print()
            _run_parser().print_help()
        return 0
    if argv and argv[0] in SUBCOMMANDS:
        cmd, rest = argv[0], argv[1:]
    else:
        guess = _did_you_mean(argv[0]) if argv else None
        if guess is not None:
            print(f"error: unknown command {argv[0]!r}; did you mean {guess}? ('run_pipeline.py --help' lists the commands)", file=sys.stderr)
            return 2
        cmd, rest = "run", argv
    try:
        return _dispatch(cmd, rest)
    except KeyboardInterrupt:
        print("interrupted: the corpus keeps what it held before this run", file=sys.stderr)
        return 130


def _dispatch(cmd: str, rest: list[str]) -> int:
    try:
        if cmd == "run":
            return cmd_run(rest)
        if cmd == "evaluate":
            return cmd_evaluate(rest)
        if cmd == "compare":
            return cmd_compare(rest)
        if cmd == "report":
            return cmd_report(rest)
        if cmd == "serve":
            return cmd_serve(rest)
    except SystemExit as e:  # argparse: usage errors exit 2
        return int(e.code) if isinstance(e.code, int) else 2
    return 2
