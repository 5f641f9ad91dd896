//! A width-aware printer for [`super::ir::Doc`] (Wadler / Prettier style).
//!
//! Groups are printed flat when their content, plus whatever follows up to the next possible
//! line break, fits in the remaining width. The "fits" measurement walks the document lazily
//! (slices, not copies) and stops as soon as the width is exhausted or a newline is reached, so
//! every measurement costs at most about `width` steps and printing is linear in the size of the
//! document.

use super::ir::{propagate_breaks, Doc, LineKind};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Flat,
    Break,
}

#[derive(Clone, Copy)]
struct Cmd<'a> {
    indent: usize,
    mode: Mode,
    doc: &'a Doc,
}

/// Prints `doc`. Group breaks are propagated first (see [`propagate_breaks`]).
pub fn print(mut doc: Doc, options: &PrintOptions) -> String {
    propagate_breaks(&mut doc);
    print_propagated(&doc, options)
}

fn width_of(s: &str) -> usize {
    s.chars().count()
}

fn print_propagated(doc: &Doc, options: &PrintOptions) -> String {
    let mut out = String::new();
    let mut pos: usize = 0;
    // Indentation is written lazily, before the next text, so blank lines carry no spaces.
    let mut pending_indent: Option<usize> = None;
    let mut suffixes: Vec<&str> = Vec::new();
    let mut cmds: Vec<Cmd> = vec![Cmd { indent: 0, mode: Mode::Break, doc }];

    let write_text = |out: &mut String, pos: &mut usize, pending: &mut Option<usize>, s: &str| {
        if s.is_empty() {
            return;
        }
        if let Some(level) = pending.take() {
            for _ in 0..level {
                out.push_str(&options.indent_unit);
            }
        }
        out.push_str(s);
        match s.rfind('\n') {
            Some(i) => *pos = width_of(&s[i + 1..]),
            None => *pos += width_of(s),
        }
    };

    while let Some(cmd) = cmds.pop() {
        match cmd.doc {
            Doc::Nil | Doc::BreakParent => {}
            Doc::Text(s) => write_text(&mut out, &mut pos, &mut pending_indent, s),
            Doc::LineSuffix(s) => suffixes.push(s),
            Doc::Concat(docs) => {
                for d in docs.iter().rev() {
                    cmds.push(Cmd { doc: d, ..cmd });
                }
            }
            Doc::Indent(contents) => cmds.push(Cmd { indent: cmd.indent + 1, mode: cmd.mode, doc: contents }),
            Doc::IfBreak { breaks, flat } => {
                let doc = if cmd.mode == Mode::Break { breaks } else { flat };
                cmds.push(Cmd { doc, ..cmd });
            }
            Doc::Group { contents, should_break } => {
                let mode = if cmd.mode == Mode::Flat {
                    Mode::Flat
                } else if *should_break {
                    Mode::Break
                } else {
                    let remaining = options.width as isize - pos as isize;
                    let next = Cmd { indent: cmd.indent, mode: Mode::Flat, doc: contents };
                    if fits(next, &cmds, remaining) {
                        Mode::Flat
                    } else {
                        Mode::Break
                    }
                };
                cmds.push(Cmd { indent: cmd.indent, mode, doc: contents });
            }
            Doc::Line(kind) => {
                let newline = *kind == LineKind::Hard || cmd.mode == Mode::Break;
                if !newline {
                    if *kind == LineKind::Soft {
                        write_text(&mut out, &mut pos, &mut pending_indent, " ");
                    }
                    continue;
                }
                if !suffixes.is_empty() {
                    for s in suffixes.drain(..) {
                        write_text(&mut out, &mut pos, &mut pending_indent, s);
                    }
                }
                out.push('\n');
                pending_indent = Some(cmd.indent);
                pos = cmd.indent * options.indent_width;
            }
        }
    }
    for s in suffixes.drain(..) {
        write_text(&mut out, &mut pos, &mut pending_indent, s);
    }
    out
}

/// Whether `next` printed in its mode, followed by `rest` (the printer's stack, top last), fits
/// in `remaining` columns up to the first newline.
fn fits(next: Cmd, rest: &[Cmd], mut remaining: isize) -> bool {
    // Frames are slices so that a long concatenation is never copied.
    let mut stack: Vec<(Mode, &[Doc])> = vec![(next.mode, std::slice::from_ref(next.doc))];
    let mut rest_idx = rest.len();
    loop {
        let (mode, doc) = match stack.last_mut() {
            Some((mode, docs)) => {
                let mode = *mode;
                match docs.split_first() {
                    Some((first, tail)) => {
                        *docs = tail;
                        (mode, first)
                    }
                    None => {
                        stack.pop();
                        continue;
                    }
                }
            }
            None => {
                if rest_idx == 0 {
                    return true;
                }
                rest_idx -= 1;
                let c = rest[rest_idx];
                (c.mode, c.doc)
            }
        };
        match doc {
            Doc::Nil | Doc::BreakParent | Doc::LineSuffix(_) => {}
            Doc::Text(s) => match s.find('\n') {
                Some(i) => return remaining - width_of(&s[..i]) as isize >= 0,
                None => {
                    remaining -= width_of(s) as isize;
                    if remaining < 0 {
                        return false;
                    }
                }
            },
            Doc::Line(kind) => {
                if *kind == LineKind::Hard || mode == Mode::Break {
                    return true;
                }
                if *kind == LineKind::Soft {
                    remaining -= 1;
                    if remaining < 0 {
                        return false;
                    }
                }
            }
            Doc::Concat(docs) => stack.push((mode, docs)),
            Doc::Indent(contents) => stack.push((mode, std::slice::from_ref(contents.as_ref()))),
            Doc::Group { contents, should_break } => {
                let mode = if *should_break { Mode::Break } else { mode };
                stack.push((mode, std::slice::from_ref(contents.as_ref())));
            }
            Doc::IfBreak { breaks, flat } => {
                let d = if mode == Mode::Break { breaks } else { flat };
                stack.push((mode, std::slice::from_ref(d.as_ref())));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::ir::*;
    use super::*;

    fn opts(width: usize) -> PrintOptions {
        PrintOptions { width, indent_unit: "  ".into(), indent_width: 2 }
    }

    fn list(n: usize) -> Doc {
        let mut items = vec![text("[")];
        let mut inner = vec![softline()];
        for i in 0..n {
            if i > 0 {
                inner.push(text(","));
                inner.push(line());
            }
            inner.push(text(format!("item{i}")));
        }
        items.push(indent(concat(inner)));
        items.push(softline());
        items.push(text("]"));
        group(concat(items))
    }

    #[test]
    fn flat_when_it_fits() {
        assert_eq!(print(list(3), &opts(80)), "[item0, item1, item2]");
    }

    #[test]
    fn broken_when_it_does_not() {
        assert_eq!(print(list(3), &opts(10)), "[\n  item0,\n  item1,\n  item2\n]");
    }

    #[test]
    fn exact_width_fits() {
        let s = "[item0, item1, item2]";
        assert_eq!(print(list(3), &opts(s.len())), s);
        assert!(print(list(3), &opts(s.len() - 1)).contains('\n'));
    }

    #[test]
    fn text_after_the_group_counts() {
        let d = concat(vec![list(2), text(";;;;;;;;;;")]);
        assert!(print(d.clone(), &opts(16)).contains('\n'));
        assert!(!print(d, &opts(24)).contains('\n'));
    }

    #[test]
    fn line_suffix_is_flushed_before_newline_and_not_measured() {
        let d = concat(vec![
            group(concat(vec![text("a"), line(), text("b")])),
            line_suffix(" -- a long trailing comment"),
            hardline(),
            text("c"),
            line_suffix(" -- end"),
        ]);
        assert_eq!(print(d, &opts(5)), "a b -- a long trailing comment\nc -- end");
    }

    #[test]
    fn hard_line_breaks_the_group_and_no_trailing_indent() {
        let d = group(concat(vec![text("x"), indent(concat(vec![hardline(), hardline(), text("y")]))]));
        assert_eq!(print(d, &opts(80)), "x\n\n  y");
    }

    #[test]
    fn if_break_follows_the_group_mode() {
        let d = |w| print(group(concat(vec![text("a"), if_break(text("!"), text("?")), line(), text("b")])), &opts(w));
        assert_eq!(d(80), "a? b");
        assert_eq!(d(2), "a!\nb");
    }

    #[test]
    fn long_lists_print_in_linear_time() {
        let s = print(list(200_000), &opts(80));
        assert_eq!(s.lines().count(), 200_002);
    }
}
