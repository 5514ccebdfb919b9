"""Strict YAML loading: bytes in, plain data plus line marks out, or coded problems.

PyYAML's loaders silently change what people wrote (duplicate keys, ``0522123456``
as an octal number, ``no`` as False, dates as date objects) and its alias
expansion and recursive composer can hang or crash. So we only let libyaml
*parse* (an iterative event stream, fast and safe at any depth) and build the
values ourselves, with a small, predictable set of rules:

* plain ``true``/``false`` are booleans; ``null``, ``~`` and nothing are null;
* plain decimal integers without a leading zero or ``+`` are ints, plain decimal
  numbers with a dot or exponent are floats; ``.nan``/``.inf`` are refused;
* everything else (``0522123456``, ``+32 52``, ``2024-03-01``, ``09:00``, ``no``)
  stays the text as written;
* anchors, aliases, merge keys, tags, duplicate keys, several documents,
  empty files and empty list items are refused with a problem each.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from typing import NamedTuple

import yaml

from .chars import CONTROL as _CONTROL, control_kind, excerpt
from ..problems import Problem, problem

try:  # libyaml is much faster; the pure-Python parser gives the same events
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader  # type: ignore[misc,assignment]


MAX_BYTES = 512 * 1024
MAX_DEPTH = 32

Path = tuple[str | int, ...]

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\Z")
_NOT_A_NUMBER = re.compile(r"[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)\Z")
# Characters that may not appear in a record at all (C0/C1 controls except tab/newline/CR, DEL).
# U+2028/U+2029 are line breaks to libyaml but not to editors: lines would be counted differently.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


# An escape in a double-quoted scalar, and what the one-letter escapes stand for.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
            "r": "\r", "e": "\x1b", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}


def _unescape(escape: str) -> str | None:
    if escape[0] in "xuU" and len(escape) > 1:
        code = int(escape[1:], 16)
        return chr(code) if code <= 0x10FFFF else None
    return _ESCAPES.get(escape)


# A tab in the indentation of a line that has content.
_TAB_INDENT = re.compile(r"^ *\t(?=[ \t]*\S)", re.MULTILINE)


class Refused(Exception):
    """A file that is not read: not a regular file (NK119) or too large (NK100)."""

    def __init__(self, code: str, **fields: object):
        super().__init__(code)
        self.code, self.fields = code, fields


_SPECIAL = ((stat.S_ISFIFO, "een named pipe (FIFO)"), (stat.S_ISSOCK, "een socket"),
            (stat.S_ISCHR, "een apparaat (device)"), (stat.S_ISBLK, "een apparaat (device)"),
            (stat.S_ISDIR, "een map"))
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in Dutch."""
    return next((name for test, name in _SPECIAL if test(mode)), "een onbekend soort bestand")


def read_bounded(file: str, limit: int = MAX_BYTES, *, follow: bool = True) -> bytes:
    """The bytes of the regular file ``file``, at most ``limit`` of them.

    The type and size are checked on the open file before reading, and the open does not wait
    (a FIFO cannot hang it), so a FIFO, a device or a huge file costs nothing. ``follow=False``
    refuses a symbolic link (OSError ELOOP): for a path that was a plain file when it was found.
    Raises :class:`Refused` or OSError."""
    fd = os.open(file, _OPEN_FLAGS if follow else _OPEN_FLAGS | getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("NK119", what=kind_of(info.st_mode))
        if info.st_size > limit:
            raise Refused("NK100", size=info.st_size, limit=limit)
        chunks, total, want = [], 0, info.st_size + 1
        while total <= limit:  # the size can change after fstat: never more than limit + 1 bytes
            chunk = os.read(fd, min(want, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            want = 65536
        if total > limit:
            raise Refused("NK100", size=f"meer dan {limit}", limit=limit)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


def _read(file: str) -> bytes:
    return read_bounded(file)


class Mark(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class Document:
    """One loaded file: its data and where each value and key was written."""

    path: str
    data: dict
    marks: dict[Path, Mark] = field(default_factory=dict)
    key_marks: dict[Path, Mark] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    raw: bytes = b""
    file: str | None = None  # where to read ``raw`` again when it was left behind

    def without_marks(self, file: str | None = None) -> Document:
        """A light copy to send to another process: without marks and, given the ``file`` it came
        from, without its bytes (unpickling 10,000 of them cost the parent 0.4 s). :meth:`mark`
        reads the marks again when a problem needs them."""
        return Document(self.path, self.data, {}, {}, [], b"" if file else self.raw, file)

    def mark(self, path: Path, *, key: bool = False) -> Mark:
        """Where the value at ``path`` (or its key) was written; falls back to the nearest parent."""
        if not self.marks and not self.raw and self.file:
            try:
                self.raw = _read(self.file)
            except (OSError, Refused):
                pass
        if not self.marks and self.raw:
            again, _ = load(self.raw, self.path)
            if again is not None:
                self.marks, self.key_marks = again.marks, again.key_marks
        path = tuple(path)
        if key and path in self.key_marks:
            return self.key_marks[path]
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, Mark(1, 1))


class _Reject(Exception):
    def __init__(self, p: Problem):
        self.problem = p


def _mark(m) -> Mark:
    return Mark(m.line + 1, m.column + 1)


def _position(text: str, index: int) -> Mark:
    line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    return Mark(line, index - start + 1)


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Bytes to text: strict UTF-8 (a BOM is fine), no control characters, bounded size."""
    if len(raw) > MAX_BYTES:
        return None, [problem("NK100", path, 1, 1, size=len(raw), limit=MAX_BYTES)]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start].decode("utf-8", errors="replace")
        m = _position(head, len(head))
        return None, [problem("NK101", path, m.line, m.column, byte=f"{raw[exc.start]:02X}")]
    # Windows (CRLF) and old Mac (CR) line ends: same lines, one form, so columns and checks agree with libyaml.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _FORBIDDEN.search(text)
    if bad:
        m = _position(text, bad.start())
        return None, [problem("NK102", path, m.line, m.column, char=f"U+{ord(bad.group()):04X}")]
    return text, []


def load(raw: bytes, path: str, *, marks: bool = True) -> tuple[Document | None, list[Problem]]:
    """Load one record file. Returns the document (None on any error) and all problems.

    ``marks=False`` skips recording where each value was written (a third of the loading time);
    :meth:`Document.mark` then reads the file again, only for a file that has a problem."""
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    tab = _TAB_INDENT.search(text)
    if tab:
        m = _position(text, tab.end() - 1)
        return None, [problem("NK104", path, m.line, m.column)]
    try:
        return _Builder(text, path, raw, marks).build()
    except _Reject as rejected:
        return None, [rejected.problem]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, path)]
    except yaml.YAMLError as exc:  # unmarked reader/parser errors
        return None, [problem("NK103", path, 1, 1, what=dutch_detail(str(exc).split("\n")[0]))]


# libyaml's messages and the problem each one is (a tab is NK104 before this table is read).
_TRANSLATIONS = [
    ("mapping values are not allowed", "NK124"),
    ("could not find expected ':'", "NK123"),
    ("did not find expected key", "NK125"),
    ("did not find expected '-' indicator", "NK126"),
    ("found unexpected end of stream", "NK127"),
    ("found unknown escape character", "NK128"),
    ("did not find expected node content", "NK129"),
    ("did not find expected ',' or ']'", "NK130"),
    ("did not find expected ',' or '}'", "NK131"),
    ("found undefined tag handle", "NK132"),
    ("found unexpected ':'", "NK124"),
    ("block sequence entries are not allowed", "NK133"),
    ("expected <block end>, but found", "NK125"),
    ("found character that cannot start any token", "NK134"),
]


def _missing_dash_or_colon(text: str, error_line: int) -> tuple[int, str] | None:  # (line, code)
    """Where a forgotten '- ' or ':' really is: libyaml only notices it a line (or more) later."""
    lines = text.split("\n")
    for index in range(min(error_line, len(lines)) - 1, 0, -1):
        line = lines[index - 1]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        stripped = line.lstrip(" ")
        if stripped.startswith("-") or ":" in stripped:
            return None
        indent = len(line) - len(stripped)
        above = next((lines[i] for i in range(index - 2, -1, -1) if lines[i].strip()), "")
        if above.lstrip(" ").startswith("- ") and len(above) - len(above.lstrip(" ")) == indent:
            return index, "NK122"  # the '- ' is missing
        return index, "NK123"  # the ':' is missing
    return None


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    m = _mark(mark) if mark is not None else Mark(1, 1)
    detail = f"{exc.problem or ''} {exc.context or ''}"
    # A tab anywhere in the leading whitespace of the offending line is the usual culprit.
    line_text = text.split("\n")[m.line - 1] if m.line - 1 < len(text.split("\n")) else ""
    indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
    if "\t" in indent or "'\\t'" in detail or "tab" in detail:
        return problem("NK104", path, m.line, (indent.find("\t") + 1) if "\t" in indent else m.column)
    found = _missing_dash_or_colon(text, m.line) if "could not find expected ':'" in detail else None
    if found:
        return problem(found[1], path, found[0], 1)
    if "nesting depth" in detail:  # libyaml's own limit, hit while scanning ahead
        return problem("NK111", path, m.line, m.column, limit=MAX_DEPTH)
    for english, code in _TRANSLATIONS:
        if english in detail:
            return problem(code, path, m.line, m.column)
    return problem("NK103", path, m.line, m.column, what=dutch_detail(exc.problem or exc.context or ""))


# What libyaml says for the problems that keep NK103 (each a rare mistake: none is common enough to
# deserve its own code), in Dutch. The part of its message each is recognised by, and the Dutch text.
_NK103_DETAILS = [
    ("did not find expected alphabetic or numeric character",
     "na een '*' of '&' verwacht YAML de naam van een anker of alias; een waarde die met * of & begint, "
     "zet je tussen aanhalingstekens"),
    ("found incompatible YAML document",
     "de regel met '%YAML' vraagt een versie van YAML die niet gelezen wordt; laat die regel weg"),
    ("version number", "de regel met '%YAML' heeft geen geldig versienummer; laat die regel weg"),
    ("did not find expected digit or '.' character",
     "de regel met '%YAML' heeft geen geldig versienummer; laat die regel weg"),
    ("found duplicate %",
     "een regel die met '%' begint, staat er twee keer; zulke regels zijn niet nodig, laat ze weg"),
    ("directive name",
     "een regel die met '%' begint, is geen YAML-instructie; laat ze weg, of zet de tekst tussen aanhalingstekens"),
    ("found unexpected non-alphabetical character",
     "een regel die met '%' begint, is geen YAML-instructie; laat ze weg, of zet de tekst tussen aanhalingstekens"),
    ("did not find expected <document start>",
     "hier verwacht YAML een nieuw document ('---'): na een regel die met '%' begint of na '...' "
     "mag geen gewone inhoud volgen; laat zulke regels weg"),
    ("found unexpected document indicator",
     "een regel die met '---' of '...' begint, staat midden in een waarde tussen aanhalingstekens "
     "(YAML leest dat als het einde van het document); spring die regel in"),
    ("did not find expected hexdecimal number",
     "na \\x, \\u of \\U tussen dubbele aanhalingstekens verwacht YAML een hexadecimale code; "
     "schrijf een gewone backslash als \\\\, of zet de waarde tussen enkele aanhalingstekens"),
    ("found invalid Unicode character escape code",
     "deze \\U-code tussen dubbele aanhalingstekens is geen bestaand teken; zet de waarde tussen "
     "enkele aanhalingstekens of typ het teken zelf"),
    ("found an indentation indicator equal to 0",
     "na '|' of '>' mag het cijfer voor de inspringing geen 0 zijn (1 tot 9, of laat het cijfer weg)"),
    ("did not find expected comment or line break",
     "hier verwacht YAML het einde van de regel (of commentaar na '#'); na '|' of '>' begint de tekst "
     "pas op de volgende regel"),
    ("did not find expected whitespace or line break",
     "hier verwacht YAML een spatie of het einde van de regel"),
    ("did not find the expected '>'",
     "een waarde die met '!<' begint, leest YAML als een tag die niet afgesloten is; zet de waarde "
     "tussen aanhalingstekens"),
    ("URI", "een waarde die met '!' begint, leest YAML als een tag, en die tag is ongeldig; zet de waarde "
     "tussen aanhalingstekens"),
    ("found an incorrect", "een waarde die met '!' begint, leest YAML als een tag, en die tag is ongeldig; zet de "
     "waarde tussen aanhalingstekens"),
    ("did not find expected '!'", "een waarde die met '!' begint, leest YAML als een tag, en die tag is "
     "ongeldig; zet de waarde tussen aanhalingstekens"),
    ("mapping keys are not allowed", "een sleutel met '?' ervoor mag hier niet staan; schrijf 'naam: waarde'"),
    ("control characters are not allowed", "het bestand bevat een teken dat YAML niet toelaat{char}; "
     "verwijder het of typ de tekst opnieuw"),
]
_CHAR_CODE = re.compile(r"#x([0-9a-fA-F]+)")


def dutch_detail(english: str) -> str:
    """NK103's detail: what libyaml's English problem means, in Dutch. A problem not in the table
    (none of the tests or the YAML test suite reaches one) is quoted as libyaml said it."""
    for part, dutch in _NK103_DETAILS:
        if part in english:
            code = _CHAR_CODE.search(english)
            return dutch.replace("{char}", f" (U+{int(code.group(1), 16):04X})" if code else "")
    return f"de YAML-lezer meldt '{excerpt(english or 'onbekend probleem', 200)}'"


def _show_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


# What a plain scalar that is not text becomes (``value[:1].isalpha()`` is text otherwise), and the
# plain keys that are refused; one dict or set lookup each instead of a chain of comparisons.
_WORDS: dict[str, object] = {"true": True, "false": False, "null": None, "~": None, "": None}
_ODD_KEYS = frozenset(("<<", "", "~", "null"))
_TEXT = object()  # not in _WORDS
# _INT, _FLOAT and _NOT_A_NUMBER in one match, tried in that order: the group that matched says which.
_NUMBER = re.compile(f"(?P<int>{_INT.pattern})|(?P<float>{_FLOAT.pattern})|(?P<nan>{_NOT_A_NUMBER.pattern})")


def _plain_number(value: str, line: int, column: int, path: str) -> object:
    """A plain scalar that is neither a word nor one of _WORDS: an int, a float, or the text."""
    match = _NUMBER.match(value)
    if match is None:
        return value
    kind = match.lastgroup
    if kind == "int":
        try:
            return int(value)
        except ValueError:  # longer than Python converts (sys.get_int_max_str_digits, 4300 digits)
            import sys

            raise _Reject(problem("NK643", path, line, column, limit=sys.get_int_max_str_digits() or 4300)) from None
    if kind == "float":
        number = float(value)
        if number in (float("inf"), float("-inf")):  # 1e999
            raise _Reject(problem("NK112", path, line, column, value=value))
        return number
    raise _Reject(problem("NK112", path, line, column, value=value))  # .nan, .inf


class _Builder:
    """Turns the libyaml event stream into plain data, without recursion."""

    def __init__(self, text: str, path: str, raw: bytes, keep_marks: bool = True):
        self.keep_marks = keep_marks
        self.text = text
        self.path = path
        self.lines = text.split("\n")
        self.doc = Document(path=path, data={}, raw=raw)

    def build(self) -> tuple[Document | None, list[Problem]]:
        # This loop runs once per YAML event (about 110 per partner file): kept flat on purpose. The
        # innermost open block's container, pending key, kind, indent, seen keys and path live in local
        # variables (its stack entry gets the pending key back only when a child block opens), a Mark is
        # made only where one is kept or a problem is raised, and a check that needs a character the
        # file does not hold at all ('#', '?') is skipped for the whole file.
        text = self.text
        parser = _Parser(text)
        get_event = parser.get_event
        keep = self.keep_marks
        marks, key_marks = self.doc.marks, self.doc.key_marks
        lines = self.lines
        path = self.path
        may_cut = "#" in text  # a comment can cut a value short, or follow a quoted value (NK503, NK136)
        may_ask = "?" in text  # an explicit '? key' (NK135)
        words, text_value = _WORDS, _TEXT
        Scalar, MapStart, SeqStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
        MapEnd, SeqEnd, StreamEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.StreamEndEvent
        root, root_mark, documents = None, Mark(1, 1), 0
        # stack entries: [container, path, pending_key, seen_keys (key -> line), start line (0-based),
        #                 indent that continuation lines must exceed, is_flow, is_mapping]
        stack: list[list] = []
        top: list | None = None
        # the innermost block (top), in locals
        container: dict | list | None = None
        key: str | None = None  # the key waiting for its value (mapping only); None: a key comes next
        mapping = False
        indent = -1
        seen: dict[str, int] = {}
        here: Path = ()
        try:
            while True:
                event = get_event()
                kind = type(event)
                if kind is Scalar:
                    sm = event.start_mark
                    if event.anchor is not None:
                        raise _Reject(problem("NK108", path, sm.line + 1, sm.column + 1))
                    style = event.style
                    tag = event.tag
                    if tag is not None and not (tag == "!" and style):
                        raise _Reject(problem("NK109", path, sm.line + 1, sm.column + 1, tag=_show_tag(tag)))
                    value = event.value
                    if style or event.end_mark.line != sm.line:
                        em = event.end_mark
                        if (style == '"' or style == "'") and em.line == sm.line:  # the common quoted value
                            if may_cut and lines[em.line][em.column:em.column + 1] == "#":
                                raise _Reject(problem("NK136", path, em.line + 1, em.column + 1))
                        else:
                            self._check_scalar_layout(event, indent)
                        if style == '"' and _CONTROL.search(value):  # only escapes can add them
                            self._control_escape(event)
                    if mapping and key is None:  # a key
                        if not style:
                            if value in _ODD_KEYS:
                                if value == "<<":
                                    raise _Reject(problem("NK110", path, sm.line + 1, sm.column + 1))
                                raise _Reject(problem("NK115", path, sm.line + 1, sm.column + 1, found="een lege sleutel"))
                            if may_ask and sm.column > 0 and lines[sm.line][sm.column - 1] == "?":
                                raise _Reject(problem("NK135", path, sm.line + 1, sm.column))
                        if value in seen:
                            raise _Reject(problem("NK107", path, sm.line + 1, sm.column + 1, key=value,
                                                  first=seen[value], second=sm.line + 1))
                        seen[value] = sm.line + 1
                        key = value
                        if keep:
                            key_marks[here + (value,)] = Mark(sm.line + 1, sm.column + 1)
                        continue
                    if not style:
                        special = words.get(value, text_value)
                        if special is not text_value:
                            value = special
                            if value is None and top is not None and not mapping:
                                raise _Reject(problem("NK114", path, sm.line + 1, sm.column + 1))
                        elif not value[:1].isalpha():
                            value = _plain_number(value, sm.line + 1, sm.column + 1, path)
                        if may_cut and value.__class__ is str and "#" in lines[event.end_mark.line]:
                            where = () if top is None else here + ((key,) if mapping else (len(container),))
                            self._check_hash_cut(event, value, where)
                    if top is None:
                        root, root_mark = value, Mark(sm.line + 1, sm.column + 1)
                        continue
                    if mapping:
                        if keep:
                            marks[here + (key,)] = Mark(sm.line + 1, sm.column + 1)
                        container[key] = value
                        key = None
                    else:
                        if keep:
                            marks[here + (len(container),)] = Mark(sm.line + 1, sm.column + 1)
                        container.append(value)
                    continue
                if kind is MapEnd or kind is SeqEnd:
                    finished = stack.pop()
                    if finished[6]:
                        self._check_continuation(finished[4], event.end_mark.line, finished[5], closing=True)
                    if not stack:
                        root, top = finished[0], None
                        container, key, mapping, indent, seen, here = None, None, False, -1, {}, ()
                        continue
                    top = stack[-1]
                    container, key, mapping, indent, seen, here = top[0], top[2], top[7], top[5], top[3], top[1]
                    if mapping:
                        container[key] = finished[0]
                        key = None
                    else:
                        container.append(finished[0])
                    continue
                if kind is MapStart or kind is SeqStart:
                    sm = event.start_mark
                    if event.anchor is not None:
                        raise _Reject(problem("NK108", path, sm.line + 1, sm.column + 1))
                    if event.tag is not None:
                        raise _Reject(problem("NK109", path, sm.line + 1, sm.column + 1, tag=_show_tag(event.tag)))
                    if mapping and key is None:
                        raise _Reject(problem("NK115", path, sm.line + 1, sm.column + 1, found="een lijst of blok"))
                    if len(stack) >= MAX_DEPTH:
                        raise _Reject(problem("NK111", path, sm.line + 1, sm.column + 1, limit=MAX_DEPTH))
                    if top is None:
                        child_path: Path = ()
                        root_mark = Mark(sm.line + 1, sm.column + 1)
                    else:
                        child_path = here + ((key,) if mapping else (len(container),))
                        top[2] = key
                    if keep:
                        marks[child_path] = Mark(sm.line + 1, sm.column + 1)
                    flow = bool(event.flow_style)
                    if not flow:
                        indent = sm.column
                    mapping = kind is MapStart
                    container = {} if mapping else []
                    key, seen, here = None, {}, child_path
                    top = [container, child_path, None, seen, sm.line, indent, flow, mapping]
                    stack.append(top)
                    continue
                if kind is StreamEnd or event is None:
                    break
                if kind is yaml.AliasEvent:
                    raise _Reject(problem("NK108", path, event.start_mark.line + 1, event.start_mark.column + 1))
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise _Reject(problem("NK106", path, event.start_mark.line + 1, event.start_mark.column + 1))
                elif kind is yaml.DocumentEndEvent and event.explicit:
                    nxt = parser.peek_event()
                    if type(nxt) is yaml.DocumentStartEvent:
                        raise _Reject(problem("NK106", path, nxt.start_mark.line + 1, nxt.start_mark.column + 1))
        finally:
            if hasattr(parser, "dispose"):
                parser.dispose()
        if root is None:
            return None, [problem("NK105", self.path, 1, 1)]
        if not isinstance(root, dict):
            found = {list: "een lijst", type(None): "geen waarde"}.get(type(root), f"alleen de waarde '{root}'")
            return None, [problem("NK113", self.path, root_mark.line, root_mark.column, found=found)]
        self.doc.data = root
        return self.doc, list(self.doc.warnings)

    def _check_scalar_layout(self, event, parent_indent: int) -> None:
        """Layout rules of YAML that libyaml does not enforce."""
        start, end = event.start_mark, event.end_mark
        style = event.style
        line = self.lines[end.line] if end.line < len(self.lines) else ""
        if style in ("'", '"') and line[end.column:end.column + 1] == "#":
            raise _Reject(problem("NK136", self.path, end.line + 1, end.column + 1))
        if style in ("|", ">"):
            header = self.lines[start.line][start.column:]
            if not re.match(r"[|>][0-9+-]*(?:[ \t]|\Z)", header):
                raise _Reject(problem("NK137", self.path, start.line + 1, start.column + 1))
            following = self.lines[start.line + 1:]
            blanks = []
            for text in following:
                if text.strip():
                    content_indent = len(text) - len(text.lstrip(" "))
                    if any(len(b) > content_indent for b in blanks):
                        raise _Reject(problem("NK138", self.path, start.line + 2, 1))
                    break
                blanks.append(text)
            return
        if end.line > start.line:
            self._check_continuation(start.line, end.line, parent_indent, closing=False)

    def _control_escape(self, event) -> None:
        """A problem for the first escape in a double-quoted scalar that gives a control character,
        at the escape itself (the raw text was checked already: only escapes can bring them in)."""
        start, end = event.start_mark, event.end_mark
        source = "\n".join(self.lines[start.line:end.line + 1])
        offset = start.column
        source = source[: len(source) - len(self.lines[end.line]) + end.column] if end.line < len(self.lines) else source
        for match in _ESCAPE.finditer(source, offset):
            char = _unescape(match.group(1))
            if char and _CONTROL.match(char):
                line = start.line + source.count("\n", 0, match.start()) + 1
                column = match.start() - (source.rfind("\n", 0, match.start()) + 1) + 1
                self.doc.warnings.append(problem(control_kind(char), self.path, line, column,
                                                 char=f"U+{ord(char):04X}", escape=match.group()))
                return
        m = _mark(start)  # not found again in the source (should not happen): the value's position
        char = _CONTROL.search(event.value).group()
        self.doc.warnings.append(problem(control_kind(char), self.path, m.line, m.column,
                                         char=f"U+{ord(char):04X}", escape=excerpt(event.value, 20)))

    def _check_continuation(self, first: int, last: int, indent: int, *, closing: bool) -> None:
        """Continuation lines (0-based ``first``+1..``last``) must be indented more than ``indent``."""
        for number in range(first + 1, min(last, len(self.lines) - 1) + 1):
            text = self.lines[number]
            stripped = text.lstrip(" ")
            if not stripped.strip() or (closing and stripped.strip(" ]},") == ""):
                continue
            if len(text) - len(stripped) <= indent:
                raise _Reject(problem("NK139", self.path, number + 1, 1))

    def _check_hash_cut(self, event, value: str, where: Path) -> None:
        """Warn when YAML read ' #word' after a plain value as a comment."""
        end = event.end_mark
        if end.line != event.start_mark.line or end.line >= len(self.lines):
            return
        rest = self.lines[end.line][end.column:]
        cut = re.match(r"[ \t]+#(\S.*)", rest)
        if not cut:
            return
        fieldname = ".".join(str(p) for p in where) or "waarde"
        m = Mark(event.start_mark.line + 1, event.start_mark.column + 1)
        full = (value + rest.rstrip()).replace('"', '\\"')
        self.doc.warnings.append(problem("NK503", self.path, m.line, m.column, field=fieldname, value=value, full=full))
