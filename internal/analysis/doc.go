// Package analysis adds to the raw content what the generator finds in it:
// sentences with stable anchors, actor mentions, attributed statements,
// sentences that report the same thing across outlets, copies among the
// sources, checked quotes, each claim's independent supporting and
// contradicting sources, its status checked against them, and the
// diagnostics an editor acts on. It is pure:
// it reads a model.Site, which it never changes, and returns what it finds
// as a separate model.Findings.
//
// Much of it looks across the whole corpus, and a complete analysis of a
// thousand articles takes about a second. So the preview analyses in two
// steps: Analyzer.AnalyzeQuick redoes what depends on each file alone and
// carries the corpus-wide findings over from the last complete analysis,
// in a few milliseconds; then Analyzer.Analyze, which can be cancelled
// when the next edit comes, settles them exactly.
package analysis
