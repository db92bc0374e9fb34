package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/apigwlint/apigwlint/internal/cache"
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
)

// Every field of FileResult is either stored in a cache entry or rebuilt
// on a hit. A field added to FileResult fails this test until it is
// handled in encodeEntry/decodeEntry (and entryFormat bumped), or listed
// here with the reason it needs no caching.
func TestCacheEntryCoversFileResult(t *testing.T) {
	t.Parallel()
	handled := map[string]string{
		"Path":         "the file's path, given on decode",
		"Explicit":     "part of the key",
		"File":         "rebuilt from the bytes for snippets (source.Text)",
		"Diags":        "cached",
		"Definitions":  "cached",
		"Skipped":      "cached",
		"Index":        "cached (the project index entries)",
		"Suppressions": "read from the text on a hit (suppress.Scan)",
		"cached":       "set on a hit",
		"unread":       "set on a hit by metadata",
		"reread":       "set by the run, not by CheckBytes",
	}
	ft := reflect.TypeOf(FileResult{})
	for i := 0; i < ft.NumField(); i++ {
		if name := ft.Field(i).Name; handled[name] == "" {
			t.Errorf("FileResult.%s is not cached: encode it in encodeEntry and decodeEntry (internal/lint/cache.go, bump entryFormat), or list it here", name)
		}
	}
}

func sampleResult() *FileResult {
	rng := func(a, b, c, d int) diag.Range {
		return diag.Range{Start: diag.Pos{Line: a, Col: b}, End: diag.Pos{Line: c, Col: d}}
	}
	return &FileResult{
		Path: "apis/a.yaml", Definitions: 2,
		Index: facts.FileIndex{Facts: []facts.Fact{
			{Kind: "api-name", Key: "g", At: facts.Loc{File: "apis/a.yaml", Document: 3, Pointer: "/ApiName", Range: rng(3, 10, 3, 17)}, Attrs: []string{"GetUser"}},
			{Kind: "api-path", Key: "g", At: facts.Loc{File: "apis/a.yaml", Pointer: "/RequestConfig/RequestPath", Range: rng(7, 1, 7, 9)},
				Attrs: []string{"GET", "/users/[id]", "/users/[]", ""}},
			{Kind: "service", Key: "users", At: facts.Loc{File: "apis/a.yaml", Document: 1, Pointer: "/serviceConfigs/0/name", Range: rng(9, 3, 9, 8)}, Attrs: []string{"gw-1"},
				Origin: rng(2, 3, 2, 8)},
			{Kind: "client-token", Key: facts.Symbolic("ros:apis/a.yaml#Token", ""), At: facts.Loc{File: "other.yaml", Document: 1, Pointer: "/clientToken", Range: rng(4, 1, 4, 5)}},
		}},
		Diags: []diag.Diagnostic{
			{File: "apis/a.yaml", Range: rng(1, 2, 3, 4), Severity: diag.Error, Rule: "schema", Message: "é \x1b[31m \n", Document: 3, Pointer: "/a~1b/0",
				Related: []diag.Related{{File: "apis/a.yaml", Range: rng(5, 6, 5, 9), Message: "first"}, {File: "other.yaml", Range: rng(1, 1, 1, 2), Message: "there"}}},
			{File: "apis/a.yaml", Range: rng(100000, 1, 100000, 70000), Severity: diag.Warning, Rule: "x",
				Fixes: []diag.Fix{{Message: "rename", Safe: true, Edits: []diag.Edit{{Start: 3, End: 9, NewText: "ApiName"}}},
					{Message: "remove", Edits: []diag.Edit{{Start: 100, End: 130}, {Start: 7, End: 7, NewText: "é\n"}}}}},
		},
	}
}

func TestEntryRoundTrip(t *testing.T) {
	t.Parallel()
	for _, fr := range []*FileResult{sampleResult(), {Path: "b.json", Skipped: true}, {Path: "c.yml"}} {
		b, ok := encodeEntry(fr)
		if !ok {
			t.Fatal("not encodable")
		}
		got, err := decodeEntry(b, fr.Path, fr.Explicit)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, fr) {
			t.Fatalf("round trip:\n%+v\n%+v", got, fr)
		}
	}
	// One entry serves the file under another path.
	b, _ := encodeEntry(sampleResult())
	got, _ := decodeEntry(b, "moved/a.yaml", false)
	if got.Diags[0].File != "moved/a.yaml" || got.Diags[0].Related[0].File != "moved/a.yaml" || got.Diags[0].Related[1].File != "other.yaml" {
		t.Fatalf("paths after a move: %+v", got.Diags[0])
	}
}

// A damaged payload is rejected, never half-read: every strict prefix and
// every one-byte change either fails to decode or decodes to something
// that is again a valid encoding (a changed count or string byte).
func TestEntryDamageIsRejected(t *testing.T) {
	t.Parallel()
	b, _ := encodeEntry(sampleResult())
	for n := 0; n < len(b); n++ {
		if _, err := decodeEntry(b[:n], "a.yaml", false); err == nil {
			t.Fatalf("prefix of %d/%d bytes decoded", n, len(b))
		}
	}
	if _, err := decodeEntry(append(append([]byte(nil), b...), 0), "a.yaml", false); err == nil {
		t.Fatal("trailing byte accepted")
	}
	for i := range b {
		for _, x := range []byte{0x01, 0x80, 0xff} {
			d := append([]byte(nil), b...)
			d[i] ^= x
			decodeEntry(d, "a.yaml", false) // must not panic
		}
	}
}

// A result that cannot be stored faithfully is not stored.
func TestUnencodableResults(t *testing.T) {
	t.Parallel()
	fr := sampleResult()
	fr.Diags[0].File = "elsewhere.yaml"
	if _, ok := encodeEntry(fr); ok {
		t.Fatal("a diagnostic about another file was cached")
	}
	fr = sampleResult()
	fr.Diags[0].Range.Start.Line = -1
	if _, ok := encodeEntry(fr); ok {
		t.Fatal("a negative position was cached")
	}
}

// A hit is what a miss computes, on every file of the case suite and the
// examples (diagnostics, counts, and the text kept for snippets).
func TestCachedEqualsComputed(t *testing.T) {
	t.Parallel()
	c, err := OpenCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	opts := &Options{Cache: c}
	n := 0
	seen := map[cache.Key]bool{} // files with the same bytes share an entry
	filepath.WalkDir("../../testdata", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isDefinitionFile(p) {
			return nil
		}
		data, _ := os.ReadFile(p)
		for _, explicit := range []bool{false, true} {
			if key := cacheKey(p, data, explicit); seen[key] {
				continue
			} else {
				seen[key] = true
			}
			want := CheckBytes(p, data, explicit)
			miss := checkCached(opts, p, data, explicit)
			hit := checkCached(opts, p, data, explicit)
			if miss.cached || !hit.cached {
				t.Fatalf("%s: miss.cached=%v hit.cached=%v", p, miss.cached, hit.cached)
			}
			for _, fr := range []*FileResult{want, miss, hit} {
				fr.cached = false
			}
			if !reflect.DeepEqual(want.Diags, hit.Diags) || want.Definitions != hit.Definitions || want.Skipped != hit.Skipped ||
				!reflect.DeepEqual(want.Index, hit.Index) || !reflect.DeepEqual(want.Suppressions, hit.Suppressions) {
				t.Errorf("%s (explicit=%v): cached result differs:\n%+v\n%+v", p, explicit, want, hit)
			}
			if len(want.Diags) > 0 && (hit.File == nil || string(hit.File.Src) != string(want.File.Src) || hit.File.Lines() != want.File.Lines()) {
				t.Errorf("%s: the text kept for snippets differs", p)
			}
			n++
		}
		return nil
	})
	if n < 50 {
		t.Fatalf("only %d files", n)
	}
}

// An unchanged file is not read on a warm run (its metadata find its
// result); a changed one is, and its new result is used; a file with a
// diagnostic is read for its snippet; the outputs match a cold run.
func TestMetadataHits(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := writer(t, dir)
	svc := func(name string) string { return serviceDef(name, "") }
	write("a.yaml", svc("a"))
	write("b.yaml", svc("b"))
	write("bad.yaml", svc("c")+"typo: 1\n")
	cacheDir := t.TempDir()
	run := func() *Result {
		c, err := OpenCache(cacheDir)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(Options{Dir: dir, ProjectRoot: dir, Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	cold := run()
	if cold.Unread != 0 || len(cold.Diags) != 1 {
		t.Fatalf("cold: unread %d, diags %v", cold.Unread, cold.Diags)
	}
	warm := run()
	if warm.Unread != 2 || fmt.Sprint(warm.Diags) != fmt.Sprint(cold.Diags) {
		t.Fatalf("warm: unread %d (want a and b), diags %v", warm.Unread, warm.Diags)
	}
	// b now clashes with a: same size and content length, new content.
	write("b.yaml", svc("a"))
	changed := run()
	if changed.Unread != 1 || len(changed.Diags) != 2 {
		t.Fatalf("after a change: unread %d (want a only), diags %v", changed.Unread, changed.Diags)
	}
}

// A partial run reads the other files for the index only and caches that
// as index-only entries. They serve the next partial run (without reading
// the files), a changed file is read again, and a later whole run never
// takes an index-only entry for a file's result: its output equals a run
// without the cache.
func TestIndexOnlyEntries(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := writer(t, dir)
	svc := serviceDef
	write("a.yaml", svc("a", ""))
	write("b.yaml", svc("b", "typo: 1\n")) // a problem of its own, not reported by a partial run
	write("c.yaml", svc("c", ""))
	cacheDir := t.TempDir()
	var indexReads atomic.Int64
	run := func(cached bool, paths ...string) *Result {
		opts := Options{Dir: dir, ProjectRoot: dir, Paths: paths, indexReads: &indexReads}
		if cached {
			c, err := OpenCache(cacheDir)
			if err != nil {
				t.Fatal(err)
			}
			opts.Cache = c
		}
		res, err := Run(opts)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	reads := indexReads.Load()
	partial := run(true, "a.yaml")
	if len(partial.Diags) != 0 || partial.Summary.Files != 1 || indexReads.Load()-reads != 2 {
		t.Fatalf("partial run: %d files, diags %v, %d files read for the index (want b and c)", partial.Summary.Files, partial.Diags, indexReads.Load()-reads)
	}
	reads = indexReads.Load()
	again := run(true, "a.yaml")
	if len(again.Diags) != 0 || indexReads.Load() != reads {
		t.Fatalf("second partial run: diags %v, %d files read for the index (want none)", again.Diags, indexReads.Load()-reads)
	}
	// c now clashes with a: the index-only entry of c must not be used.
	write("c.yaml", svc("a", "# changed\n"))
	clash := run(true, "a.yaml")
	if got := brief(clash.Diags); fmt.Sprint(got) != "[a.yaml:5:11 duplicate-service -> c.yaml:5]" {
		t.Fatalf("partial run after c changed: %v", got)
	}
	whole, cold := run(true), run(false)
	if fmt.Sprint(whole.Diags) != fmt.Sprint(cold.Diags) || whole.Summary != cold.Summary || whole.Definitions != cold.Definitions {
		t.Fatalf("whole run after partial runs differs from a run without cache:\n%v %+v\n%v %+v", whole.Diags, whole.Summary, cold.Diags, cold.Summary)
	}
	if len(cold.Diags) != 2 {
		t.Fatalf("whole run: %v (want b's typo and the clash)", cold.Diags)
	}
}

// A metadata entry carries the file's index keys; they survive the round
// trip, and any damage makes the entry unusable rather than wrong.
func TestMetaPayloadKeys(t *testing.T) {
	t.Parallel()
	var key cache.Key
	key[0] = 7
	ix := &facts.FileIndex{Facts: []facts.Fact{{Key: "g1"}, {Key: "g1"}, {Key: "g2"}, {Key: "svc"}, {Key: "tok-é"},
		{Key: facts.Symbolic("ros:t.yaml#G", "")}}}
	p := metaPayload(key, metaNoText, ix)
	keys, ok := metaKeys(p)
	if !ok || fmt.Sprint(keys) != "[g1 g2 svc tok-é]" {
		t.Fatalf("keys %v %v", keys, ok)
	}
	if keys, ok := metaKeys(metaPayload(key, 0, &facts.FileIndex{})); !ok || len(keys) != 0 {
		t.Fatalf("no entries: %v %v", keys, ok)
	}
	if _, ok := metaKeys(p[:len(key)+1]); ok {
		t.Fatal("an entry without the keys section (an older layout) must be read in full")
	}
	for cut := len(key) + 2; cut < len(p); cut++ {
		if _, ok := metaKeys(p[:cut]); ok {
			t.Fatalf("truncated at %d: accepted", cut)
		}
	}
	if _, ok := metaKeys(append(p, 0)); ok {
		t.Fatal("trailing bytes accepted")
	}
}

// A warm partial run takes the other files from their metadata entries: an
// unchanged file that clashes with the named one is still found (its keys
// match), one that cannot matter is not even decoded, and nothing is read.
func TestWarmPartialRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := writer(t, dir)
	svc := func(name string) string { return serviceDef(name, "") }
	write("a.yaml", svc("a"))
	write("b.yaml", svc("b"))
	write("c.yaml", svc("a")) // clashes with a
	cacheDir := t.TempDir()
	var indexReads atomic.Int64
	run := func(paths ...string) *Result {
		c, err := OpenCache(cacheDir)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(Options{Dir: dir, ProjectRoot: dir, Paths: paths, Cache: c, indexReads: &indexReads})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	whole := run() // fills the cache
	if len(whole.Diags) != 1 {
		t.Fatalf("whole run: %v", whole.Diags)
	}
	reads := indexReads.Load()
	partial := run("a.yaml")
	if got := brief(partial.Diags); fmt.Sprint(got) != "[a.yaml:5:11 duplicate-service -> c.yaml:5]" || indexReads.Load() != reads {
		t.Fatalf("warm partial run: %v, %d files read for the index (want none)", got, indexReads.Load()-reads)
	}
	partialB := run("b.yaml")
	if len(partialB.Diags) != 0 || indexReads.Load() != reads {
		t.Fatalf("warm partial run of b: %v, %d files read", partialB.Diags, indexReads.Load()-reads)
	}
}

// metaCannotMatter reads the keys as metaKeys does, without allocating.
func TestMetaCannotMatter(t *testing.T) {
	var key cache.Key
	ix := &facts.FileIndex{Facts: []facts.Fact{{Kind: "api", Key: "g1"}, {Kind: "token", Key: "tok"}}}
	p := metaPayload(key, metaNoText, ix)
	named := func(group string) *facts.NeedleSet {
		return facts.Needles([]facts.FileIndex{{Facts: []facts.Fact{{Kind: "api", Key: group}}}})
	}
	if metaCannotMatter(p, named("g1")) || metaCannotMatter(p, facts.Needles([]facts.FileIndex{{Facts: []facts.Fact{{Kind: "token", Key: "tok"}}}})) {
		t.Fatal("a file holding a named key was skipped")
	}
	if !metaCannotMatter(p, named("g2")) {
		t.Fatal("a file holding no named key was not skipped")
	}
	for cut := len(key) + 1; cut < len(p); cut++ {
		if metaCannotMatter(p[:cut], named("g2")) {
			t.Fatalf("truncated at %d: taken as cannot-matter", cut)
		}
	}
	if metaCannotMatter(append(p, 0), named("g2")) {
		t.Fatal("trailing bytes: taken as cannot-matter")
	}
	ns := named("g2")
	if n := testing.AllocsPerRun(100, func() { metaCannotMatter(p, ns) }); n != 0 {
		t.Fatalf("%v allocations per check, want none", n)
	}
}

// writer returns a function that writes a file into dir.
func writer(t *testing.T, dir string) func(name, text string) {
	return func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// serviceDef is a CreateService definition of one service on gateway gw-1,
// with extra lines appended.
func serviceDef(name, extra string) string {
	return "Action: CreateService\ngatewayId: gw-1\nsourceType: K8S\nserviceConfigs:\n  - name: " + name + "\n    namespace: default\n" + extra
}

// metaKeys reads the index keys of a metadata entry; ok is false when it
// holds none or does not decode (then the entry itself must be read).
func metaKeys(p []byte) (keys []string, ok bool) {
	d := &decoder{buf: p[len(cache.Key{})+1:]}
	if len(d.buf) == 0 {
		return nil, false
	}
	n := d.count()
	keys = make([]string, 0, n)
	for i := 0; i < n && !d.bad; i++ {
		keys = append(keys, d.str())
	}
	if d.bad || len(d.buf) != 0 {
		return nil, false
	}
	return keys, true
}

// checkCached is CheckBytes through the cache.
func checkCached(opts *Options, display string, data []byte, explicit bool) *FileResult {
	fr, _ := checkCachedKey(opts, display, data, explicit)
	return fr
}
