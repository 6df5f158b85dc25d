package parse

import (
	"testing"

	"dossier/corpus/synth"
)

// BenchmarkParse is one article's parse, without the disk.
func BenchmarkParse(b *testing.B) {
	name, text := synth.Text(1, 42)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Text(name, name, string(text), nil)
	}
}
