//! The table of the DOM sink's fixed strings: the strings the view's code
//! fixes (tag and attribute names, fixed attribute values such as class
//! names) are the same on every card, so each is sent to the page once,
//! with the first card that uses it, and named by its number after that
//! (`dom.rs`; `dom_builder.js` keeps them in the same order). Found by
//! address and length: the same literal is the same bytes. Plain Rust, so
//! it is tested natively.

/// Past this many, fixed strings go as a card's own (the table stays a
/// quarter empty, so probes stay short).
pub(crate) const FIXED_MAX: usize = 384;
const SLOTS: usize = 512;

/// Open addressing by (address, length).
pub(crate) struct FixedTable {
    /// (address, length, number + 1), 0 for an empty slot.
    slots: [(usize, usize, u32); SLOTS],
    len: u32,
}

impl FixedTable {
    pub(crate) const fn new() -> FixedTable {
        FixedTable { slots: [(0, 0, 0); SLOTS], len: 0 }
    }

    pub(crate) fn len(&self) -> usize {
        self.len as usize
    }

    fn slot(key: (usize, usize)) -> usize {
        (key.0 ^ key.0 >> 9 ^ key.1) % SLOTS
    }

    /// The number of `key`, if it is in the table.
    pub(crate) fn find(&self, key: (usize, usize)) -> Option<u32> {
        let mut i = Self::slot(key);
        while let Some(&(a, l, n)) = self.slots.get(i) {
            if n == 0 {
                return None;
            }
            if (a, l) == key {
                return Some(n - 1);
            }
            i = (i + 1) % SLOTS;
        }
        None
    }

    /// Enters `key` (not in the table; below [`FIXED_MAX`] entries) as the next number.
    pub(crate) fn add(&mut self, key: (usize, usize)) -> u32 {
        let n = self.len;
        let mut i = Self::slot(key);
        while let Some(slot) = self.slots.get_mut(i) {
            if slot.2 == 0 {
                *slot = (key.0, key.1, n + 1);
                self.len += 1;
                break;
            }
            i = (i + 1) % SLOTS;
        }
        n
    }

    /// Removes the entries numbered `len` and up. They are the last entered,
    /// so no probe for an earlier entry passes their slots.
    pub(crate) fn truncate(&mut self, len: u32) {
        for slot in self.slots.iter_mut().filter(|s| s.2 > len) {
            *slot = (0, 0, 0);
        }
        self.len = self.len.min(len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys that crowd a few slots, as string literals laid out together might.
    fn keys() -> Vec<(usize, usize)> {
        (0..FIXED_MAX).map(|i| (0x1000 + (i % 7) * SLOTS * 512, i / 7)).collect()
    }

    #[test]
    fn numbers_follow_the_order_of_entry_and_are_found_again() {
        let mut t = FixedTable::new();
        for (i, k) in keys().into_iter().enumerate() {
            assert_eq!(t.find(k), None);
            assert_eq!(t.add(k), i as u32);
        }
        for (i, k) in keys().into_iter().enumerate() {
            assert_eq!(t.find(k), Some(i as u32), "{k:?}");
        }
        assert_eq!(t.len(), FIXED_MAX);
        assert_eq!(t.find((0x1000, 9999)), None, "same address, another length");
    }

    #[test]
    fn truncating_forgets_the_last_entries_and_keeps_the_earlier_ones_findable() {
        let mut t = FixedTable::new();
        for k in keys() {
            t.add(k);
        }
        t.truncate(100);
        assert_eq!(t.len(), 100);
        for (i, k) in keys().into_iter().enumerate() {
            assert_eq!(t.find(k), (i < 100).then_some(i as u32), "{i}");
        }
        // Entered again, they get the numbers after the kept ones.
        assert_eq!(t.add(keys()[200]), 100);
        assert_eq!(t.find(keys()[200]), Some(100));
    }
}
