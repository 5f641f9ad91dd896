//! The command's allocator: mimalloc (as Ruff's command uses one too). A parse makes a few small
//! allocations per statement and frees them a chunk at a time, where glibc's `malloc` and `free`
//! cost ≈ 170 instructions each (docs/performance.md). The library leaves the choice to its
//! user: the `doris-lint` binary and the benchmark install this one, the WebAssembly uses talc.
//!
//! mimalloc is asked directly for ordinary alignments: its `_aligned` entry points (which the
//! `mimalloc` crate always uses) take a slower path for every request.
//!
//! Blocks of [`LARGE`] bytes and more (the output text, the report's vector of diagnostics, a
//! chunk's lists on a large script) go to the system's allocator instead, where mimalloc copied
//! a growing block into new memory each time (on the 10 MB script, fix spent a third of its
//! time having the kernel zero such pages). Which allocator owns a block follows from its size,
//! which Rust passes back on every `dealloc` and `realloc`.
//!
//! With glibc, the first large block also tells `malloc` to keep the memory of freed large
//! blocks (see [`keep_freed_large_blocks`]): the second lint of a fix, and a process that lints
//! again (a check of many files, an editor's server, the benchmark's repeated runs), then reuse
//! pages already touched instead of having the kernel map and zero them again. Blocks over
//! 32 MB are still mapped on their own and grown with `mremap`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// mimalloc as a [`GlobalAlloc`]: `#[global_allocator] static A: Mimalloc = Mimalloc;`.
pub struct Mimalloc;

/// Every block mimalloc returns is aligned to this much, and to its size below it
/// (`MI_MAX_ALIGN_SIZE`).
const GUARANTEED_ALIGN: usize = 16;

/// From this size on, blocks come from [`System`].
const LARGE: usize = 1 << 20;

/// Asks glibc, once, to keep freed large blocks for reuse: blocks up to 32 MB (its maximum)
/// come from its heap, and its heap is given back to the system only past 1 GB free at the top.
/// By default glibc maps a block above a threshold on its own and unmaps it when freed, and
/// trims its heap past twice that threshold, which it moves as blocks are freed: on the 10 MB
/// script the blocks of a fix (the text, the report, D109's table) were mapped afresh on every
/// run, ≈ 6,000 page faults a run (≈ 7% of its time), where the 1 MB script's stayed in the heap.
/// A process that keeps large blocks holds on to its peak, which it has reached anyway.
fn keep_freed_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        use std::sync::atomic::{AtomicBool, Ordering};
        static ASKED: AtomicBool = AtomicBool::new(false);
        if !ASKED.swap(true, Ordering::Relaxed) {
            extern "C" {
                fn mallopt(param: i32, value: i32) -> i32;
            }
            // <malloc.h>'s M_TRIM_THRESHOLD and M_MMAP_THRESHOLD.
            const M_TRIM_THRESHOLD: i32 = -1;
            const M_MMAP_THRESHOLD: i32 = -3;
            // SAFETY: mallopt only sets malloc's parameters (under its lock); a failure leaves
            // the defaults, which are correct too.
            unsafe {
                mallopt(M_MMAP_THRESHOLD, 32 << 20);
                mallopt(M_TRIM_THRESHOLD, 1 << 30);
            }
        }
    }
}

fn plain(align: usize, size: usize) -> bool {
    align <= GUARANTEED_ALIGN && align <= size
}

unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.size() >= LARGE {
            keep_freed_large_blocks();
            System.alloc(layout)
        } else if plain(layout.align(), layout.size()) {
            mi::mi_malloc(layout.size()) as *mut u8
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.size() >= LARGE {
            keep_freed_large_blocks();
            System.alloc_zeroed(layout)
        } else if plain(layout.align(), layout.size()) {
            mi::mi_zalloc(layout.size()) as *mut u8
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if layout.size() >= LARGE {
            System.dealloc(ptr, layout)
        } else {
            mi::mi_free(ptr as *mut c_void)
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let (was_large, is_large) = (layout.size() >= LARGE, new_size >= LARGE);
        if was_large && is_large {
            return System.realloc(ptr, layout, new_size);
        }
        if was_large != is_large {
            // Across the line: from one allocator to the other.
            let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
            let new_ptr = self.alloc(new_layout);
            if !new_ptr.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new_ptr, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            return new_ptr;
        }
        if plain(layout.align(), new_size) {
            mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every size class and alignment, grown and shrunk across the line between the
    /// two allocators: aligned, and their contents kept.
    #[test]
    fn blocks_are_aligned_and_keep_their_contents_across_sizes() {
        let sizes = [1, 3, 8, 24, 40, 100, 4096, LARGE - 1, LARGE, LARGE + 1, 3 * LARGE];
        let pattern: Vec<u8> = (0..3 * LARGE + 1).map(|i| (i % 251) as u8).collect();
        let zeros = vec![0u8; 3 * LARGE + 1];
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for &from in &sizes {
                for &to in &sizes {
                    let layout = Layout::from_size_align(from, align).unwrap();
                    let kept = from.min(to);
                    unsafe {
                        let p = Mimalloc.alloc(layout);
                        assert!(!p.is_null() && p as usize % align == 0, "alloc {from} align {align}");
                        std::slice::from_raw_parts_mut(p, from).copy_from_slice(&pattern[..from]);
                        let q = Mimalloc.realloc(p, layout, to);
                        assert!(!q.is_null() && q as usize % align == 0, "realloc {from} -> {to} align {align}");
                        assert!(std::slice::from_raw_parts(q, kept) == &pattern[..kept], "realloc {from} -> {to} align {align}");
                        Mimalloc.dealloc(q, Layout::from_size_align(to, align).unwrap());
                        let z = Mimalloc.alloc_zeroed(layout);
                        assert!(!z.is_null() && z as usize % align == 0, "alloc_zeroed {from} align {align}");
                        assert!(std::slice::from_raw_parts(z, from) == &zeros[..from], "alloc_zeroed {from} align {align}");
                        Mimalloc.dealloc(z, layout);
                    }
                }
            }
        }
    }
}
