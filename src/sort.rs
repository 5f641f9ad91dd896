//! Stable sorting with one copy of the sorting code.
//!
//! `slice::sort_by` is a large generic (driftsort: a few KB of code per element type and
//! comparator), and the library sorts edits, spans, comments and diagnostics in half a dozen
//! places: in the WebAssembly package those copies cost about 30 KB. [`sort_by`] sorts there with
//! one non-generic merge sort of indices and a small generic permutation; natively it is
//! `slice::sort_by`. Both are stable, so both give exactly the same order.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp` (like `slice::sort_by`).
#[inline]
pub fn sort_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(cmp);
    #[cfg(target_arch = "wasm32")]
    compact_sort_by(v, cmp);
}

/// Sorts `v` stably by the key `key` (like `slice::sort_by_key`).
#[inline]
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably by `key` (like `slice::sort_by_key`), for large elements: natively it
/// sorts (key, index) pairs and then moves each element once, instead of moving the elements
/// while sorting (with scratch space for half of them).
pub fn sort_large_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut keys: Vec<(K, usize)> = v.iter().map(&key).zip(0..).collect();
        // The index makes every key unique: the order is the stable sort's.
        keys.sort_unstable();
        permute(v, keys.into_iter().map(|(_, i)| i).collect());
    }
    #[cfg(target_arch = "wasm32")]
    compact_sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// [`sort_large_by_key`] for a key below `1 << 96`: natively each key and its index are one
/// `u128`, the cheapest to compare (a report's diagnostics by start, end and code: a few times
/// faster to sort than as a tuple).
pub fn sort_large_by_packed_key<T>(v: &mut [T], key: impl Fn(&T) -> u128) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        if v.len() > u32::MAX as usize {
            return sort_large_by_key(v, key);
        }
        let mut keys: Vec<u128> = v
            .iter()
            .zip(0u128..)
            .map(|(x, i)| {
                let k = key(x);
                debug_assert!(k >> 96 == 0, "a packed key takes 96 bits at most");
                k << 32 | i
            })
            .collect();
        // The index makes every key unique: the order is the stable sort's.
        keys.sort_unstable();
        permute(v, keys.into_iter().map(|k| k as u32 as usize).collect());
    }
    #[cfg(target_arch = "wasm32")]
    {
        // Each key computed once (not at every comparison), through the one merge sort.
        let keys: Vec<u128> = v.iter().map(key).collect();
        if keys.len() >= 2 {
            permute(v, sorted_order(keys.len(), &mut |a, b| keys[a].cmp(&keys[b])));
        }
    }
}

/// The WebAssembly build's stable sort: the sorted order of the indices (one merge sort for
/// every element type), then the elements moved into it.
pub fn compact_sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// The indices `0..n` in stable sorted order: a bottom-up merge sort that takes from the right
/// run only when its element is strictly smaller.
fn sorted_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                if cmp(a[j], a[i]) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + mid - i].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..hi].copy_from_slice(&a[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Reorders `v` so that position `k` holds the element that was at `order[k]` (`order` is a
/// permutation), following each cycle once.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn compact_sort_is_the_std_stable_sort(keys in proptest::collection::vec(0u8..6, 0..200)) {
            // Few distinct keys: many ties, so stability shows.
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut ours = items.clone();
            compact_sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items;
            std.sort_by(|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn packed_sort_is_the_std_stable_sort(keys in proptest::collection::vec(0u8..6, 0..200)) {
            // Few distinct keys, up to the largest that fits.
            let key = |k: u8| ((1u128 << 96) - 1) / 5 * u128::from(k);
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut ours = items.clone();
            sort_large_by_packed_key(&mut ours, |a| key(a.0));
            let mut std = items;
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn large_sort_is_the_std_stable_sort(keys in proptest::collection::vec(0u8..6, 0..200)) {
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut ours = items.clone();
            sort_large_by_key(&mut ours, |a| a.0);
            let mut std = items;
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn sorts_sorted_reversed_and_tiny_inputs() {
        for n in [0usize, 1, 2, 3, 7, 64, 1000] {
            let mut up: Vec<usize> = (0..n).collect();
            compact_sort_by(&mut up, |a, b| a.cmp(b));
            assert_eq!(up, (0..n).collect::<Vec<_>>());
            let mut down: Vec<usize> = (0..n).rev().collect();
            compact_sort_by(&mut down, |a, b| a.cmp(b));
            assert_eq!(down, (0..n).collect::<Vec<_>>());
        }
        let mut strings = vec!["b".to_string(), "a".to_string(), "c".to_string()];
        sort_by_key(&mut strings, |s| s.clone());
        assert_eq!(strings, ["a", "b", "c"]);
    }
}
