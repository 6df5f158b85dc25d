package parse

import (
	"testing"

	"dossier/corpus/hostile"
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

// BenchmarkParseShapes parses each hostile shape at three sizes. Its
// figure to read is ns/byte (ns/op over the size): flat across the sizes
// means the parse is linear in the text, whatever its shape.
func BenchmarkParseShapes(b *testing.B) {
	for _, sh := range hostile.Shapes {
		for _, size := range []struct {
			name string
			n    int
		}{{"64KB", 64 << 10}, {"256KB", 256 << 10}, {"1MB", 1 << 20}} {
			text := []byte(sh.Make(size.n))
			b.Run("shape="+sh.Name+"/size="+size.name, func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for i := 0; i < b.N; i++ {
					if _, err := Bytes("x", "x.txt", text, ""); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(text)), "ns/byte")
			})
		}
	}
}
