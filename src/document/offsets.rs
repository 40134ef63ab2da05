//! Offsets in a document's analysis text mapped back to its source file,
//! for formats whose visible text is not the file (HTML).

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
}
