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
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str) -> LineIndex<'a> {
        let mut line_starts = vec![0];
        let mut line_starts_utf16 = vec![0];
        let mut utf16 = 0;
        for (i, c) in src.char_indices() {
            utf16 += c.len_utf16();
            if c == '\n' {
                line_starts.push(i + 1);
                line_starts_utf16.push(utf16);
            }
        }
        LineIndex { src, line_starts, line_starts_utf16 }
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
        let o = self.clamp(offset);
        let line = self.line_of(o);
        let start = self.line_starts[line];
        self.line_starts_utf16[line] + self.src[start..o].encode_utf16().count()
    }

    /// 1-based line and 1-based column in UTF-16 code units (Monaco's and LSP's convention).
    pub fn line_col_utf16(&self, offset: usize) -> LineCol {
        let o = self.clamp(offset);
        let line = self.line_of(o);
        let start = self.line_starts[line];
        LineCol { line: line + 1, column: self.src[start..o].encode_utf16().count() + 1 }
    }

    /// 1-based line and 1-based column in Unicode scalar values (the CLI's convention).
    pub fn line_col_chars(&self, offset: usize) -> LineCol {
        let o = self.clamp(offset);
        let line = self.line_of(o);
        let start = self.line_starts[line];
        LineCol { line: line + 1, column: self.src[start..o].chars().count() + 1 }
    }

    /// The byte offset of a UTF-16 offset (for edits coming back from JavaScript). Offsets
    /// inside a surrogate pair round down to the character's start.
    pub fn byte_offset_of_utf16(&self, utf16: usize) -> usize {
        let line = self.line_starts_utf16.partition_point(|&s| s <= utf16) - 1;
        let mut at = self.line_starts_utf16[line];
        let mut byte = self.line_starts[line];
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
}
