//! The pieces of a [`cat!`] message: a message from its parts (`&str`, `String`, `Cow<str>`,
//! `char`, integers) into one `String` of exactly its length, without `format!`'s machinery (on
//! scripts with many findings the messages are most of the rules' work).

/// A piece of a [`cat!`] message.
pub trait Piece {
    fn push_to(&self, out: &mut String);
    /// The length in bytes (integers give an upper bound).
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

impl Piece for str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self)
    }
    fn len_hint(&self) -> usize {
        self.len()
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self)
    }
    fn len_hint(&self) -> usize {
        self.len()
    }
}

impl Piece for std::borrow::Cow<'_, str> {
    fn push_to(&self, out: &mut String) {
        out.push_str(self)
    }
    fn len_hint(&self) -> usize {
        self.len()
    }
}

impl Piece for char {
    fn push_to(&self, out: &mut String) {
        out.push(*self)
    }
    fn len_hint(&self) -> usize {
        self.len_utf8()
    }
}

/// Decimal digits of `n`, as many as it needs.
fn push_u64(out: &mut String, mut n: u64) {
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
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

/// The most bytes an integer piece takes (`u64::MAX` has 20 digits, `i64::MIN` 19 and a sign).
const INTEGER_LEN: usize = 20;

impl Piece for i64 {
    fn push_to(&self, out: &mut String) {
        if *self < 0 {
            out.push('-');
        }
        push_u64(out, self.unsigned_abs())
    }
    fn len_hint(&self) -> usize {
        INTEGER_LEN
    }
}

macro_rules! integer_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                i64::from(*self).push_to(out)
            }
            fn len_hint(&self) -> usize {
                INTEGER_LEN
            }
        }
    )*};
}
integer_pieces!(u16, i32);

impl Piece for usize {
    fn push_to(&self, out: &mut String) {
        push_u64(out, *self as u64)
    }
    fn len_hint(&self) -> usize {
        INTEGER_LEN
    }
}

/// See [`cat!`]: `strs[0]`, `args[0]`, `strs[1]`, `args[1]`... (as `format!` lays out its
/// arguments, so that a call site stores only its arguments; its texts are one constant array).
pub fn cat(strs: &[&str], args: &[&dyn Piece]) -> String {
    let len = strs.iter().map(|s| s.len()).sum::<usize>() + args.iter().map(|a| a.len_hint()).sum::<usize>();
    let mut out = String::with_capacity(len);
    for (i, s) in strs.iter().enumerate() {
        out.push_str(s);
        if let Some(a) = args.get(i) {
            a.push_to(&mut out);
        }
    }
    out
}
