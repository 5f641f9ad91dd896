//! A width-aware printer for [`super::ir::Doc`] (Wadler / Prettier style).
//!
//! Groups are printed flat when their content, plus whatever follows up to the next possible
//! line break, fits in the remaining width. The "fits" measurement walks the flat element list
//! forwards and stops as soon as the width is exhausted or a newline is reached, so every
//! measurement costs at most about `width` steps and printing is linear in the size of the
//! document. Printing appends to a caller's string and allocates nothing else (except to hold
//! back trailing comments).

use super::ir::{Doc, Elem, LineKind, Style, Text};

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

/// One space.
pub(super) const SPACE: Text = Text { text: " ", width: 1, multiline: false, style: Style::AsIs };

/// Where the text goes and the column it has reached (also used by the formatter's direct path
/// for statements without comments, so that both write text the same way).
pub(super) struct Writer<'o> {
    out: &'o mut String,
    indent_unit: &'o str,
    /// The column (in characters, a level of indentation counting for its width).
    pos: usize,
    /// Indentation is written lazily, before the next text, so blank lines carry no spaces.
    pending_indent: Option<usize>,
}

impl<'o> Writer<'o> {
    pub(super) fn new(out: &'o mut String, indent_unit: &'o str) -> Writer<'o> {
        Writer { out, indent_unit, pos: 0, pending_indent: None }
    }

    /// A newline; the next text starts at `indent` levels.
    #[inline(always)]
    pub(super) fn newline(&mut self, indent: usize, indent_width: usize) {
        self.out.push('\n');
        self.pending_indent = Some(indent);
        self.pos = indent * indent_width;
    }

    // Inlined natively (a call per piece of text costs more than writing it); in the
    // WebAssembly, built for size, one copy serves the printer's and the formatter's call sites.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(super) fn text(&mut self, t: &Text) {
        if let Some(level) = self.pending_indent {
            if t.text.is_empty() && !matches!(t.style, Style::Quoted(_)) {
                return;
            }
            self.pending_indent = None;
            self.indent(level);
        }
        match t.style {
            Style::AsIs => self.push_str(t.text),
            _ => write_text(self.out, t),
        }
        if t.multiline {
            self.after_multiline(t);
        } else {
            self.pos += t.width;
        }
    }

    fn indent(&mut self, level: usize) {
        for _ in 0..level {
            self.out.push_str(self.indent_unit);
        }
    }

    #[cold]
    fn after_multiline(&mut self, t: &Text) {
        let last_line = t.text.rfind('\n').map_or(t.text, |i| &t.text[i + 1..]);
        self.pos = last_line.chars().count() + usize::from(matches!(t.style, Style::Quoted(_)));
    }

    #[inline(always)]
    fn push_str(&mut self, s: &str) {
        // Many pieces are one character (spaces, punctuation): no call to copy them.
        match s.as_bytes() {
            &[b] if b.is_ascii() => self.out.push(char::from(b)),
            _ => self.out.push_str(s),
        }
    }
}

/// Writes `t` in its style (case, quotes) onto `out`: the [`Writer`]'s texts that are not
/// copied as they are, and the formatter's direct path (which tracks no column).
#[inline(never)]
pub(super) fn write_text(out: &mut String, t: &Text) {
    match t.style {
        Style::AsIs => out.push_str(t.text),
        Style::Upper => {
            let start = out.len();
            out.push_str(t.text);
            out[start..].make_ascii_uppercase();
        }
        Style::Lower => {
            let start = out.len();
            out.push_str(t.text);
            out[start..].make_ascii_lowercase();
        }
        Style::Quoted(q) => {
            out.push(char::from(q));
            out.push_str(t.text);
            out.push(char::from(q));
        }
    }
}

/// Prints `doc`, appending to `out`. The first line starts at column 0.
pub fn print_into(doc: &Doc, options: &PrintOptions, out: &mut String) {
    let elems = doc.elems();
    let mut w = Writer::new(out, &options.indent_unit);
    let mut suffixes: Vec<Text> = Vec::new();
    let mut indent: usize = 0;
    // Groups are entered in order, and every group inside a flat group is flat: the mode is
    // known from the depth of the open groups and the depth of the outermost flat one.
    let mut depth: usize = 0;
    let mut flat_from: Option<usize> = None;
    let mut i = 0;
    while let Some(elem) = elems.get(i) {
        i += 1;
        match elem {
            Elem::Text(t) => w.text(t),
            Elem::Line(kind) => {
                if *kind != LineKind::Hard && flat_from.is_some() {
                    if *kind == LineKind::Soft {
                        w.text(&SPACE);
                    }
                    continue;
                }
                for s in suffixes.drain(..) {
                    w.text(&s);
                }
                w.newline(indent, options.indent_width);
            }
            Elem::BreakParent => {}
            Elem::LineSuffix(t) => suffixes.push(*t),
            Elem::StartIndent => indent += 1,
            Elem::EndIndent => indent = indent.saturating_sub(1),
            Elem::StartGroup { should_break } => {
                depth += 1;
                if flat_from.is_none() && !should_break && fits(&elems[i..], options.width as isize - w.pos as isize) {
                    flat_from = Some(depth);
                }
            }
            Elem::EndGroup => {
                if flat_from == Some(depth) {
                    flat_from = None;
                }
                depth = depth.saturating_sub(1);
            }
        }
    }
    for s in suffixes.drain(..) {
        w.text(&s);
    }
}

/// Whether `rest`, which starts inside the group being measured (printed flat), fits in
/// `remaining` columns up to the first newline. The printer only measures a group whose
/// enclosing groups are all broken, so after the group's end every line is a newline.
fn fits(rest: &[Elem], mut remaining: isize) -> bool {
    let mut depth: isize = 0;
    // Past the measured group, every group is broken (those around it are, and the others
    // inherit their mode or have it forced).
    let mut after = false;
    // The depth of a broken group inside the measured one, if any (the builder never makes
    // one, since a broken group breaks the groups around it).
    let mut broken_from: Option<isize> = None;
    for elem in rest {
        let broken = after || broken_from.is_some();
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
            Elem::StartGroup { should_break, .. } => {
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
                after |= depth < 0;
            }
            Elem::StartIndent | Elem::EndIndent | Elem::LineSuffix(_) | Elem::BreakParent => {}
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
    fn a_following_group_is_measured_broken() {
        // `a b` fits when what follows breaks at its first line: the next group is measured as
        // broken, as the printer will find it if it does not fit.
        let mut d = Doc::new();
        d.start_group().text("a").line().text("b").end_group();
        d.start_group().text("c").line().text("d").end_group();
        assert_eq!(print(&d, &opts(4)), "a bc\nd");
        assert_eq!(print(&d, &opts(3)), "a\nbc\nd");
    }

    #[test]
    fn an_unclosed_group_is_walked() {
        // A group never closed is not measured: the printer walks its content.
        let p = |w| {
            let mut d = Doc::new();
            d.start_group().text("a").line().text("b");
            print(&d, &opts(w))
        };
        assert_eq!(p(3), "a b");
        assert_eq!(p(2), "a\nb");
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
    fn text_styles() {
        let mut d = Doc::new();
        d.push_text(Text::new("Alter", Style::Upper)).text(" ").push_text(Text::new("SYSTEM", Style::Lower));
        d.text(" ").push_text(Text::new("a'b", Style::Quoted(b'"'))).push_text(Text::new("", Style::Quoted(b'\'')));
        d.start_group().line().text("x").end_group();
        assert_eq!(print(&d, &opts(22)), "ALTER system \"a'b\"'' x");
        assert_eq!(print(&d, &opts(21)), "ALTER system \"a'b\"''\nx");
    }

    #[test]
    fn the_column_after_a_multiline_text_is_that_of_its_last_line() {
        let mut d = Doc::new();
        d.push_text(Text::new("ab\ncd", Style::Quoted(b'"'))).start_group().text("x").line().text("y").end_group();
        assert_eq!(print(&d, &opts(6)), "\"ab\ncd\"x y");
        assert_eq!(print(&d, &opts(5)), "\"ab\ncd\"x\ny");
    }

    #[test]
    fn multiline_text() {
        let mut d = Doc::new();
        d.text("ALTER system /* x\nyy */").start_group().text("z").line().text("w").end_group();
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
