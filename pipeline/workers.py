"""Documents processed in worker processes, each within a time and memory limit.

One hostile file (a PDF of nested forms, a zip bomb, a table spanning two billion columns) must cost one
errors row, not the batch: every document runs in a worker of a pebble process pool whose data segment is
capped (RLIMIT_DATA) and whose task is killed at the time limit; a worker that dies is replaced. Files over
the input size limit are not read at all. `workers=0` runs in this process (no limits; for debugging).
"""

from __future__ import annotations

import logging
import os
import itertools
from collections import deque
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from . import rules
from .limits import Limits
from .model import Extraction
from .paths import readable
from .process import failed, named, process_path
from .tables import pack_rows

log = logging.getLogger(__name__)


def default_workers() -> int:
    """The machine's cores (those this process may run on)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _data_bytes() -> int:
    """This process's data segment now (VmData), or 0 where /proc is absent."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmData:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _same_rules(folder: str, codebooks: tuple[str, ...]) -> None:
    """Use the parent's rules folder and codebooks (a forked worker has them already, a spawned one not)."""
    now = rules.active()
    if now.folder != Path(folder) or tuple(map(str, now.codebooks)) != codebooks:
        rules.use(folder, codebooks)


def _rules_args() -> tuple[str, tuple[str, ...]]:
    now = rules.active()
    return str(now.folder), tuple(map(str, now.codebooks))


def _start_worker(memory_mb: int, rules_folder: str, codebooks: tuple[str, ...] = ()) -> None:
    """Worker initializer: the parent's rules, then the memory cap."""
    _same_rules(rules_folder, codebooks)
    _limit_memory(memory_mb)


def _limit_memory(memory_mb: int) -> None:
    """Worker initializer: cap the data segment (heap and anonymous maps, Linux >= 4.7) at what the worker
    inherited from the warmed-up parent plus `memory_mb` for the document."""
    if memory_mb <= 0:
        return
    try:
        import resource

        cap = _data_bytes() + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
    except (ImportError, ValueError, OSError) as e:  # no resource module (Windows) or a lower hard limit
        log.warning("cannot limit worker memory: %s", e)


_OUT_OF_MEMORY_EXIT = 70  # a worker that ran out of memory ends itself with this code, to be replaced


def _process_in_worker(path: Path, doc_id: str | None = None) -> Extraction:
    """process_path in a worker. A document that ran the worker out of memory ends the worker (its heap may
    stay high), so the pool starts a fresh one and the document is reported over the memory limit. Given
    its doc_id, the worker names the rows and packs them as Arrow (the parent only stacks them)."""
    ex = process_path(path)
    if any("MemoryError" in e.error for e in ex.errors):
        os._exit(_OUT_OF_MEMORY_EXIT)
    return ex if doc_id is None else pack_rows(named(ex, doc_id))


def warm_up() -> None:
    """Load the rules, the jieba dictionary and the spaCy pipeline once, before workers fork from this
    process, so each worker starts with them (copy-on-write) instead of loading them again."""
    from . import nlp
    from .extract.deadlines import find_deadlines

    nlp.pipeline()
    find_deadlines("2020年5月底前")
    import lxml.html  # noqa: F401  (the HTML and DOCX readers)
    import pypdfium2  # noqa: F401


def _too_big(path: Path, limits: Limits) -> Extraction | None:
    if limits.input_mb <= 0:
        return None
    try:
        size = path.stat().st_size
    except OSError:
        return None  # the reader reports what is wrong with the file
    if size > limits.input_mb * 1024 * 1024:
        return failed(path, "ingest", f"{readable(path.name)}: {size / 1024 / 1024:.0f} MB exceeds the input limit of {limits.input_mb} MB; split the file or raise --max-input-mb")
    return None


def _dask_one(path: str, input_mb: int, rules_folder: str, codebooks: tuple[str, ...] = ()) -> Extraction:
    """One document on a Dask worker (paths travel as text; the worker must see the same file system, the
    rules folder and codebooks included)."""
    _same_rules(rules_folder, codebooks)
    p = Path(path)
    return _too_big(p, Limits(input_mb=input_mb)) or process_path(p)


def process_dask(paths: Sequence[Path], *, scheduler: str | None, workers: int, limits: Limits, done: Callable[[], None] = lambda: None) -> Iterator[Extraction]:
    """Extractions of `paths` on a Dask cluster: the scheduler at `scheduler` (tcp://host:8786), or a local
    cluster of `workers` processes when none is given. Each worker must have the package installed and see
    the input files at the same paths. A document that fails on its worker is one errors row."""
    from dask.distributed import Client, LocalCluster

    if not log.isEnabledFor(logging.INFO):
        logging.getLogger("distributed").setLevel(logging.ERROR)  # its own INFO chatter only with -v
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(_dask_one, [str(p) for p in paths], input_mb=limits.input_mb, rules_folder=_rules_args()[0], codebooks=_rules_args()[1], pure=False)
        for p, fut in zip(paths, futures):
            log.info("processing %s", p)
            try:
                yield fut.result(timeout=limits.seconds or None)
            except Exception as e:  # a timeout, a lost worker or a reader bug: one errors row, the batch goes on
                fut.cancel()
                yield failed(p, "limit" if "Timeout" in type(e).__name__ else "extract", f"{readable(p.name)}: processing on the cluster failed ({type(e).__name__}: {e})")
            done()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


IN_FLIGHT_PER_WORKER = 8  # documents scheduled ahead per worker process


def process_all(paths: Sequence[Path], *, workers: int, limits: Limits, ids: Sequence[str] | None = None, done: Callable[[], None] = lambda: None) -> Iterator[Extraction]:
    """Extractions of `paths`, in order, each within `limits`. With `ids` (a doc_id per path) a pool's
    extractions come named and packed (tables.pack_rows): the rows are built where the document was read."""
    if workers <= 0:
        for p in paths:
            log.info("processing %s", p)
            yield _too_big(p, limits) or process_path(p)
            done()
        return
    from pebble import ProcessPool
    from pebble.common import ProcessExpired

    warm_up()
    with ProcessPool(max_workers=workers, initializer=_start_worker, initargs=(limits.memory_mb, *_rules_args())) as pool:
        futures: deque[tuple[Path, Extraction | None, Any]] = deque()
        pending = zip(paths, ids if ids is not None else itertools.repeat(None))

        def schedule(n: int) -> None:
            for p, doc_id in itertools.islice(pending, n):
                big = _too_big(p, limits)
                futures.append((p, big, None if big else pool.schedule(_process_in_worker, args=(p, doc_id), timeout=limits.seconds or None)))

        # a window of documents in flight, not the whole batch: results wait for the consumer (the store's
        # flush) in a bounded queue, so memory does not grow with the corpus (issue 14)
        schedule(workers * IN_FLIGHT_PER_WORKER)
        while futures:
            # taken off the queue as it is consumed: a result handed on is not kept alive here
            p, big, fut = futures.popleft()
            schedule(1)
            if big is not None or fut is None:
                yield big or failed(p, "ingest", f"{readable(p.name)}: not processed")
                done()
                continue
            name = readable(p.name)
            log.info("processing %s", p)
            try:
                yield fut.result()
            except FutureTimeout:
                yield failed(p, "limit", f"{name}: processing exceeds the time limit of {limits.seconds:.0f} s; the file may be damaged or hostile (raise --timeout to allow more)")
            except MemoryError:
                yield failed(p, "limit", f"{name}: processing exceeds the memory limit of {limits.memory_mb} MB; the file may be damaged or hostile (raise --max-memory-mb to allow more)")
            except ProcessExpired as e:
                if e.exitcode == _OUT_OF_MEMORY_EXIT:
                    yield failed(p, "limit", f"{name}: processing exceeds the memory limit of {limits.memory_mb} MB; the file may be damaged or hostile (raise --max-memory-mb to allow more)")
                else:
                    yield failed(p, "limit", f"{name}: the worker reading it died (exit code {e.exitcode}), most likely over the memory limit of {limits.memory_mb} MB")
            except Exception as e:  # a bug in a reader: one errors row, the batch goes on
                log.error("processing %s failed: %s: %s", p, type(e).__name__, e, exc_info=log.isEnabledFor(logging.INFO))
                yield failed(p, "extract", f"{name}: processing failed ({type(e).__name__}: {e})")
            done()
