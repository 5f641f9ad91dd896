//! Byte searches eight bytes at a time (SWAR: one `u64` holds eight bytes), for the scans that
//! read most of a script: the scanner's strings, `cat!`'s templates, D109's line numbers.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = ONES * 0x80;

/// The bytes of `chunk` (at most eight) as a little-endian word, zero-padded: one load for a
/// whole word (the scans below read eight bytes at a time); the hashes read a key's last, shorter
/// chunk with it too, where copying it into a buffer called `memcpy` for every key (in
/// WebAssembly, `memory.copy`).
pub fn padded_word(chunk: &[u8]) -> u64 {
    debug_assert!(chunk.len() <= 8);
    match <[u8; 8]>::try_from(chunk) {
        Ok(w) => u64::from_le_bytes(w),
        Err(_) => chunk.iter().rev().fold(0, |w, &b| w << 8 | u64::from(b)),
    }
}

/// The first index at or after `from` of a byte `x`, `y` or `z` (bytes equal to none of them
/// cost about one instruction each).
pub fn find3(b: &[u8], from: usize, x: u8, y: u8, z: u8) -> Option<usize> {
    // The high bit of each byte of `w` equal to `c`, and maybe of bytes after one that is (the
    // borrow runs upwards): only the lowest set bit is exact, which is the one used.
    let eq = |w: u64, c: u8| {
        let v = w ^ (ONES * u64::from(c));
        v.wrapping_sub(ONES) & !v & HIGHS
    };
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let w = padded_word(chunk);
        let hits = eq(w, x) | eq(w, y) | eq(w, z);
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?.iter().position(|&c| c == x || c == y || c == z).map(|p| i + p)
}

/// The number of bytes `c` in `bytes`.
pub fn count(bytes: &[u8], c: u8) -> usize {
    let mut n = 0;
    // A one in a byte of `sums` for each `c`, added up a block of 255 words at a time (no byte of
    // the sums can overflow) and only then summed across: not one multiplication a word.
    for block in bytes.chunks(8 * 255) {
        let mut words = block.chunks_exact(8);
        let mut sums = 0;
        for chunk in &mut words {
            let x = padded_word(chunk) ^ (ONES * u64::from(c));
            // The high bit of each byte of `x` that is zero (a `c`), exactly: `(b & 0x7f) + 0x7f`
            // reaches 0x80 when the low seven bits are not all zero, without carrying into the next
            // byte, and or-ing `b` adds its own high bit.
            let zero = !(((x & (ONES * 0x7f)) + ONES * 0x7f) | x) & HIGHS;
            sums += zero >> 7;
        }
        // The eight sums (at most 255 each) added in pairs into four 16-bit lanes, which the
        // multiplication adds up in the top lane (at most 2,040: nothing carries out of it).
        const LOW_BYTES: u64 = 0x00ff_00ff_00ff_00ff;
        let pairs = (sums & LOW_BYTES) + (sums >> 8 & LOW_BYTES);
        n += (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize;
        n += words.remainder().iter().filter(|&&b| b == c).count();
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_word_is_the_chunk_zero_padded() {
        let b = b"\x01\x82\x03\xf4\x05\x06\x07\xff";
        for n in 0..=8 {
            let mut word = [0; 8];
            word[..n].copy_from_slice(&b[..n]);
            assert_eq!(padded_word(&b[..n]), u64::from_le_bytes(word), "{n} bytes");
        }
    }

    #[test]
    fn find3_finds_the_first_of_three_bytes() {
        let b = b"0123456789abcdef0123456789";
        for (i, &c) in b.iter().enumerate().take(16) {
            assert_eq!(find3(b, 0, c, b'#', b'#'), Some(i), "{}", c as char);
            assert_eq!(find3(b, i + 1, c, b'#', b'#'), (i < 10).then_some(i + 16), "{}", c as char);
        }
        assert_eq!(find3(b, 0, b'x', b'y', b'f'), Some(15));
        assert_eq!(find3(b, 0, b'x', b'y', b'z'), None);
        assert_eq!(find3(b, 26, b'0', b'1', b'2'), None);
        assert_eq!(find3(b, 40, b'0', b'1', b'2'), None);
        // A byte just above a match (the borrow of the eight-byte test) is not reported first.
        assert_eq!(find3(b"\x00\x01zzzzzz", 0, 0, 0, 0), Some(0));
        assert_eq!(find3(b"a\x01\x00zzzzz", 0, 1, 1, 1), Some(1));
    }

    #[test]
    fn find3_agrees_with_a_byte_loop() {
        // NULs among their near misses (0x01 after a NUL borrows, 0x80 has the high bit).
        let bytes: Vec<u8> = (0..60).map(|i| [b'a', 0, 1, 0x80, 0xff, 0x81, 0x7f][i * 3 % 7]).collect();
        for start in 0..20 {
            for end in start..bytes.len() {
                let s = &bytes[start..end];
                assert_eq!(find3(s, 0, 0, 0, 0), s.iter().position(|&b| b == 0), "{start}..{end}");
            }
        }
    }

    #[test]
    fn count_agrees_with_a_filter() {
        // `\n` among its near misses (one bit off, the high bit set) and other bytes.
        let bytes: Vec<u8> = (0..100).map(|i| [b'\n', 0x8a, 0x0b, 0x08, 0xff, 0, b'x'][i * 5 % 7]).collect();
        for start in 0..20 {
            for end in start..bytes.len() {
                let want = bytes[start..end].iter().filter(|&&b| b == b'\n').count();
                assert_eq!(count(&bytes[start..end], b'\n'), want, "{start}..{end}");
            }
        }
        assert_eq!(count(&[b'\n'; 64], b'\n'), 64);
        // Across the blocks of 255 words, with every byte of the sums full.
        assert_eq!(count(&[b'\n'; 5003], b'\n'), 5003);
        let long: Vec<u8> = (0..7000).map(|i| if i % 3 == 0 { b'\n' } else { b'a' }).collect();
        assert_eq!(count(&long, b'\n'), 2334);
        assert_eq!(count(&long[1..6999], b'\n'), 2332);
        assert_eq!(count(&[0; 64], 0), 64);
    }
}
