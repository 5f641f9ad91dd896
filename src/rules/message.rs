//! The pieces of a [`cat!`] message: a message from its parts (`&str`, `String`, `Cow<str>`,
//! `char`, integers) into one `String` sized up front, without `format!`'s machinery (on
//! scripts with many findings the messages are most of the rules' work).

/// A piece of a [`cat!`] message.
pub trait Piece {
    fn push_to(&self, out: &mut String);
    /// The length in bytes, or an upper bound (characters, integers).
    fn len_hint(&self) -> usize;
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out)
    }
    fn len_hint(&self) -> usize {
        (**self).len_hint()
    }
}

macro_rules! text_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                out.push_str(self)
            }
            fn len_hint(&self) -> usize {
                self.len()
            }
        }
    )*};
}
text_pieces!(str, String, std::borrow::Cow<'_, str>);

impl Piece for char {
    fn push_to(&self, out: &mut String) {
        out.push(*self)
    }
    fn len_hint(&self) -> usize {
        4
    }
}

/// Integers written by hand (`core::fmt` costs more than the rest of a message): the digits of
/// `n`, after a `-` when `negative`.
fn push_integer(out: &mut String, negative: bool, mut n: u64) {
    // The digits' values, last first.
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if negative {
        out.push('-');
    }
    for &d in &digits[at..] {
        // `& 15` (no change to a digit) shows the compiler an ASCII character: `push` then
        // writes one byte, without its test for characters of several.
        out.push(char::from(b'0' + (d & 15)));
    }
}

macro_rules! integer_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            #[allow(unused_comparisons)]
            fn push_to(&self, out: &mut String) {
                push_integer(out, *self < 0, (*self as i128).unsigned_abs() as u64)
            }
            fn len_hint(&self) -> usize {
                // At most 20 digits, or 19 and a sign.
                20
            }
        }
    )*};
}
integer_pieces!(u16, usize, i32, i64);

/// See [`cat!`]: `template` with each NUL replaced by the next of `args` (a template is one
/// constant, so that a call site passes only it and its arguments). The text after the last
/// argument is copied without being read.
pub fn cat(template: &str, args: &[&dyn Piece]) -> String {
    let mut out = String::with_capacity(template.len() + args.iter().map(|a| a.len_hint()).sum::<usize>());
    let mut rest = template;
    for arg in args {
        let nul = nul_at(rest.as_bytes());
        out.push_str(&rest[..nul]);
        arg.push_to(&mut out);
        rest = rest.get(nul + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Where the first NUL of `bytes` is (its length when there is none): the texts between the
/// pieces are short, and `str::split_once`'s `memchr` cost more to set up than to run (so did a
/// plain byte loop, on every byte of every template).
fn nul_at(bytes: &[u8]) -> usize {
    crate::bytes::find3(bytes, 0, 0, 0, 0).unwrap_or(bytes.len())
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_the_first_nul() {
        assert_eq!(super::nul_at(b"0123456789abcdef\0"), 16);
        assert_eq!(super::nul_at(b"ab\0c\0"), 2);
        assert_eq!(super::nul_at(b"abc"), 3);
    }

    #[test]
    fn integers_and_pieces() {
        let (zero, minus, min, e, max) = (0usize, -12i32, i64::MIN, 'é', u16::MAX);
        assert_eq!(cat!("a", zero, "b", minus, "c", min, e, max), "a0b-12c-9223372036854775808é65535");
        assert_eq!(cat!(usize::MAX), usize::MAX.to_string());
        assert_eq!(cat!("x ", "y"), "x y");
        assert_eq!(cat!(String::from("s"), "t"), "st");
    }
}
