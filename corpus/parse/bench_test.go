package parse

import (
	"context"
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

// BenchmarkParseMix parses 2,000 different generated articles and the
// field pages, a load's mix rather than one article: ns/op is per
// article. "whole" is BytesContext, "draft" DraftBytes (a first open's
// list), "finish" the quotes a draft still lacks.
func BenchmarkParseMix(b *testing.B) {
	var texts [][]byte
	for i := range 2000 {
		_, text := synth.Text(1, i)
		texts = append(texts, text)
	}
	for _, pg := range append(append([]fieldPage{}, fieldPages...), heldOutPages...) {
		texts = append(texts, []byte(pg.text))
	}
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	ctx := context.Background()
	each := func(b *testing.B, fn func(t []byte)) {
		b.SetBytes(int64(size / len(texts)))
		for i := 0; b.Loop(); i++ {
			fn(texts[i%len(texts)])
		}
	}
	b.Run("whole", func(b *testing.B) {
		each(b, func(t []byte) {
			if _, _, err := BytesContext(ctx, "x", "x.txt", t, ""); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("draft", func(b *testing.B) {
		each(b, func(t []byte) {
			if _, _, err := DraftBytes(ctx, "x", "x.txt", t, ""); err != nil {
				b.Fatal(err)
			}
		})
	})
	drafts := make([]Draft, len(texts))
	for i, t := range texts {
		drafts[i], _, _ = DraftBytes(ctx, "x", "x.txt", t, "")
	}
	b.Run("finish", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := drafts[i%len(drafts)].Finish(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
