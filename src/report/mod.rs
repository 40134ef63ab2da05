//! Everything that turns results into text for people and machines.

pub mod claims;
pub mod explain;
pub mod quantities;
pub mod rules;

use std::io::{self, Write};

/// Write rows as aligned columns; the last column is not padded.
pub(crate) fn write_aligned<const N: usize>(
    out: &mut dyn Write,
    header: &[&str; N],
    rows: &[[String; N]],
) -> io::Result<()> {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut line = String::new();
    let mut emit = |cells: &mut dyn Iterator<Item = &str>, out: &mut dyn Write| -> io::Result<()> {
        line.clear();
        for (i, cell) in cells.enumerate() {
            line.push_str(cell);
            if i + 1 < N {
                line.extend(std::iter::repeat_n(' ', widths[i] - cell.chars().count() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())
    };
    emit(&mut header.iter().copied(), out)?;
    for row in rows {
        emit(&mut row.iter().map(String::as_str), out)?;
    }
    Ok(())
}
