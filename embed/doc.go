// Package embed reads a chronicle — a folder of news articles — from the
// human-editable files publishers write, and holds the data that is
// generated from them for the WebAssembly app.
//
// # Folder
//
// A chronicle is a folder with one file per article, named NAME.md, and
// an _index.md file with the chronicle's own front matter (see LoadDir).
// Files are UTF-8; a byte order mark at the start is tolerated, and lines
// may end in "\n" or "\r\n".
//
// # Article files
//
// An article file starts with front matter between two --- lines,
// followed by the body:
//
//	---
//	date: 2020-08-03
//	title: "Microsoft bestätigt Gespräche über TikTok-Übernahme"
//	kicker: Microsoft
//	source: nd
//	author: Michael Förtsch
//	url: https://example.com/artikel
//	# A comment for the editors; it is ignored.
//	---
//	First paragraph, possibly
//	spanning several lines (joined with one space).
//
//	## A subheading
//
//	Next paragraph.
//
// The first line must be ---. The front matter ends at the next line that
// is exactly --- (trailing spaces allowed); without one the file is
// rejected as "unterminated front matter".
//
// Each front matter line is "key: value", split at the first colon, so
// values may contain colons. Blank lines and lines starting with # are
// ignored; a # after a value is part of the value, not a comment. A value
// is one of:
//
//   - bare: the text after the colon, with surrounding spaces trimmed;
//   - double-quoted: a Go string literal (as strconv.Unquote reads it), so
//     \" is a quote and \\ a backslash;
//   - single-quoted: the text between the quotes, where a doubled quote
//     stands for one (no other escapes).
//
// For example, these lines give the same title:
//
//	title: Rock 'n' Roll: "live" \ on stage
//	title: "Rock 'n' Roll: \"live\" \\ on stage"
//	title: 'Rock ''n'' Roll: "live" \ on stage'
//
// Tabs in values become spaces, surrounding spaces are trimmed even
// inside quotes, and control characters are rejected (also when written
// as escapes). An empty optional value is the same as leaving the key
// out. Unknown keys (which are usually typos), repeated keys and lines
// without a colon are errors. Keys are case-sensitive:
//
//   - date (required): YYYY-MM-DD, or YYYY-MM when only the month is known;
//     it must be a real calendar date with a year in 1000–9999.
//   - title (required, not empty): the headline.
//   - kicker, source, author (optional): plain text.
//   - url (optional): an absolute http:// or https:// URL with a host. It
//     must not contain whitespace, quotes (" ' `), < > or \, because it
//     is written into HTML attributes unescaped; percent-encode them.
//   - id (optional): the article's ID; by default the file name without
//     ".md". IDs match ^[a-z0-9][a-z0-9-]*$ and have at most 100
//     characters, because they become HTML ids and URL fragments.
//
// The body is a sequence of paragraphs separated by blank lines. The
// lines of a paragraph are trimmed and joined with a single space; runs of
// spaces inside a line are kept, tabs become spaces. A line starting with
// "## " is a subheading: a paragraph of its own, kept with its "## "
// prefix, even without blank lines around it. Nothing else is Markdown:
// other text, including "#" or "---" lines, is kept as it is. An article
// must have at least one paragraph. Article.Body holds the paragraphs
// joined by "\n\n"; see Article.Paragraphs.
//
// # Errors
//
// Bad input never panics. Every problem in a file is reported as an
// *Error whose text is "file:line: reason", so that a malformed article
// fails the build with a message that points at the line to fix. Errors
// that concern the whole front matter (missing date or title, no closing
// ---, an invalid ID derived from the file name) point at the opening ---
// line; "empty body" points at the line after the closing ---. Problems
// with the folder as a whole (no _index.md, no articles) are an *Error
// with Line 0, printed as "folder: reason". Failures to read a file are
// returned as the wrapped io/fs error instead.
package embed
