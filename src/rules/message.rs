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

/// Integers through core's formatting (already in the binary), as `u64` or `i64`.
fn push_integer(out: &mut String, n: &dyn std::fmt::Display) {
    let _ = std::fmt::Write::write_fmt(out, format_args!("{n}"));
}

macro_rules! integer_pieces {
    ($($t:ty as $wide:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                push_integer(out, &(*self as $wide))
            }
            fn len_hint(&self) -> usize {
                // At most 20 digits, or 19 and a sign.
                20
            }
        }
    )*};
}
integer_pieces!(u16 as u64, usize as u64, i32 as i64, i64 as i64);

/// See [`cat!`]: `template` with each NUL replaced by the next of `args` (a template is one
/// constant, so that a call site passes only it and its arguments). The text after the last
/// argument is copied without being read.
pub fn cat(template: &str, args: &[&dyn Piece]) -> String {
    let mut out = String::with_capacity(template.len() + args.iter().map(|a| a.len_hint()).sum::<usize>());
    let mut rest = template;
    for arg in args {
        let (text, after) = rest.split_once('\0').unwrap_or((rest, ""));
        out.push_str(text);
        arg.push_to(&mut out);
        rest = after;
    }
    out.push_str(rest);
    out
}
