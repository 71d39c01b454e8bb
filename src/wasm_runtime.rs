//! The runtime of the `no_std` browser build: the allocator (`size_classes`)
//! and a panic handler that aborts without formatting anything. Validation
//! is written so that no input reaches a panic (clippy denies `unwrap`,
//! `expect` and indexing in library code); this handler exists for the
//! impossible case and keeps `core::fmt` out of the module.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;

use crate::size_classes::Heap;

struct Allocator(UnsafeCell<Heap>);

// SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
unsafe impl Sync for Allocator {}

/// `memory.grow`: the address of the new pages.
fn grow(pages: usize) -> Option<usize> {
    let old = core::arch::wasm32::memory_grow(0, pages);
    (old != usize::MAX).then_some(old << 16)
}

extern "C" {
    /// Where the linker put the end of the stack and data: the rest of the
    /// initial memory is free.
    static __heap_base: u8;
}

unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let heap = &mut *self.0.get();
        heap.seed(|| (core::ptr::addr_of!(__heap_base) as usize, core::arch::wasm32::memory_size(0) << 16));
        heap.alloc(layout, grow)
    }
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        (*self.0.get()).dealloc(block, layout)
    }
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        (*self.0.get()).realloc(block, layout, new_size, grow)
    }
}

#[global_allocator]
static ALLOC: Allocator = Allocator(UnsafeCell::new(Heap::new()));

/// Formats nothing, so the texts only a panic message is made of (the
/// standard library's source paths, its allocation-failure messages) are
/// never read: scripts/wasm-dead-data.mjs zeroes them in the package.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
