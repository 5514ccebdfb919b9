"""The search index program: pickled search documents in, Pagefind indexes out, through Pagefind's service.

search.py runs this file as a fresh Python program beside the build (``python pagefind_service.py ...``,
see search.SearchStream), so it imports nothing of Netwerkkaart. Per index group it starts
``pagefind --service`` (the protocol Pagefind's own Python and Node APIs speak: base64 JSON messages, each
ended by a comma, on stdin and stdout), adds the group's documents as HTML, takes the index's files,
ends the service and writes them (while the next group is indexed), with their sizes, digests and the
fragment of each page beside the index (<group>.json: the offline manifests need not read them back). One
Pagefind runs at a time, so one group is held in memory, until the build waits for the index (``WIDE``
after ``None``): then two. No document is written to disk: writing 10,000 small files and removing them
again cost more than Pagefind's own indexing (docs/over-snelheid.md). Pagefind's Python API is not used: it reads one answer per 0.1 s, which is 17
minutes for 10,000 documents.

The documents come on stdin while the build is still making the pages of the next regions
(search.SearchStream): pickled ``(group, [(url, escaped title, body), ...])``, the documents of one group
one after the other, then ``None``. A group is indexed as soon as the next one starts; a reader thread
takes the input meanwhile, so the build never waits for this program. Group "" holds the pages of no region.

argv: the output folder (an index per group in <folder>/<group>, group "" in <folder>/-site), the
document template (str.format with title and body) and the pages' language (Pagefind's force_language).
A failure ends the program with code 1 and a Dutch message; so does an input that ends without ``None``
(the build stopped).
"""

from __future__ import annotations

import base64
import concurrent.futures
import ctypes
import gzip
import hashlib
import json
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading

class ServiceError(Exception):
    """Pagefind's service failed or answered with an error."""


def executable() -> str:
    """The Pagefind binary, found as Pagefind's Python package finds it (PAGEFIND_BINARY_PATH, pagefind_bin)."""
    from pagefind.service import get_executable

    found = get_executable()
    if found is None:
        raise ServiceError("het programma pagefind is niet gevonden (installeer het pakket 'pagefind[bin]').")
    return str(found)


def _dies_with_this() -> None:  # Linux: Pagefind is killed with this program (a cancelled build kills this one)
    try:
        _LIBC.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - only a safeguard
        pass


# Loaded here, not in the child between fork and exec: this program runs threads (the reader, the groups),
# and a child must not import or load a library there.
try:
    _LIBC = ctypes.CDLL(None)
except OSError:
    _LIBC = None


class Service:
    """One ``pagefind --service`` process; :meth:`request` and :meth:`requests` send and wait for answers."""

    def __init__(self, binary: str) -> None:
        self.process = subprocess.Popen([binary, "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        preexec_fn=_dies_with_this if os.name == "posix" else None)
        self.buffer = bytearray()
        self.next_id = 0

    def _send(self, payload: dict) -> int:
        self.next_id += 1
        message = {"message_id": self.next_id, "payload": payload}
        self.process.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        return self.next_id

    def _answer(self) -> dict:
        while True:
            end = self.buffer.find(b",")
            if end >= 0:
                raw = bytes(self.buffer[:end])
                del self.buffer[:end + 1]
                answer = json.loads(base64.b64decode(raw))
                if answer is None:
                    continue
                payload = answer.get("payload") or {}
                if payload.get("type") == "Error":
                    raise ServiceError(f"Pagefind meldt: {payload.get('message')}")
                return payload
            chunk = self.process.stdout.read1(1 << 16)
            if not chunk:
                raise self._stopped()
            self.buffer += chunk

    def _stopped(self) -> ServiceError:
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = "onbekend"
        return ServiceError(f"Pagefind stopte onverwacht (code {code}).")

    def request(self, payload: dict) -> dict:
        try:
            self._send(payload)
            self.process.stdin.flush()
        except OSError:  # the service is gone: say so, not "broken pipe"
            raise self._stopped() from None
        return self._answer()

    def requests(self, payloads: list) -> int:
        """Send every payload while reading the answers (the pipes would fill up otherwise); their number.
        Exactly one answer per payload is read (none for none: waiting for an answer that never comes
        would hang). A service that stops shows as the end of its answers (_answer), whatever the writer
        was doing."""

        def write() -> None:
            try:
                for payload in payloads:
                    self._send(payload)
                self.process.stdin.flush()
            except OSError:  # the service is gone: _answer says so
                pass

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        answered = 0
        try:
            while answered < len(payloads):
                self._answer()
                answered += 1
        except BaseException:
            self.process.kill()  # the writer may wait on a full pipe: end it
            raise
        finally:
            writer.join()
        return answered

    def close(self) -> None:
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def index(binary: str, documents: list, template: str, language: str) -> list:
    """The files of one Pagefind index of ``documents`` ((url, escaped title, body), url site-relative)."""
    service = Service(binary)
    try:
        made = service.request({"type": "NewIndex", "config": {"force_language": language}})
        index_id = made["index_id"]
        service.requests([{"type": "AddFile", "index_id": index_id, "url": "/" + url, "file_path": None,
                           "file_contents": template.format(title=title, body=body)}
                          for url, title, body in documents])
        # The files come back in the answer and are written here: with WriteFiles, Pagefind answered before
        # its writes were done, and ending the service then could leave a file empty (a search that failed
        # now and then with "Failed to load Pagefind metadata").
        made = service.request({"type": "GetFiles", "index_id": index_id})
    finally:
        service.close()
    return made["files"]


def write(files: list, output: str) -> dict:
    """The files of one index (GetFiles: path and base64 content) in ``output``; a path that would leave
    it is refused. Returns what the offline manifests need of them, so that the build need not read them
    back: each file's size and digest (blake2b, 16 bytes, hex) and the page address of each fragment."""
    folders = set()
    made: dict = {"bestanden": {}, "fragmenten": {}}
    for item in files:
        path = item["path"]
        parts = path.split("/")
        if os.path.isabs(path) or ".." in parts:
            raise ServiceError(f"Pagefind gaf een onverwacht pad: {path}")
        target = os.path.join(output, *parts)
        if (folder := os.path.dirname(target)) not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        content = base64.b64decode(item["content"])
        with open(target, "wb") as f:
            f.write(content)
        made["bestanden"][path] = [len(content), hashlib.blake2b(content, digest_size=16).hexdigest()]
        if path.startswith("fragment/") and path.endswith(".pf_fragment"):
            url = fragment_url(content)
            if url is not None:  # else not a fragment we understand: the offline pack leaves it out
                made["fragmenten"][url] = path
    return made


def fragment_url(content: bytes) -> str | None:
    """The page path ("partners/x/") of a Pagefind fragment file's bytes, or None when it cannot be read."""
    try:
        data = gzip.decompress(content)
        return json.loads(data[len(b"pagefind_dcd"):] if data.startswith(b"pagefind_dcd") else data)["url"].lstrip("/")
    except (OSError, ValueError, KeyError, TypeError, AttributeError, EOFError):
        return None


def write_with_facts(files: list, output: str) -> None:
    """:func:`write`, and what it returns next to the index folder (``output``.json: not part of the site)."""
    made = write(files, output)
    with open(output + ".json", "w", encoding="utf-8") as f:
        json.dump(made, f)


SITE = "-site"
STOPPED = "de build stopte voor alle pagina's er waren."


def groups(messages):
    """(group, documents) as soon as each group is complete (the next one starts, or the input ends)."""
    name, members = None, []
    for group, documents in messages:
        if group != name:
            if name is not None:
                yield name, members
            name, members = group, []
        members.extend(documents)
    if name is not None:
        yield name, members


WIDE = "breed"  # after the end of the documents (None): the build now waits for the index, two groups at once


def messages(stream, wide: threading.Semaphore | None = None):
    """The pickled messages on ``stream`` until ``None``, read ahead by a thread (see the docstring). A
    :data:`WIDE` after the end gives ``wide`` a second place."""
    waiting: queue.Queue = queue.Queue()

    def read() -> None:
        try:
            while (item := pickle.load(stream)) is not None:
                waiting.put(item)
            waiting.put(None)
        except (EOFError, OSError, pickle.UnpicklingError):
            waiting.put(ServiceError(STOPPED))
            return
        try:
            if pickle.load(stream) == WIDE and wide is not None:
                wide.release()
        except (EOFError, OSError, pickle.UnpicklingError):
            pass

    threading.Thread(target=read, daemon=True).start()
    while (item := waiting.get()) is not None:
        if isinstance(item, ServiceError):
            raise item
        yield item


def _group(binary: str, name: str, documents: list, template: str, language: str, output: str,
           places: threading.Semaphore) -> None:
    """Index one group (holding one of ``places`` while Pagefind runs), then write its files."""
    try:
        files = index(binary, documents, template, language)
    finally:
        places.release()
    del documents
    write_with_facts(files, os.path.join(output, name or SITE))


def main(argv: list[str]) -> int:
    output, template, language = argv[0], argv[1], argv[2]
    # One Pagefind at a time while the build makes its pages (memory, and the build's own core); a group's
    # files are written while the next group is indexed (writing 2,000 fragments takes about a second of
    # system time). Once the build waits for the index (WIDE), two groups at once.
    places = threading.Semaphore(1)
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)
    try:
        binary = executable()
        pending = []
        for name, documents in groups(messages(sys.stdin.buffer, places)):
            places.acquire()
            pending.append(pool.submit(_group, binary, name, documents, template, language, output, places))
            del documents
        for future in pending:
            future.result()
    except (ServiceError, OSError, ValueError) as exc:
        print(f"De zoekindex is niet gemaakt: {exc}", file=sys.stderr)
        return 1
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    # Not sys.exit: the reader thread may still wait on stdin for a WIDE that never comes, and Python's
    # shutdown aborts on a buffered stream a daemon thread holds.
    os._exit(code)
