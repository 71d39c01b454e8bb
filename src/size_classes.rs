//! The browser build's allocator: blocks of power-of-two sizes (16 bytes and
//! up), one free list per size, new blocks cut from fresh wasm pages.
//!
//! Why not a general-purpose allocator: every call into the module (a card,
//! a validation) allocates a few hundred short-lived blocks and frees them
//! all before it returns, so the same sizes come back call after call. A
//! free list per size hands them out again in a few instructions, with no
//! searching or coalescing, and the whole allocator is a few hundred bytes of
//! wasm instead of a few kilobytes. The cost is up to half of each block
//! unused and memory that stays at its peak per size, which wasm memory
//! does anyway (it never shrinks).

use core::alloc::Layout;
use core::ptr::{self, null_mut};

/// Every block is aligned to this (blocks are multiples of it, cut from
/// page-aligned memory); a larger alignment is refused.
const ALIGN: usize = 16;
const PAGE: usize = 1 << 16;
/// Pages asked of the host at a time, at least. One: memory never shrinks,
/// so a page that renders one small card should not keep more than that
/// needs (growth is rare either way: the same blocks serve every card).
const MIN_GROWTH: usize = 1;

/// The allocator's state. `grow(pages)` (memory.grow in the browser) gives
/// the address of `pages` new pages, or `None`.
pub(crate) struct Heap {
    /// Free blocks of size 2^c, a list linked through their first word.
    free: [*mut u8; 32],
    /// The part of the last pages not yet cut into blocks.
    next: usize,
    end: usize,
}

/// The size class of `layout`: c such that its block is 2^c bytes.
fn class(layout: &Layout) -> Option<usize> {
    if layout.align() > ALIGN {
        return None;
    }
    let size = layout.size().max(ALIGN);
    let c = (usize::BITS - (size - 1).leading_zeros()) as usize;
    (c < 31).then_some(c)
}

impl Heap {
    pub(crate) const fn new() -> Heap {
        Heap { free: [null_mut(); 32], next: 0, end: 0 }
    }

    /// Gives the heap the unused memory `region()` (start, end) to cut
    /// blocks from first (the rest of the module's initial memory), if it
    /// has none yet.
    pub(crate) fn seed(&mut self, region: impl FnOnce() -> (usize, usize)) {
        if self.end != 0 {
            return;
        }
        let (start, end) = region();
        if start < end {
            self.next = start.next_multiple_of(ALIGN);
            self.end = end.max(self.next);
        }
    }

    /// # Safety
    /// As `GlobalAlloc::alloc`; memory from `grow` must be this heap's alone.
    pub(crate) unsafe fn alloc(&mut self, layout: Layout, grow: impl FnOnce(usize) -> Option<usize>) -> *mut u8 {
        let Some(c) = class(&layout) else { return null_mut() };
        let Some(slot) = self.free.get_mut(c) else { return null_mut() };
        let head = *slot;
        if !head.is_null() {
            *slot = head.cast::<*mut u8>().read();
            return head;
        }
        let size = 1usize << c;
        if self.end - self.next < size {
            let pages = size.div_ceil(PAGE).max(MIN_GROWTH);
            let Some(start) = grow(pages) else { return null_mut() };
            if start != self.end {
                self.next = start; // not after the last pages: their rest is left unused
            }
            self.end = start + pages * PAGE;
        }
        let block = self.next;
        self.next += size;
        block as *mut u8
    }

    /// # Safety
    /// As `GlobalAlloc::dealloc`.
    pub(crate) unsafe fn dealloc(&mut self, block: *mut u8, layout: Layout) {
        if let Some(slot) = class(&layout).and_then(|c| self.free.get_mut(c)) {
            block.cast::<*mut u8>().write(*slot);
            *slot = block;
        }
    }

    /// In place while the new size is in the same class (a growing `Vec`
    /// moves only when it doubles past its block).
    ///
    /// # Safety
    /// As `GlobalAlloc::realloc`.
    pub(crate) unsafe fn realloc(&mut self, block: *mut u8, layout: Layout, new_size: usize, grow: impl FnOnce(usize) -> Option<usize>) -> *mut u8 {
        let new = Layout::from_size_align_unchecked(new_size, layout.align());
        if class(&layout) == class(&new) {
            return block;
        }
        let moved = self.alloc(new, grow);
        if !moved.is_null() {
            ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
            self.dealloc(block, layout);
        }
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages from a Vec, as memory.grow would give them.
    struct Memory {
        bytes: Vec<u8>,
        used: usize,
    }

    impl Memory {
        fn new() -> Memory {
            Memory { bytes: vec![0; 64 * PAGE + PAGE], used: 0 }
        }
        fn grow(&mut self) -> impl FnOnce(usize) -> Option<usize> + '_ {
            move |pages| {
                let base = (self.bytes.as_ptr() as usize).next_multiple_of(PAGE);
                let start = base + self.used * PAGE;
                (self.used + pages <= 64).then(|| {
                    self.used += pages;
                    start
                })
            }
        }
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn blocks_are_aligned_apart_and_reused_by_size() {
        let (mut mem, mut heap) = (Memory::new(), Heap::new());
        unsafe {
            let sizes = [1, 15, 16, 17, 100, 4096, 5000, 70_000, 8, 3];
            let blocks: Vec<(usize, *mut u8)> = sizes.iter().map(|&s| (s, heap.alloc(layout(s, 8), mem.grow()))).collect();
            for (i, &(s, b)) in blocks.iter().enumerate() {
                assert!(!b.is_null() && b as usize % ALIGN == 0, "{s}: {b:?}");
                ptr::write_bytes(b, i as u8, s);
            }
            for (i, &(s, b)) in blocks.iter().enumerate() {
                assert!((0..s).all(|k| *b.add(k) == i as u8), "block {i} was overwritten");
            }
            // A freed block comes back for the next request of its size class.
            let (s, b) = blocks[4];
            heap.dealloc(b, layout(s, 8));
            assert_eq!(heap.alloc(layout(120, 4), mem.grow()), b, "100 and 120 bytes share the 128-byte class");
            assert_ne!(heap.alloc(layout(120, 4), mem.grow()), b);
        }
    }

    #[test]
    fn realloc_keeps_the_block_within_its_class_and_the_bytes_when_it_moves() {
        let (mut mem, mut heap) = (Memory::new(), Heap::new());
        unsafe {
            let b = heap.alloc(layout(20, 1), mem.grow());
            ptr::copy_nonoverlapping(b"twenty bytes exactly".as_ptr(), b, 20);
            assert_eq!(heap.realloc(b, layout(20, 1), 32, mem.grow()), b);
            let moved = heap.realloc(b, layout(32, 1), 33, mem.grow());
            assert_ne!(moved, b);
            assert_eq!(core::slice::from_raw_parts(moved, 20), b"twenty bytes exactly");
            assert_eq!(heap.alloc(layout(32, 1), mem.grow()), b, "the old block is free again");
        }
    }

    #[test]
    fn a_seeded_region_is_used_before_memory_grows() {
        let (mut mem, mut heap) = (Memory::new(), Heap::new());
        let base = (mem.bytes.as_ptr() as usize).next_multiple_of(PAGE) + 60 * PAGE;
        heap.seed(|| (base + 3, base + 1000));
        unsafe {
            let a = heap.alloc(layout(100, 8), mem.grow());
            assert_eq!(a as usize, base + 16, "aligned, from the seed");
            let b = heap.alloc(layout(1000, 8), mem.grow());
            assert!(b as usize % ALIGN == 0 && (b as usize) < base, "too big for the rest of the seed: fresh pages");
        }
        assert_eq!(mem.used, 1);
    }

    #[test]
    fn refuses_what_it_cannot_give_without_corrupting_anything() {
        let (mut mem, mut heap) = (Memory::new(), Heap::new());
        unsafe {
            assert!(heap.alloc(layout(64, 32), mem.grow()).is_null(), "alignment over 16");
            assert!(heap.alloc(layout(100 * PAGE, 8), mem.grow()).is_null(), "more than memory can grow");
            let b = heap.alloc(layout(64, 8), mem.grow());
            assert!(!b.is_null(), "still usable");
            heap.dealloc(b, layout(64, 8));
            assert_eq!(heap.alloc(layout(64, 8), mem.grow()), b);
        }
    }
}
