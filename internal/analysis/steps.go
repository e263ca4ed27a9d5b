package analysis

// Step is a step of Analyze, named for what it finds, for a display of how
// far a long analysis has got.
type Step string

// The steps of Analyze, in order.
const (
	StepSentences   Step = "sentences"   // segmenting each article
	StepMentions    Step = "mentions"    // the actors each sentence names
	StepIndex       Step = "word index"  // the words of every sentence, indexed
	StepStatements  Step = "statements"  // what each actor said, grouped across outlets
	StepCopies      Step = "copies"      // which articles copy which
	StepSuggestions Step = "suggestions" // names no actor covers yet
	StepEvidence    Step = "evidence"    // where else each cited sentence is reported
)

// ReportSteps has f told of each step of Analyze as it starts, on the
// goroutine calling Analyze; nil tells nobody. f must return quickly.
func (an *Analyzer) ReportSteps(f func(Step)) { an.onStep = f }

// step tells the function ReportSteps set, if any, that step starts.
func (an *Analyzer) step(step Step) {
	if an.onStep != nil {
		an.onStep(step)
	}
}
