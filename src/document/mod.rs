//! Documents: a text with its path, metadata and line index.

pub mod lines;
pub mod load;

pub use lines::LineIndex;

/// One input document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as shown in reports.
    pub path: String,
    pub text: String,
    pub lines: LineIndex,
}

impl Document {
    pub fn new(path: impl Into<String>, text: String) -> Document {
        let lines = LineIndex::new(&text);
        Document { path: path.into(), text, lines }
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }
}
