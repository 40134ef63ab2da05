//! The layout of the JSON and SARIF reports: one record per line. The
//! outer levels are indented as `serde_json::to_writer_pretty` indents
//! them (two spaces); each element of an array at depth `records` or
//! deeper (a claim, a finding, a SARIF result) is written compact on a
//! line of its own. A record is a line to grep, to diff and to hand to
//! `jq -c`, and the files are smaller than fully indented ones (a claim's
//! fields sat three levels deep): the JSON report by a quarter, SARIF by
//! close to half.
//!
//! Each piece of layout is one write: a line break with its indentation
//! and a key's opening quote, a key's closing quote with its colon
//! (serde_json writes each level of indentation, each quote apart).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

/// `,` then a line break and 2 × `LEVELS` spaces: every prefix a line of
/// the report starts with, up to that depth.
const LEVELS: usize = 32;
const BREAKS: [u8; 2 + 2 * LEVELS] = {
    let mut b = [b' '; 2 + 2 * LEVELS];
    b[0] = b',';
    b[1] = b'\n';
    b
};

/// For each depth, `,` then a line break, its indentation and a quote:
/// what a line starting with a key starts with.
const KEY_LINES: [[u8; 3 + 2 * LEVELS]; LEVELS + 1] = {
    let mut all = [[b' '; 3 + 2 * LEVELS]; LEVELS + 1];
    let mut level = 0;
    while level <= LEVELS {
        all[level][0] = b',';
        all[level][1] = b'\n';
        all[level][2 + 2 * level] = b'"';
        level += 1;
    }
    all
};

/// Indented to depth `records`, compact within a record.
struct Layout {
    level: usize,
    has_value: bool,
    /// Between `begin_object_key` and `begin_object_value`: the key's
    /// opening quote is written, its closing one goes with the colon.
    in_key: bool,
    /// Elements of arrays at this depth or deeper are records.
    records: usize,
    /// The depth of the array whose element is being written on one
    /// line, if one is.
    record: Option<usize>,
}

impl Layout {
    fn new(records: usize) -> Self {
        Layout { level: 0, has_value: false, in_key: false, records, record: None }
    }

    /// A line break (after a comma unless `first`), indented to the current level.
    fn line<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        let from = usize::from(first);
        if self.level <= LEVELS {
            return w.write_all(&BREAKS[from..2 + 2 * self.level]);
        }
        w.write_all(&BREAKS[from..2])?;
        for _ in 0..self.level {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    /// An array or object opens: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// It closes: on a line of its own if it is indented and not empty.
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value && self.record.is_none() {
            self.line(w, true)?;
        }
        w.write_all(bracket)
    }
}

impl Formatter for Layout {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if self.record.is_some() {
            return if first { Ok(()) } else { w.write_all(b",") };
        }
        if self.level >= self.records {
            self.record = Some(self.level);
        }
        self.line(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        if self.record == Some(self.level) {
            self.record = None;
        }
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        // Every key is written as a string (serde_json quotes number keys too).
        self.in_key = true;
        if self.record.is_some() {
            return w.write_all(&b",\""[usize::from(first)..]);
        }
        if self.level <= LEVELS {
            return w.write_all(&KEY_LINES[self.level][usize::from(first)..3 + 2 * self.level]);
        }
        self.line(w, first)?;
        w.write_all(b"\"")
    }

    fn begin_string<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        if self.in_key { Ok(()) } else { w.write_all(b"\"") }
    }

    fn end_string<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        match (self.in_key, self.record.is_some()) {
            (false, _) => w.write_all(b"\""),
            (true, false) => w.write_all(b"\": "),
            (true, true) => w.write_all(b"\":"),
        }
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.in_key = false;
        Ok(())
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Write `value` indented to depth `records`, each element of an array
/// that deep or deeper on one line (depth 1 is inside the outermost
/// value).
pub fn write<W: Write, T: ?Sized + Serialize>(w: W, value: &T, records: usize) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(w, Layout::new(records)))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_json::{Value, json};

    fn ours<T: serde::Serialize>(value: &T, records: usize) -> String {
        let mut out = Vec::new();
        super::write(&mut out, value, records).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// With no depth of records, serde_json's pretty printing byte for
    /// byte: nested deeper than the prebuilt indentation, with empty and
    /// one-element containers, escapes and number keys.
    #[test]
    fn without_records_it_is_serde_jsons_pretty_printing() {
        let mut deep = json!({"leaf": [1, {"a": [], "b": {}}, "x\n\"y\"", {"k\"ey": "v"}]});
        for i in 0..40 {
            deep = json!({ format!("k{i}"): [deep, i, null, [], {}], "n": 1.5 });
        }
        let numbered: BTreeMap<u32, Vec<BTreeMap<i8, bool>>> = [(1, vec![]), (20, vec![[(-3, true)].into()])].into();
        let values =
            [deep, json!([]), json!({}), json!([[]]), json!("s"), json!(3), json!(&numbered), json!([&numbered])];
        for value in values {
            assert_eq!(ours(&value, usize::MAX), serde_json::to_string_pretty(&value).unwrap());
        }
    }

    /// Each record on a line of its own, compact, and the whole the same
    /// value.
    #[test]
    fn records_are_one_line_each() {
        // (`json!` sorts the keys.)
        let report = json!({
            "schema": "figcheck/1",
            "summary": {"claims": 2, "by": {"a": 1}},
            "claims": [
                {"text": "1,200", "interval": [1199.5, 1200.5], "sentence": "Some \"1,200\" died,\nit said.", "empty": {}},
                {"text": "six", "nested": [{"a": [1, [2, []]]}, {}], "none": []},
                7
            ],
            "problems": []
        });
        let got = ours(&report, 2);
        assert_eq!(
            got,
            r#"{
  "claims": [
    {"empty":{},"interval":[1199.5,1200.5],"sentence":"Some \"1,200\" died,\nit said.","text":"1,200"},
    {"nested":[{"a":[1,[2,[]]]},{}],"none":[],"text":"six"},
    7
  ],
  "problems": [],
  "schema": "figcheck/1",
  "summary": {
    "by": {
      "a": 1
    },
    "claims": 2
  }
}"#
        );
        assert_eq!(serde_json::from_str::<Value>(&got).unwrap(), report);
        // Records one level deeper: the outer array's elements are indented.
        let nested = json!({"runs": [{"results": [{"a": 1}, {"b": [2]}], "tool": {"name": "x"}}]});
        let got = ours(&nested, 4);
        assert_eq!(
            got,
            "{\n  \"runs\": [\n    {\n      \"results\": [\n        {\"a\":1},\n        {\"b\":[2]}\n      ],\n      \"tool\": {\n        \"name\": \"x\"\n      }\n    }\n  ]\n}"
        );
        assert_eq!(serde_json::from_str::<Value>(&got).unwrap(), nested);
    }
}
