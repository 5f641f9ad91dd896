//! A width-aware printer for [`super::ir::Doc`] (Wadler / Prettier style).
//!
//! Groups are printed flat when their content, plus whatever follows up to the next possible
//! line break, fits in the remaining width. The "fits" measurement walks the flat element list
//! forwards and stops as soon as the width is exhausted or a newline is reached, so every
//! measurement costs at most about `width` steps and printing is linear in the size of the
//! document. Printing appends to a caller's string and allocates nothing else (except to hold
//! back trailing comments).

use super::ir::{Case, Doc, Elem, LineKind, Text};

/// How to print.
#[derive(Debug, Clone)]
pub struct PrintOptions {
    /// The line width the printer tries to stay within.
    pub width: usize,
    /// One level of indentation (`"    "` or `"\t"`).
    pub indent_unit: String,
    /// The width one level of indentation counts for.
    pub indent_width: usize,
}

/// Prints `doc` into a new string.
pub fn print(doc: &Doc, options: &PrintOptions) -> String {
    let mut out = String::new();
    print_into(doc, options, &mut out);
    out
}

/// Where the text goes and the column it has reached.
struct Writer<'o> {
    out: &'o mut String,
    indent_unit: &'o str,
    /// The column (in characters, a level of indentation counting for its width).
    pos: usize,
    /// Indentation is written lazily, before the next text, so blank lines carry no spaces.
    pending_indent: Option<usize>,
}

impl Writer<'_> {
    fn text(&mut self, t: &Text) {
        if t.text.is_empty() {
            return;
        }
        if let Some(level) = self.pending_indent.take() {
            for _ in 0..level {
                self.out.push_str(self.indent_unit);
            }
        }
        let start = self.out.len();
        self.out.push_str(t.text);
        match t.case {
            Case::AsIs => {}
            Case::Upper => self.out[start..].make_ascii_uppercase(),
            Case::Lower => self.out[start..].make_ascii_lowercase(),
        }
        match t.multiline {
            false => self.pos += t.width,
            true => {
                let last_line = t.text.rfind('\n').map_or(t.text, |i| &t.text[i + 1..]);
                self.pos = last_line.chars().count();
            }
        }
    }
}

/// Prints `doc`, appending to `out`. The first line starts at column 0.
pub fn print_into(doc: &Doc, options: &PrintOptions, out: &mut String) {
    let elems = doc.elems();
    let mut w = Writer { out, indent_unit: &options.indent_unit, pos: 0, pending_indent: None };
    let mut suffixes: Vec<Text> = Vec::new();
    let mut indent: usize = 0;
    // Groups are entered in order, and every group inside a flat group is flat: the mode is
    // known from the depth of the open groups and the depth of the outermost flat one.
    let mut depth: usize = 0;
    let mut flat_from: Option<usize> = None;
    let mut i = 0;
    while let Some(&elem) = elems.get(i) {
        i += 1;
        match elem {
            Elem::BreakParent | Elem::EndIfBreak => {}
            Elem::Text(t) => w.text(&t),
            Elem::LineSuffix(t) => suffixes.push(t),
            Elem::StartIndent => indent += 1,
            Elem::EndIndent => indent = indent.saturating_sub(1),
            Elem::StartGroup { should_break } => {
                depth += 1;
                if flat_from.is_none() && !should_break {
                    let remaining = options.width as isize - w.pos as isize;
                    if fits(&elems[i..], remaining) {
                        flat_from = Some(depth);
                    }
                }
            }
            Elem::EndGroup => {
                if flat_from == Some(depth) {
                    flat_from = None;
                }
                depth = depth.saturating_sub(1);
            }
            Elem::StartIfBreak { broken } => {
                if broken == flat_from.is_some() {
                    i = skip_if_break(elems, i);
                }
            }
            Elem::Line(kind) => {
                if kind != LineKind::Hard && flat_from.is_some() {
                    if kind == LineKind::Soft {
                        w.text(&Text { text: " ", width: 1, multiline: false, case: Case::AsIs });
                    }
                    continue;
                }
                for s in suffixes.drain(..) {
                    w.text(&s);
                }
                w.out.push('\n');
                w.pending_indent = Some(indent);
                w.pos = indent * options.indent_width;
            }
        }
    }
    for s in suffixes.drain(..) {
        w.text(&s);
    }
}

/// The index just after the [`Elem::EndIfBreak`] that closes the conditional content starting
/// at `i`.
fn skip_if_break(elems: &[Elem], mut i: usize) -> usize {
    let mut nested = 0usize;
    while let Some(elem) = elems.get(i) {
        i += 1;
        match elem {
            Elem::StartIfBreak { .. } => nested += 1,
            Elem::EndIfBreak if nested == 0 => break,
            Elem::EndIfBreak => nested -= 1,
            _ => {}
        }
    }
    i
}

/// Whether the content of a group (`rest` starts just after its [`Elem::StartGroup`]) printed
/// flat, followed by the rest of the document, fits in `remaining` columns up to the first
/// newline. The printer only measures a group whose enclosing groups are all broken, so after
/// the group's end every line is a newline.
fn fits(rest: &[Elem], mut remaining: isize) -> bool {
    // Depth relative to the measured group: below 0 is after its end.
    let mut depth: isize = 0;
    // The depth of a broken group inside the measured one, if any (the builder never makes
    // one, since a broken group breaks the groups around it).
    let mut broken_from: Option<isize> = None;
    let mut i = 0;
    while let Some(elem) = rest.get(i) {
        i += 1;
        let broken = depth < 0 || broken_from.is_some();
        match *elem {
            Elem::Text(t) => {
                remaining -= t.width as isize;
                if t.multiline || remaining < 0 {
                    return remaining >= 0;
                }
            }
            Elem::Line(kind) => {
                if kind == LineKind::Hard || broken {
                    return true;
                }
                if kind == LineKind::Soft {
                    remaining -= 1;
                    if remaining < 0 {
                        return false;
                    }
                }
            }
            Elem::StartGroup { should_break } => {
                depth += 1;
                if should_break && broken_from.is_none() {
                    broken_from = Some(depth);
                }
            }
            Elem::EndGroup => {
                if broken_from == Some(depth) {
                    broken_from = None;
                }
                depth -= 1;
            }
            Elem::StartIfBreak { broken: when_broken } => {
                if when_broken != broken {
                    i += skip_if_break(&rest[i..], 0);
                }
            }
            Elem::StartIndent | Elem::EndIndent | Elem::EndIfBreak | Elem::LineSuffix(_) | Elem::BreakParent => {}
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::ir::*;
    use super::*;

    fn opts(width: usize) -> PrintOptions {
        PrintOptions { width, indent_unit: "  ".into(), indent_width: 2 }
    }

    fn list<'a>(d: &mut Doc<'a>, items: &'a [String]) {
        d.start_group().text("[").start_indent().softline();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                d.text(",").line();
            }
            d.text(item);
        }
        d.end_indent().softline().text("]").end_group();
    }

    fn items(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("item{i}")).collect()
    }

    fn print_list(n: usize, width: usize) -> String {
        let items = items(n);
        let mut d = Doc::new();
        list(&mut d, &items);
        print(&d, &opts(width))
    }

    #[test]
    fn flat_when_it_fits() {
        assert_eq!(print_list(3, 80), "[item0, item1, item2]");
    }

    #[test]
    fn broken_when_it_does_not() {
        assert_eq!(print_list(3, 10), "[\n  item0,\n  item1,\n  item2\n]");
    }

    #[test]
    fn exact_width_fits() {
        let s = "[item0, item1, item2]";
        assert_eq!(print_list(3, s.len()), s);
        assert!(print_list(3, s.len() - 1).contains('\n'));
    }

    #[test]
    fn text_after_the_group_counts() {
        let items = items(2);
        let mut d = Doc::new();
        list(&mut d, &items);
        d.text(";;;;;;;;;;");
        assert!(print(&d, &opts(16)).contains('\n'));
        assert!(!print(&d, &opts(24)).contains('\n'));
    }

    #[test]
    fn line_suffix_is_flushed_before_newline_and_not_measured() {
        let mut d = Doc::new();
        d.start_group().text("a").line().text("b").end_group();
        d.line_suffix(" -- a long trailing comment").hardline().text("c").line_suffix(" -- end");
        assert_eq!(print(&d, &opts(5)), "a b -- a long trailing comment\nc -- end");
    }

    #[test]
    fn hard_line_breaks_the_group_and_no_trailing_indent() {
        let mut d = Doc::new();
        d.start_group().text("x").start_indent().hardline().hardline().text("y").end_indent().end_group();
        assert_eq!(print(&d, &opts(80)), "x\n\n  y");
    }

    #[test]
    fn if_break_follows_the_group_mode() {
        let p = |w| {
            let mut d = Doc::new();
            d.start_group().text("a");
            d.start_if_break(true).text("!").end_if_break();
            d.start_if_break(false).text("?").end_if_break();
            d.line().text("b").end_group();
            print(&d, &opts(w))
        };
        assert_eq!(p(80), "a? b");
        assert_eq!(p(2), "a!\nb");
    }

    #[test]
    fn if_break_content_counts_only_in_its_mode() {
        // The flat branch is measured, the broken one is not.
        let p = |w| {
            let mut d = Doc::new();
            d.start_group().text("a");
            d.start_if_break(true).text("!!!!!!!!!!").end_if_break();
            d.start_if_break(false).text("?").end_if_break();
            d.line().text("b").end_group();
            print(&d, &opts(w))
        };
        assert_eq!(p(4), "a? b");
        assert_eq!(p(3), "a!!!!!!!!!!\nb");
    }

    #[test]
    fn nested_groups_break_from_the_outside_in() {
        let mut d = Doc::new();
        d.start_group().text("f(").start_indent().softline();
        d.start_group().text("a,").line().text("b").end_group();
        d.end_indent().softline().text(")").end_group();
        assert_eq!(print(&d, &opts(80)), "f(a, b)");
        assert_eq!(print(&d, &opts(6)), "f(\n  a, b\n)");
        assert_eq!(print(&d, &opts(3)), "f(\n  a,\n  b\n)");
    }

    #[test]
    fn keyword_case_and_multiline_text() {
        let mut d = Doc::new();
        d.text_in_case("Alter", Case::Upper).text(" ").text_in_case("SYSTEM", Case::Lower);
        d.text(" /* x\nyy */").start_group().text("z").line().text("w").end_group();
        // The column after a multi-line text is that of its last line.
        assert_eq!(print(&d, &opts(12)), "ALTER system /* x\nyy */z w");
        assert_eq!(print(&d, &opts(7)), "ALTER system /* x\nyy */z\nw");
    }

    #[test]
    fn appends_to_the_given_string() {
        let mut d = Doc::new();
        d.start_group().text("a").line().text("b").end_group();
        let mut out = String::from("0123456789");
        print_into(&d, &opts(3), &mut out);
        assert_eq!(out, "0123456789a b");
    }

    #[test]
    fn long_lists_print_in_linear_time() {
        assert_eq!(print_list(200_000, 80).lines().count(), 200_002);
    }
}
