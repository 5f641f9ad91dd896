//! Turns byte offsets into the positions the edges need: UTF-16 offsets (JavaScript, editors),
//! 1-based line numbers, and 1-based columns counted in UTF-16 units or in Unicode scalar
//! values. Built once per source in linear time; each lookup is a binary search.

/// A position for humans and editors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

pub struct LineIndex<'a> {
    src: &'a str,
    /// Byte offset of the start of each line. A line ends at `\n` (so CRLF lines keep their
    /// `\r`, which counts as the last character of the line).
    line_starts: Vec<usize>,
    /// UTF-16 offset of the start of each line.
    line_starts_utf16: Vec<usize>,
    /// Char (Unicode scalar value) offset of the start of each line.
    line_starts_chars: Vec<usize>,
    /// A checkpoint every [`CHECKPOINT`] bytes or so (on a char boundary): its byte, UTF-16 and
    /// char offsets. A lookup counts from the nearest checkpoint, not from the start of its
    /// line, so many lookups on one long line stay cheap (counting from the line start made
    /// rendering N diagnostics on one line of length L cost N × L).
    checkpoints: Vec<Checkpoint>,
}

const CHECKPOINT: usize = 512;

#[derive(Clone, Copy)]
struct Checkpoint {
    byte: usize,
    utf16: usize,
    chars: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str) -> LineIndex<'a> {
        let mut line_starts = vec![0];
        let mut line_starts_utf16 = vec![0];
        let mut line_starts_chars = vec![0];
        let mut checkpoints = vec![Checkpoint { byte: 0, utf16: 0, chars: 0 }];
        let mut next_checkpoint = CHECKPOINT;
        let (mut utf16, mut chars) = (0, 0);
        for (i, c) in src.char_indices() {
            if i >= next_checkpoint {
                checkpoints.push(Checkpoint { byte: i, utf16, chars });
                next_checkpoint = i + CHECKPOINT;
            }
            utf16 += c.len_utf16();
            chars += 1;
            if c == '\n' {
                line_starts.push(i + 1);
                line_starts_utf16.push(utf16);
                line_starts_chars.push(chars);
            }
        }
        LineIndex { src, line_starts, line_starts_utf16, line_starts_chars, checkpoints }
    }

    /// UTF-16 and char offsets of the char boundary `o`, counted from the nearest checkpoint.
    fn counts_at(&self, o: usize) -> (usize, usize) {
        let cp = self.checkpoints[self.checkpoints.partition_point(|c| c.byte <= o) - 1];
        let (mut utf16, mut chars) = (cp.utf16, cp.chars);
        for c in self.src[cp.byte..o].chars() {
            utf16 += c.len_utf16();
            chars += 1;
        }
        (utf16, chars)
    }

    /// Clamps `offset` into the source and back onto a char boundary.
    fn clamp(&self, offset: usize) -> usize {
        let mut o = offset.min(self.src.len());
        while !self.src.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let o = self.clamp(offset);
        self.line_starts.partition_point(|&s| s <= o) - 1
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line]
    }

    /// The text of a 0-based line without its line ending.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.line_starts[line];
        let end = self.line_starts.get(line + 1).copied().unwrap_or(self.src.len());
        self.src[start..end].trim_end_matches('\n').trim_end_matches('\r')
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    pub fn utf16_offset(&self, offset: usize) -> usize {
        self.counts_at(self.clamp(offset)).0
    }

    /// 1-based line and 1-based column in UTF-16 code units (Monaco's and LSP's convention).
    pub fn line_col_utf16(&self, offset: usize) -> LineCol {
        let o = self.clamp(offset);
        let line = self.line_of(o);
        LineCol { line: line + 1, column: self.counts_at(o).0 - self.line_starts_utf16[line] + 1 }
    }

    /// 1-based line and 1-based column in Unicode scalar values (the CLI's convention).
    pub fn line_col_chars(&self, offset: usize) -> LineCol {
        let o = self.clamp(offset);
        let line = self.line_of(o);
        LineCol { line: line + 1, column: self.counts_at(o).1 - self.line_starts_chars[line] + 1 }
    }

    /// The byte offset of a UTF-16 offset (for edits coming back from JavaScript). Offsets
    /// inside a surrogate pair round down to the character's start; offsets past the end give
    /// the end.
    pub fn byte_offset_of_utf16(&self, utf16: usize) -> usize {
        let cp = self.checkpoints[self.checkpoints.partition_point(|c| c.utf16 <= utf16) - 1];
        let mut at = cp.utf16;
        let mut byte = cp.byte;
        for c in self.src[byte..].chars() {
            if at + c.len_utf16() > utf16 {
                break;
            }
            at += c.len_utf16();
            byte += c.len_utf8();
        }
        byte
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_emoji_and_crlf() {
        // "-- 中文😀\r\n" is 3 + 6 + 4 + 2 = 15 bytes, 3 + 2 + 2 + 2 = 9 UTF-16 units.
        let src = "-- 中文😀\r\nALTER SYSTEM ADD BACKEND \"h:1\";";
        let idx = LineIndex::new(src);
        let alter = src.find("ALTER").unwrap();
        assert_eq!(alter, 15);
        assert_eq!(idx.utf16_offset(alter), 9);
        assert_eq!(idx.line_col_utf16(alter), LineCol { line: 2, column: 1 });
        let emoji = src.find('😀').unwrap();
        assert_eq!(idx.line_col_utf16(emoji), LineCol { line: 1, column: 6 });
        assert_eq!(idx.line_col_chars(emoji), LineCol { line: 1, column: 6 });
        let cr = src.find('\r').unwrap();
        assert_eq!(idx.line_col_utf16(cr), LineCol { line: 1, column: 8 });
        assert_eq!(idx.line_col_chars(cr), LineCol { line: 1, column: 7 });
        assert_eq!(idx.line_text(0), "-- 中文😀");
        let quote = src.find('"').unwrap();
        let js: Vec<u16> = src.encode_utf16().collect();
        assert_eq!(js[idx.utf16_offset(quote)], u16::from(b'"'));
        assert_eq!(idx.byte_offset_of_utf16(idx.utf16_offset(quote)), quote);
    }

    #[test]
    fn offsets_past_the_end_and_inside_chars_are_clamped() {
        let src = "中";
        let idx = LineIndex::new(src);
        assert_eq!(idx.utf16_offset(1), 0);
        assert_eq!(idx.utf16_offset(99), 1);
    }

    #[test]
    fn checkpoints_agree_with_counting_from_the_line_start() {
        let line = "ab中😀\r\u{a0}c".repeat(300);
        let src = format!("{line}\n{line}\n\n{line}");
        let idx = LineIndex::new(&src);
        let mut utf16 = 0;
        for (o, c) in src.char_indices().chain([(src.len(), ' ')]) {
            let line = idx.line_of(o);
            let start = idx.line_start(line);
            assert_eq!(idx.utf16_offset(o), utf16);
            assert_eq!(idx.line_col_chars(o).column, src[start..o].chars().count() + 1);
            assert_eq!(idx.line_col_utf16(o).column, src[start..o].encode_utf16().count() + 1);
            assert_eq!(idx.byte_offset_of_utf16(utf16), o);
            if c.len_utf16() == 2 {
                assert_eq!(idx.byte_offset_of_utf16(utf16 + 1), o);
            }
            utf16 += c.len_utf16();
        }
        assert_eq!(idx.byte_offset_of_utf16(utf16 + 5), src.len());
    }
}
