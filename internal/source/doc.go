// Package source turns byte offsets in a briefing's source files into the
// file:line:col positions every diagnostic names.
//
// A File is the line table of one file, as go/token.File keeps: offsets
// in, positions out. Columns count bytes from 1; an offset past the end
// is the end of the file. Every decoder places what it reports through a
// File, so no position is worked out twice, or read back out of an error
// message.
//
// ScanTOML finds where the keys and values of a TOML text are written,
// which BurntSushi/toml does not say. It is meant for text the decoder has
// accepted and only finds places, not values. On any text it ends and
// never fails: where it does not follow the text it stops, and what it
// missed is simply not found, so callers fall back to the position of
// the key or table that holds it.
package source
