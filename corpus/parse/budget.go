package parse

import "context"

// budget lets a long parse stop when its caller's context ends: the
// loader's deadline for one file, or the reader quitting mid-load. Go
// cannot stop a goroutine from outside, so the parser asks, at every
// paragraph, every quote and every place a role is looked for; each of
// those steps is bounded, so the parse stops soon after the context ends.
type budget struct {
	ctx context.Context
	n   int
	err error
}

// budgetEvery is how many steps pass between two reads of the context:
// a step costs a microsecond or less, a read tens of nanoseconds.
const budgetEvery = 16

// spent reports whether the parse must stop. The first call reads the
// context, so a context that has already ended stops the parse at once.
func (b *budget) spent() bool {
	if b.err != nil {
		return true
	}
	b.n++
	if b.n%budgetEvery != 1 {
		return false
	}
	b.err = b.ctx.Err()
	return b.err != nil
}
