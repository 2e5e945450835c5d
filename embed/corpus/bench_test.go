package corpus

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"chronik/embed"
	"chronik/search"
)

// benchSizes are the corpus sizes of the scale benchmarks, in articles.
var benchSizes = [...]int{100, 1000, 10000}

// brotliQuality is the quality the index is compressed with for the size
// budget: the best, as for precompressed static files.
const brotliQuality = 11

// brotliLen returns the length of data compressed with brotli at
// brotliQuality.
func brotliLen(tb testing.TB, data []byte) int {
	tb.Helper()
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotliQuality)
	_, err := w.Write(data)
	require.NoError(tb, err)
	require.NoError(tb, w.Close())
	return buf.Len()
}

// encoded returns the two generated files, chronicle.bin and index.bin,
// of a corpus of n articles.
func encoded(tb testing.TB, v *Vocabulary, n int) (chronicle, index []byte) {
	tb.Helper()
	c := load(tb, generate(tb, v, n, 1))
	chronicle, index, err := embed.Encode(c)
	require.NoError(tb, err)
	return chronicle, index
}

// BenchmarkBuild measures what go generate does at build time for a
// corpus of each size: parse the article files (in memory) and encode the
// chronicle and its search index. It reports the size of the index, raw
// and brotli-compressed per article (the budget is 1.5 KB per article of
// about 500 words), and of chronicle.bin. The corpus is generated once
// per size, outside the timing: b.Loop runs the setup once.
func BenchmarkBuild(b *testing.B) {
	v := seedVocabulary(b)
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			fsys := mapFS(generate(b, v, n, 1))
			b.ReportAllocs()
			var chronicle, index []byte
			for b.Loop() {
				c, err := embed.LoadDir(fsys, "corpus")
				if err != nil {
					b.Fatal(err)
				}
				if chronicle, index, err = embed.Encode(c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(index)), "index-bytes")
			b.ReportMetric(float64(len(index))/float64(n), "index-bytes/article")
			b.ReportMetric(float64(brotliLen(b, index))/float64(n), "index-br-bytes/article")
			b.ReportMetric(float64(len(chronicle)), "chronicle-bytes")
		})
	}
}

// BenchmarkDecode measures what the WASM does at start-up: decode the
// generated chronicle and index of a corpus of each size. It reports the
// heap the decoded bundle keeps (heap-bytes), and of that the decoded
// chronicle's and index's own: the growth of the live heap, measured after
// garbage collections, while the encoded files (part of the binary in the
// WASM) are in memory before and after.
func BenchmarkDecode(b *testing.B) {
	v := seedVocabulary(b)
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			chronicle, index := encoded(b, v, n)
			// As app.wasm embeds it: a string, which Decode slices.
			cs := string(chronicle)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := embed.Decode(cs, index); err != nil {
					b.Fatal(err)
				}
			}
			heaps := []struct {
				unit   string
				decode func() (any, error)
			}{
				{"heap-bytes", func() (any, error) { return embed.Decode(cs, index) }},
				{"chronicle-heap-bytes", func() (any, error) { return embed.UnmarshalChronicle(cs) }},
				{"index-heap-bytes", func() (any, error) { return search.Decode(index) }},
			}
			for _, h := range heaps {
				heap := liveHeap(func() any {
					v, err := h.decode()
					if err != nil {
						b.Fatal(err)
					}
					return v
				})
				if h.unit == "heap-bytes" {
					b.ReportMetric(float64(heap), h.unit)
				}
				b.ReportMetric(float64(heap)/float64(n), h.unit+"/article")
			}
			runtime.KeepAlive(chronicle)
			runtime.KeepAlive(index)
		})
	}
}

// liveHeap returns by how many bytes the live heap grows while the value
// that f returns is kept, each measured after a garbage collection. The
// caller must keep f's inputs alive beyond the call (runtime.KeepAlive),
// or the collection after f frees them and hides what f kept.
func liveHeap(f func() any) int64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := f()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return int64(after.HeapAlloc) - int64(before.HeapAlloc)
}

// BenchmarkIndexSections reports, for a corpus of each size, how many
// bytes per article each part of the encoded index takes, raw and each
// part compressed on its own with brotli, to show what dominates the
// index size. It times nothing of interest: the parts are measured once.
func BenchmarkIndexSections(b *testing.B) {
	v := seedVocabulary(b)
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			_, index := encoded(b, v, n)
			var secs []section
			for b.Loop() {
				var err error
				if secs, err = indexSections(index); err != nil {
					b.Skipf("index format changed, sections unknown: %v", err)
				}
			}
			total := 0
			for _, s := range secs {
				total += len(s.data)
			}
			require.Equal(b, len(index), total, "the sections add up to the index")
			for _, s := range secs {
				if len(s.data) == 0 {
					continue
				}
				b.ReportMetric(float64(len(s.data))/float64(n), s.name+"-bytes/article")
				b.ReportMetric(float64(brotliLen(b, s.data))/float64(n), s.name+"-br-bytes/article")
			}
		})
	}
}

func TestLiveHeapCountsWhatIsKept(t *testing.T) {
	const size = 4 << 20
	got := liveHeap(func() any { return make([]byte, size) })
	assert.InDelta(t, size, got, size/10)
}
