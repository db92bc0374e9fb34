package schema

import (
	"math/rand"
	"runtime"
	"strings"
	"testing"
)

// osaDistance is the full-matrix optimal-string-alignment distance, the
// reference the bounded one is checked against.
func osaDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// The bounded distance agrees with the full one wherever that is within
// the bound, and says "over" exactly when it is not.
func TestDistanceWithinMatchesFull(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	word := func() string {
		n := rng.Intn(14)
		b := make([]rune, n)
		for i := range b {
			b[i] = []rune("abcdé")[rng.Intn(5)]
		}
		return string(b)
	}
	var rows distanceRows
	for i := 0; i < 20000; i++ {
		a, b := word(), word()
		limit := rng.Intn(6)
		want := osaDistance(a, b)
		got := rows.within([]rune(a), []rune(b), limit)
		if want > limit {
			want = limit + 1
		}
		if got != want {
			t.Fatalf("within(%q, %q, %d) = %d, want %d", a, b, limit, got, want)
		}
	}
}

// A long word gets no suggestion, and looking for one costs next to
// nothing whatever its length (it used to build a matrix of the word's
// length per candidate: ~50 s and 1 GB for a 5 MB key). The same for a
// long candidate (rules offer the user's own parameter names).
func TestSuggestHugeWordIsBounded(t *testing.T) {
	huge := strings.Repeat("ApiName", 1<<13) // 56 KB
	names := Properties(MustGet(CreateApi).Root)
	long := strings.Repeat("p", 2000)
	cases := []struct {
		word       string
		candidates []string
		want       string
	}{
		{huge, names, ""},
		{huge[:maxSuggest+1], names, ""},
		{long, []string{long + "x", "ApiName"}, ""},
		{"ApiNmae", append([]string{long}, names...), "ApiName"},
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for _, c := range cases {
		if got := Suggest(c.word, c.candidates); got != c.want {
			t.Errorf("Suggest(%.20q… (%d bytes)) = %.20q, want %q", c.word, len(c.word), got, c.want)
		}
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("Suggest allocated %d bytes for long words; want under 1 MiB", alloc)
	}
}

func BenchmarkSuggestHugeKey(b *testing.B) {
	huge := strings.Repeat("x", 5<<20)
	names := Properties(MustGet(CreateApi).Root)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Suggest(huge, names)
	}
}

func BenchmarkSuggestTypo(b *testing.B) {
	names := Properties(MustGet(CreateApi).Root)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Suggest("RequestConfgi", names)
	}
}
