//! The command's allocator: mimalloc (as Ruff's command uses one too). A parse makes a few small
//! allocations per statement and frees them a chunk at a time, where glibc's `malloc` and `free`
//! cost ≈ 170 instructions each (docs/performance.md). The library leaves the choice to its
//! user: the `doris-lint` binary and the benchmark install this one, the WebAssembly uses talc.
//!
//! mimalloc is asked directly for ordinary alignments: its `_aligned` entry points (which the
//! `mimalloc` crate always uses) take a slower path for every request.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// mimalloc as a [`GlobalAlloc`]: `#[global_allocator] static A: Mimalloc = Mimalloc;`.
pub struct Mimalloc;

/// Every block mimalloc returns is aligned to this much, and to its size below it
/// (`MI_MAX_ALIGN_SIZE`).
const GUARANTEED_ALIGN: usize = 16;

fn plain(align: usize, size: usize) -> bool {
    align <= GUARANTEED_ALIGN && align <= size
}

unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if plain(layout.align(), layout.size()) {
            mi::mi_malloc(layout.size()) as *mut u8
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if plain(layout.align(), layout.size()) {
            mi::mi_zalloc(layout.size()) as *mut u8
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr as *mut c_void)
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if plain(layout.align(), new_size) {
            mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}
