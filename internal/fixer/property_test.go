package fixer

import (
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/apigwlint/apigwlint/internal/fix"
	"github.com/apigwlint/apigwlint/internal/frontend"
	"github.com/apigwlint/apigwlint/internal/frontend/registry"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/source"
)

// word is a key or a string value of a definition, where it is written.
type word struct {
	start, end int // bytes of the word itself in the file
}

// words finds the keys and the one-word string values of every definition
// of a file, written plainly or in quotes (no escapes), with their offsets.
func words(path string, data []byte) []word {
	var out []word
	add := func(f *source.File, r source.Node, text string) {
		if len(text) < 3 || !isWord(text) || r.Range.Start.Line == 0 {
			return
		}
		s, e := f.OffsetOf(r.Range.Start), f.OffsetOf(r.Range.End)
		if s >= e || e > len(f.Src) {
			return
		}
		if i := strings.Index(string(f.Src[s:e]), text); i >= 0 && i <= 2 {
			out = append(out, word{s + i, s + i + len(text)})
		}
	}
	registry.Load(path, data, func(def *frontend.Definition) {
		if def.Root == nil || def.File == nil {
			return
		}
		f := def.File
		def.Root.Walk(func(n *source.Node) bool {
			if n.Symbol() != "" || n.Implicit {
				return false
			}
			for _, fl := range n.Fields {
				add(f, source.Node{Range: fl.KeyRange}, fl.RawKey)
			}
			if n.Kind == source.String {
				add(f, *n, n.Value)
			}
			return true
		})
	})
	// A word may be found from two definitions of a template.
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	uniq := out[:0]
	for i, w := range out {
		if i == 0 || w != out[i-1] {
			uniq = append(uniq, w)
		}
	}
	return uniq
}

func isWord(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// mutate makes one typo or change of case in w.
func mutate(rng *rand.Rand, w string) string {
	b := []byte(w)
	i := rng.Intn(len(b))
	letter := byte('a' + rng.Intn(26))
	switch rng.Intn(6) {
	case 0: // flip the case of the first letter
		return string(flip(rune(b[0]))) + w[1:]
	case 1: // all lower or all upper
		if strings.ToUpper(w) == w {
			return strings.ToLower(w)
		}
		return strings.ToUpper(w)
	case 2: // a letter replaced
		b[i] = letter
	case 3: // a letter dropped
		b = append(b[:i], b[i+1:]...)
	case 4: // a letter added
		b = append(b[:i], append([]byte{letter}, b[i:]...)...)
	default: // two letters swapped
		if i+1 < len(b) {
			b[i], b[i+1] = b[i+1], b[i]
		}
	}
	return string(b)
}

func flip(r rune) rune {
	if unicode.IsUpper(r) {
		return unicode.ToLower(r)
	}
	return unicode.ToUpper(r)
}

// parseProblems counts what makes a file unreadable or changes what it
// holds: syntax, encoding and limit problems, invalid JSON strings,
// repeated keys; and its definitions.
func parseProblems(path string, data []byte) (problems, defs int) {
	fr := lint.CheckBytes(path, data, true)
	return syntax(fr), fr.Definitions
}

// TestFixPropertyMutations: valid definitions from testdata, with keys
// and values mutated (a change of case, a one-letter typo) by a seeded
// generator, and all safe fixes applied as lint --fix does (pass after
// pass): the result always parses as the original did, with as many
// definitions; it is the original in most cases (the rest are mutations
// no safe fix can undo, such as a typo that is itself a documented name).
func TestFixPropertyMutations(t *testing.T) {
	var files []string
	for _, dir := range []string{"../../testdata/examples", "../../testdata/realworld", "../../testdata/fix"} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".json")) && !strings.Contains(p, "/in.") {
				files = append(files, p)
			}
			return nil
		})
	}
	rng := rand.New(rand.NewSource(16))
	tried, restored, fixedSome := 0, 0, 0
	perFile := 30
	if testing.Short() {
		perFile = 3
	}
	for _, p := range files {
		orig, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(p)
		if strings.Contains(string(orig), "\r") || strings.HasPrefix(string(orig), "\uFEFF") {
			continue // offsets below are into the text as read
		}
		// A file with fixable findings of its own is taken as fixed, so
		// that "restored" means the mutation was undone.
		orig = fixAll(name, orig)
		baseProblems, baseDefs := parseProblems(name, orig)
		if baseDefs == 0 {
			continue
		}
		ws := words(name, orig)
		if len(ws) == 0 {
			continue
		}
		for k := 0; k < perFile; k++ {
			w := ws[rng.Intn(len(ws))]
			text := string(orig[w.start:w.end])
			m := mutate(rng, text)
			if m == text || m == "" {
				continue
			}
			mutated := []byte(string(orig[:w.start]) + m + string(orig[w.end:]))
			if pr, defs := parseProblems(name, mutated); pr != baseProblems || defs != baseDefs {
				continue // the mutation itself broke the file (a key repeated, ...)
			}
			tried++
			cur := fixAll(name, mutated)
			if string(cur) != string(mutated) {
				fixedSome++
			}
			if pr, defs := parseProblems(name, cur); pr > baseProblems || defs != baseDefs {
				t.Fatalf("%s: %q → %q, fixed into a file that does not parse as before:\n%s", p, text, m, cur)
			}
			if string(cur) == string(orig) {
				restored++
			} else if string(cur) != string(mutated) && os.Getenv("FIXPROP_SHOW") != "" {
				d, _ := firstDiff(orig, cur)
				t.Logf("%s: %q → %q fixed to %q", p, text, m, d)
			}
		}
	}
	t.Logf("%d files, %d mutations, %d changed by fixes, %d restored to the original", len(files), tried, fixedSome, restored)
	if tried < 100 || restored*3 < tried {
		t.Errorf("%d mutations tried, %d restored: the property is not exercised", tried, restored)
	}
}

// fixAll applies the safe fixes pass after pass, as lint --fix does.
func fixAll(name string, text []byte) []byte {
	for pass := 0; pass < DefaultPasses; pass++ {
		next, applied := fix.Apply(text, lint.CheckOne(name, text, nil), false)
		if applied.Applied == 0 {
			break
		}
		text = next
	}
	return text
}

// firstDiff shows the fixed text around its first difference from the
// original (FIXPROP_SHOW=1 logs them).
func firstDiff(a, b []byte) (string, int) {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return string(b[max(0, i-10):min(len(b), i+20)]), i
}
