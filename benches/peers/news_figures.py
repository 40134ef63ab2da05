"""The news figures of the recall set: where each one is in its draft, and
its value, read here independently of figcheck so that figcheck is scored
against the same key as the other tools."""

import html
import re
from pathlib import Path

import yaml

INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
SPACES = "\u00a0\u202f\u2009\u2007"

# Words that qualify a figure but are not the figure (longest first).
QUALIFIERS = sorted(
    """more than|over|nearly|about|some|at least|around|roughly|almost|an estimated|up to|above|approaching
    |close to|close on|just shy of|in excess of|north of|upward of|upwards of|well over|a little over|c.|~""".replace(
        "\n", ""
    )
    .replace("    ", "")
    .split("|"),
    key=len,
    reverse=True,
)

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}
SCALES = {"hundred": 100, "thousand": 1e3, "k": 1e3, "lakh": 1e5, "million": 1e6, "m": 1e6, "bn": 1e9, "billion": 1e9}
# No one value: not scored.
VAGUE = {"thousands", "dozens", "tens of thousands"}


def words_value(words):
    """A cardinal written in words: "two hundred and fifty-three"."""
    total, current = 0, 0
    for w in words:
        if w == "and":
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in SCALES:
            total += max(current, 1) * SCALES[w]
            current = 0
        else:
            return None
    return total + current


ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩٬٫", "0123456789,.")


def gold_value(figure):
    """The value of a figure as written, qualifiers aside; None when it
    names no single value."""
    s = figure.lower().translate(ARABIC_INDIC)
    for c in INVISIBLE:
        s = s.replace(c, "")
    for c in SPACES + "\n":
        s = s.replace(c, " ")
    s = " ".join(s.split())
    if s in VAGUE or s.startswith("between "):
        return None
    # "30.035": a decimal, or thousands grouped with points; only the
    # metric can tell (figcheck reports it as malformed for a count).
    if re.fullmatch(r"(?:[a-z ]+ )?\d{1,3}\.\d{3}", s):
        return None
    stripped = True
    while stripped:
        stripped = False
        for q in QUALIFIERS:
            if s.startswith(q) and (q in ("c.", "~") or s[len(q) : len(q) + 1] == " "):
                s = s[len(q) :].strip()
                stripped = True
    for prefix in ("us$", "usd ", "$"):
        if s.startswith(prefix):
            s = s[len(prefix) :].strip()
    for suffix in ("+", "-odd", "-plus", " or so"):
        if s.endswith(suffix):
            s = s[: -len(suffix)].strip()
    if s in ORDINALS:
        return ORDINALS[s]
    m = re.fullmatch(r"(\d+)(st|nd|rd|th)", s)
    if m:
        return int(m.group(1))
    m = re.fullmatch(r"(\d{1,3}(?:([,. ])\d{3})(?:\2\d{3})*|\d+(?:\.\d+)?)\s*([a-z]*)", s)
    if m:
        number, sep, scale = m.group(1), m.group(2), m.group(3)
        value = float(number.replace(sep, "")) if sep else float(number)
        if scale:
            if scale not in SCALES:
                return None
            value *= SCALES[scale]
        return value
    words = re.split(r"[\s-]+", s)
    return words_value(words)


def visible_text(path):
    """The text every tool is given, and the line of the file each of its
    characters comes from. HTML loses its tags, scripts and styles, and
    its entities are decoded."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix != ".html":
        lines = []
        n = 1
        for ch in raw:
            lines.append(n)
            n += ch == "\n"
        return raw, lines
    out, lines = [], []
    n = 1
    i = 0
    hidden = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>|&#?\w+;", re.S | re.I)
    while i < len(raw):
        m = hidden.match(raw, i)
        if m:
            piece = m.group(0)
            if piece.startswith("&"):
                decoded = html.unescape(piece)
                out.append(decoded)
                lines.extend([n] * len(decoded))
            else:
                # A tag is a space, so words on either side stay apart; its newlines stay.
                for ch in piece:
                    out.append("\n" if ch == "\n" else " ")
                    lines.append(n)
                    n += ch == "\n"
            i = m.end()
            continue
        ch = raw[i]
        out.append(ch)
        lines.append(n)
        n += ch == "\n"
        i += 1
    return "".join(out), lines


def locate(text, lines, line, figure):
    """The character span of `figure` starting on `line`: whitespace in the
    figure matches any whitespace, and invisible characters are skipped."""
    gap = f"[{INVISIBLE}]*"
    parts = []
    for ch in figure:
        if ch.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(ch) + gap)
    # A whole figure: not the "11" of "11:05" or of "110".
    pattern = re.compile(r"(?<![\w.,:])" + "".join(parts) + r"(?![\w]|[.,:]\d)")
    # Arabic-Indic digits are listed as figcheck reads them ("35,091").
    for m in pattern.finditer(text.translate(ARABIC_INDIC)):
        if lines[m.start()] == line:
            return m.start(), m.end()
    return None


def load(repo):
    """Every listed figure: (document path, its text, char span, figure, value)."""
    fixtures = repo / "tests" / "fixtures"
    expected = yaml.safe_load((fixtures / "recall" / "expected.yaml").read_text(encoding="utf-8"))
    documents = {}
    figures = []
    for rel, entries in sorted(expected.items()):
        path = fixtures / rel
        if rel not in documents:
            documents[rel] = visible_text(path)
        text, lines = documents[rel]
        for e in entries:
            span = locate(text, lines, e["line"], e["figure"])
            if span is None:
                raise SystemExit(f"{rel}:{e['line']}: `{e['figure']}` not found on that line")
            figures.append((rel, span, e["figure"], gold_value(e["figure"])))
    return {rel: text for rel, (text, _) in documents.items()}, figures
