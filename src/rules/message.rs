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
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if negative {
        out.push('-');
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
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

/// See [`cat!`]: the texts of a message with the pieces between them (`texts` has one more
/// entry than `pieces`; the texts are constants, so that a call site passes only them and its
/// pieces).
pub fn cat(texts: &[&str], pieces: &[&dyn Piece]) -> String {
    let len = texts.iter().map(|t| t.len()).sum::<usize>() + pieces.iter().map(|p| p.len_hint()).sum::<usize>();
    let mut out = String::with_capacity(len);
    let (first, rest) = texts.split_first().unwrap_or((&"", &[]));
    out.push_str(first);
    for (piece, text) in pieces.iter().zip(rest) {
        piece.push_to(&mut out);
        out.push_str(text);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn integers_and_pieces() {
        let (zero, minus, min, e, max) = (0usize, -12i32, i64::MIN, 'é', u16::MAX);
        assert_eq!(cat!("a", zero, "b", minus, "c", min, e, max), "a0b-12c-9223372036854775808é65535");
        assert_eq!(cat!(usize::MAX), usize::MAX.to_string());
        assert_eq!(cat!("x ", "y"), "x y");
        assert_eq!(cat!(String::from("s"), "t"), "st");
    }
}
