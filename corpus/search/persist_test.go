package search_test

import (
	"bytes"
	"dossier/corpus"
	"dossier/corpus/internal/flat"
	"dossier/corpus/parse"
	"dossier/corpus/search"
	"fmt"
	"reflect"
	"testing"
)

// persistQueries cover every structure a restored index answers from:
// words, prefixes, typos, keys across scripts, phrases, exclusions,
// speaker, source and tag filters, dates, and the fuzzy title fallback.
var persistQueries = []string{
	"imankulov", "iman", "imankulv", "Иманкулов", "dschaparow", "security council",
	`"security council" -sco`, "csto sco", "speaker:imankulov csto", "source:interfax",
	"tag:csto", "csto since:2022", "until:2020 security", "kyrgz", "s", "se",
}

// TestIndexRoundTrip holds a restored index to the one it was written
// from: the same hits, with the same scores and details, for every query.
func TestIndexRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		arts func() []corpus.Article
	}{
		{"seeds", parse.Embedded},
		{"synth", func() []corpus.Article { return synthCorpus(3000) }},
		{"empty", func() []corpus.Article { return nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts := tc.arts()
			ix := search.NewIndex(arts)
			data, err := ix.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			back, err := search.UnmarshalIndex(arts, bytes.Clone(data))
			if err != nil {
				t.Fatal(err)
			}
			again, _ := back.MarshalBinary()
			if !bytes.Equal(data, again) {
				t.Errorf("restored index marshals to other bytes")
			}
			if back.Len() != ix.Len() || back.VocabLen() != ix.VocabLen() || back.MemBytes() != ix.MemBytes() {
				t.Errorf("restored: %d articles, %d words, %d bytes; built: %d, %d, %d",
					back.Len(), back.VocabLen(), back.MemBytes(), ix.Len(), ix.VocabLen(), ix.MemBytes())
			}
			for _, q := range persistQueries {
				pq, err := search.ParseQuery(q)
				if err != nil {
					t.Fatal(err)
				}
				want, got := ix.Run(pq, 200), back.Run(pq, 200)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%q: restored index gives %d hits, built %d", q, len(got), len(want))
				}
			}
		})
	}
}

// TestUnmarshalIndexRejects: what is not an index for these articles is
// an error, whatever byte is wrong.
func TestUnmarshalIndexRejects(t *testing.T) {
	arts := parse.Embedded()
	data, _ := search.NewIndex(arts).MarshalBinary()
	if _, err := search.UnmarshalIndex(arts[:4], data); err == nil {
		t.Error("index for 5 articles accepted for 4")
	}
	for n := range len(data) {
		if _, err := search.UnmarshalIndex(arts, data[:n]); err == nil {
			t.Fatalf("truncated to %d of %d bytes: accepted", n, len(data))
		}
	}
	other := bytes.Clone(data)
	other[4]++ // the version
	if _, err := search.UnmarshalIndex(arts, other); err == nil {
		t.Error("other version accepted")
	}
}

// FuzzUnmarshalIndex: no buffer makes UnmarshalIndex panic, and an index
// it accepts answers searches without panicking.
func FuzzUnmarshalIndex(f *testing.F) {
	arts := parse.Embedded()
	data, _ := search.NewIndex(arts).MarshalBinary()
	f.Add(data)
	f.Fuzz(func(t *testing.T, b []byte) {
		ix, err := search.UnmarshalIndex(arts, b)
		if err != nil {
			return
		}
		for _, q := range []string{"csto", "imankulov", "se", "speaker:imankulov", "kyrgz security"} {
			pq, _ := search.ParseQuery(q)
			ix.Run(pq, 10)
		}
	})
}

// BenchmarkIndexRestore is what a cached reopen pays for the index:
// checking and viewing the sections of a buffer already read.
func BenchmarkIndexRestore(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			arts := synthArticles(n)
			data, err := synthIndex(n).MarshalBinary()
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for range b.N {
				if _, err := search.UnmarshalIndex(arts, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestUnmarshalIndexBadPostings: posting lists are not decoded on
// restore, so lists that name articles past the end, or the same one
// twice, must only make searches wrong, never panic.
func TestUnmarshalIndexBadPostings(t *testing.T) {
	arts := synthCorpus(300)
	data, _ := search.NewIndex(arts).MarshalBinary()
	r := flat.Reader{B: data[16:]} // past magic, version and count
	_ = r.String()
	for range 5 { // woff, wmask, df, lens, all
		r.Bytes()
	}
	post := r.Bytes()
	if r.Err() != nil || len(post) == 0 {
		t.Fatal("no postings found", r.Err())
	}
	for _, spoil := range []func(i int, b byte) byte{
		func(int, byte) byte { return 0xff },
		func(int, byte) byte { return 0x7f },
		func(int, byte) byte { return 0x01 }, // a gap of 0
		func(i int, b byte) byte { return b ^ byte(i*31) },
	} {
		bad := bytes.Clone(data)
		off := len(data) - len(r.B) - ((len(post) + 7) &^ 7)
		for i := range post {
			bad[off+i] = spoil(i, bad[off+i])
		}
		ix, err := search.UnmarshalIndex(arts, bad)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range persistQueries {
			pq, _ := search.ParseQuery(q)
			hits := ix.Run(pq, 50)
			ix.Detail(hits, 0, len(hits))
		}
	}
}
