package content

import "unsafe"

// frozen returns the bytes b as a string without copying them. It is for
// the bytes of content files only, which nothing changes once read: a
// file system's ReadFile hands the Loader bytes of its own, and a sharedFS
// promises that the bytes it shares never change. An article's text is
// the largest part of a loaded briefing, and this keeps one copy of it,
// not two.
func frozen(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
