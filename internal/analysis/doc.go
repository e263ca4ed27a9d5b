// Package analysis adds to the raw content what the generator finds in it:
// sentences with stable anchors, actor mentions, attributed statements,
// sentences that report the same thing across outlets, copies among the
// sources, checked quotes, and the diagnostics an editor acts on. It is pure:
// it reads a model.Site and fills in its analysis fields.
package analysis
