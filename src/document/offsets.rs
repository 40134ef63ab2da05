//! Offsets in a document's analysis text mapped back to its source file,
//! for formats whose visible text is not the file (HTML), and for text
//! with pieces taken out (invisible characters, a paginated file's page
//! furniture).

use std::ops::Range;

/// Sorted anchors `(text offset, source offset)`; between anchors, offsets
/// advance together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    pub fn new(mut anchors: Vec<(usize, usize)>) -> OffsetMap {
        anchors.sort();
        anchors.dedup_by_key(|a| a.0);
        OffsetMap { anchors }
    }

    /// The text offsets where pieces start.
    pub fn text_offsets(&self) -> Vec<usize> {
        self.anchors.iter().map(|a| a.0).collect()
    }

    /// The source offset of a text offset.
    pub fn to_source(&self, text_offset: usize) -> usize {
        let i = self.anchors.partition_point(|a| a.0 <= text_offset);
        match i.checked_sub(1).map(|i| self.anchors[i]) {
            Some((t, s)) => s + (text_offset - t),
            None => self.anchors.first().map_or(text_offset, |a| a.1),
        }
    }
}

/// `text` without the `removed` ranges (sorted, apart), and the map of
/// its offsets to the source's: through `map` when `text` already is a
/// view of a source (HTML), directly when it is the file.
pub fn strip(text: &str, removed: &[Range<usize>], map: Option<&OffsetMap>) -> (String, OffsetMap) {
    let source = |t: usize| map.map_or(t, |m| m.to_source(t));
    let mut out = String::with_capacity(text.len());
    let mut anchors = Vec::new();
    let mut from = 0;
    // Every anchor of the old map between two removed ranges, moved back
    // by what was removed before it, and one where each kept piece starts.
    let old: Vec<usize> = map.map_or_else(Vec::new, OffsetMap::text_offsets);
    let mut next_old = 0;
    for r in removed.iter().chain(std::iter::once(&(text.len()..text.len()))) {
        // A piece left empty (a removal at the text's start) anchors nothing.
        if anchors.last().is_some_and(|a: &(usize, usize)| a.0 == out.len()) {
            anchors.pop();
        }
        anchors.push((out.len(), source(from)));
        while next_old < old.len() && old[next_old] < r.start {
            if old[next_old] > from {
                anchors.push((out.len() + old[next_old] - from, source(old[next_old])));
            }
            next_old += 1;
        }
        out.push_str(&text[from..r.start]);
        from = r.end;
        while next_old < old.len() && old[next_old] < from {
            next_old += 1;
        }
    }
    (out, OffsetMap::new(anchors))
}

/// The union of two lists of ranges, sorted, with overlapping or touching
/// ranges merged.
pub fn union(a: Vec<Range<usize>>, b: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut all = a;
    all.extend(b);
    all.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        match out.last_mut() {
            Some(last) if last.end >= r.start => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_between_anchors() {
        let m = OffsetMap::new(vec![(10, 110), (0, 50)]);
        assert_eq!(m.to_source(0), 50);
        assert_eq!(m.to_source(5), 55);
        assert_eq!(m.to_source(12), 112);
    }

    #[test]
    fn a_removal_at_the_start_moves_the_first_anchor() {
        let file = "\u{200b}head\n\u{200b}body";
        let (text, m) = strip(file, &crate::document::invisible::ranges(file), None);
        assert_eq!(text, "head\nbody");
        assert_eq!(m.to_source(0), 3);
        assert_eq!(&file[m.to_source(5)..], "body");
    }

    #[test]
    fn a_view_s_map_is_followed() {
        // A view whose piece at 0 is at 100 in the source, and at 6 ("d") at 200.
        let view = "ab\u{200b}cdefg";
        let map = OffsetMap::new(vec![(0, 100), (6, 200)]);
        let (text, m) = strip(view, &crate::document::invisible::ranges(view), Some(&map));
        assert_eq!(text, "abcdefg");
        assert_eq!(m.to_source(1), 101);
        assert_eq!(m.to_source(2), 105);
        assert_eq!(m.to_source(3), 200);
        assert_eq!(m.to_source(4), 201);
    }
}
