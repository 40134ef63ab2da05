//! Pretty-printed JSON for the JSON and SARIF reports: byte for byte what
//! `serde_json::to_writer_pretty` writes (two-space indentation), in
//! fewer writes. serde_json writes the indentation one level at a time
//! (a claim's fields sit three levels deep) and a key's quotes and colon
//! each on their own: eight writes before a field's value, for reports
//! of millions of fields. Here a line break, its indentation and the
//! key's opening quote are one write, the closing quote and colon one.

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

/// `serde_json::ser::PrettyFormatter` with two spaces.
#[derive(Default)]
struct Pretty {
    level: usize,
    has_value: bool,
    /// Between `begin_object_key` and `begin_object_value`: the key's
    /// opening quote is written, its closing one goes with the colon.
    in_key: bool,
}

impl Pretty {
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

    /// It closes, on a line of its own unless it is empty.
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line(w, true)?;
        }
        w.write_all(bracket)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
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
        if self.in_key { w.write_all(b"\": ") } else { w.write_all(b"\"") }
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

/// Write `value` as pretty-printed JSON.
pub fn write<W: Write, T: ?Sized + Serialize>(w: W, value: &T) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(w, Pretty::default()))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_json::json;

    fn same<T: serde::Serialize>(value: &T) {
        let mut ours = Vec::new();
        super::write(&mut ours, value).unwrap();
        let theirs = serde_json::to_vec_pretty(value).unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
    }

    /// Nested deeper than the prebuilt indentation, with empty and
    /// one-element containers, escapes and number keys: the same bytes as
    /// serde_json's printer.
    #[test]
    fn writes_what_serde_json_pretty_prints() {
        let mut deep = json!({"leaf": [1, {"a": [], "b": {}}, "x\n\"y\"", {"k\"ey": "v"}]});
        for i in 0..40 {
            deep = json!({ format!("k{i}"): [deep, i, null, [], {}], "n": 1.5 });
        }
        for value in [deep, json!([]), json!({}), json!([[]]), json!("s"), json!(3)] {
            same(&value);
        }
        let numbered: BTreeMap<u32, Vec<BTreeMap<i8, bool>>> = [(1, vec![]), (20, vec![[(-3, true)].into()])].into();
        same(&numbered);
        same(&vec![numbered]);
    }
}
