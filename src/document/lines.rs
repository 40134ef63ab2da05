//! Byte offsets to 1-based line and column numbers.

/// The start offset of every line of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// In lines longer than [`STRIDE`], every `STRIDE` bytes: (byte
    /// offset, characters from its line's start). A column is counted from
    /// the nearest one, not from the line's start: a megabyte line with
    /// thousands of figures would cost its length for each.
    marks: Vec<(usize, usize)>,
}

const STRIDE: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut marks = Vec::new();
        let long = text.len() > STRIDE;
        for (i, &start) in starts.iter().enumerate().filter(|_| long) {
            let end = starts.get(i + 1).map_or(text.len(), |&s| s - 1);
            let (mut at, mut chars) = (start, 0);
            while end.saturating_sub(at) > STRIDE {
                let mut next = at + STRIDE;
                while !text.is_char_boundary(next) {
                    next -= 1;
                }
                chars += text[at..next].chars().count();
                at = next;
                marks.push((at, chars));
            }
        }
        LineIndex { starts, marks }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let offset = offset.min(text.len());
        let mark = self.marks.partition_point(|&(at, _)| at <= offset);
        let (from, before) = match mark.checked_sub(1).map(|m| self.marks[m]) {
            Some((at, chars)) if at > start => (at, chars),
            _ => (start, 0),
        };
        let col = before + text.get(from..offset).map_or(offset - from, |s| s.chars().count()) + 1;
        (line, col)
    }

    /// Byte range of a 1-based line, without its line break.
    pub fn line_span(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(text.len(), |&s| s - 1);
        let end = if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') { end - 1 } else { end };
        start..end.max(start)
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let t = "ab\ncdé f\n\nx";
        let idx = LineIndex::new(t);
        assert_eq!(idx.len(), 4);
        assert_eq!(idx.line_col(t, 0), (1, 1));
        assert_eq!(idx.line_col(t, 3), (2, 1));
        // 'f' after a two-byte 'é' is the fifth character.
        assert_eq!(idx.line_col(t, 8), (2, 5));
        assert_eq!(idx.line_col(t, 11), (4, 1));
        assert_eq!(&t[idx.line_span(t, 2)], "cdé f");
        assert_eq!(&t[idx.line_span(t, 3)], "");
    }

    /// Columns on lines longer than a stride count from its marks, and
    /// agree with counting from the line's start.
    #[test]
    fn columns_on_long_lines() {
        let t = format!("short\n{}\n{}x", "é, 1,200 killed. ".repeat(800), "a".repeat(3 * STRIDE));
        let idx = LineIndex::new(&t);
        assert!(!idx.marks.is_empty());
        for offset in (0..t.len()).filter(|&o| t.is_char_boundary(o)).step_by(97) {
            let line = idx.line(offset);
            let start = idx.starts[line - 1];
            assert_eq!(idx.line_col(&t, offset), (line, t[start..offset].chars().count() + 1), "at {offset}");
        }
    }
}
