package output

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/source"
)

var update = flag.Bool("update", false, "rewrite the golden files of the output formats")

// goldenDir holds one expected report per test result and format:
// NAME.FORMAT.golden.
const goldenDir = "../../testdata/golden/formats"

// faultyDir is a small project with several mistakes, checked by the real
// engine.
const faultyDir = "../../testdata/golden/faulty"

// testOptions are the formatter options of the golden reports: a fixed
// version and no source root, so that they do not depend on the machine.
var testOptions = Options{Version: "0.0.0-test"}

// faultyResult lints testdata/golden/faulty with the real engine, from
// inside it, so that paths read apis/get-user.yaml.
func faultyResult(t *testing.T) *lint.Result {
	t.Helper()
	dir, err := filepath.Abs(faultyDir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(lint.Options{Dir: dir, ProjectRoot: dir, Paths: []string{"."}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("the fixture could not be checked: %v", res.Errors)
	}
	return res
}

// Hand-made files and diagnostics for what the engine on this branch does
// not produce yet: warnings, cross-file findings with related locations,
// a rule missing from the registry, hostile file names and messages,
// multi-line ranges, twin findings, unchecked paths.
const (
	ordersYAML = "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: Orders\nRequestConfig:\n  RequestPath: /orders\n  RequestPath: /orders\nServiceConfig: {ServiceProtocol: HTTP}\n"
	legacyJSON = "{\n  \"Action\": \"CreateApi\",\n  \"ApiName\": \"Orders\"\n}\n"
	evilYAML   = "Action: CreateApi\nApiName: \"100% done\\r\\n::error::x\"\n"
	evilName   = "apis/we,ird: 100%\r\n::error file=x::pwned.yaml"
	evilMsg    = "value \"100%\" ends the line\r\n::error file=x,line=1::injected, a:b <&> ]]> \x1b[31mred\x1b[0m \u202eevil"
)

func handResult(t *testing.T) *lint.Result {
	t.Helper()
	load := func(path, text string) *source.File { return source.Load(path, []byte(text), source.DefaultOptions) }
	rng := func(l1, c1, l2, c2 int) diag.Range {
		return diag.Range{Start: diag.Pos{Line: l1, Col: c1}, End: diag.Pos{Line: l2, Col: c2}}
	}
	orders := &lint.FileResult{Path: "apis/orders.yaml", File: load("apis/orders.yaml", ordersYAML), Definitions: 1}
	orders.Diags = []diag.Diagnostic{
		{File: orders.Path, Range: rng(3, 10, 3, 16), Severity: diag.Warning, Rule: "duplicate-api-name",
			Message: `API name "Orders" is also used by apis/legacy/orders.json in group 08ae4aa0f95e4321849ee57f4e0b3077`,
			Pointer: "/ApiName", Related: []diag.Related{{File: "apis/legacy/orders.json", Range: rng(3, 14, 3, 22), Message: "the other definition named \"Orders\""}}},
		{File: orders.Path, Range: rng(4, 1, 7, 1), Severity: diag.Warning, Rule: "unknown-field",
			Message: "a range over several lines", Pointer: "/RequestConfig"},
		// Twins: same rule, message and line text.
		{File: orders.Path, Range: rng(5, 3, 5, 14), Severity: diag.Error, Rule: "schema", Message: "twin", Pointer: "/RequestConfig/RequestPath"},
		{File: orders.Path, Range: rng(6, 3, 6, 14), Severity: diag.Error, Rule: "schema", Message: "twin", Pointer: "/RequestConfig/RequestPath"},
	}
	legacy := &lint.FileResult{Path: "apis/legacy/orders.json", File: load("apis/legacy/orders.json", legacyJSON), Definitions: 1}
	evil := &lint.FileResult{Path: evilName, File: load(evilName, evilYAML), Definitions: 1}
	evil.Diags = []diag.Diagnostic{{File: evil.Path, Range: rng(2, 10, 2, 33), Severity: diag.Error, Rule: "schema", Message: evilMsg, Pointer: "/ApiName"}}
	stdin := &lint.FileResult{Path: "<stdin>.yaml", Explicit: true, File: load("<stdin>.yaml", "Action: CreateApi\n")}
	stdin.Diags = []diag.Diagnostic{{File: stdin.Path, Range: rng(1, 9, 1, 18), Severity: diag.Error, Rule: "not-a-definition", Message: "no definition"}}
	skipped := &lint.FileResult{Path: "docs/notes.yaml", Skipped: true}
	res := &lint.Result{
		Files:  []*lint.FileResult{stdin, legacy, orders, evil, skipped},
		Errors: []string{"cannot read apis/secret.yaml: permission denied"},
	}
	for _, fr := range res.Files {
		res.Diags = append(res.Diags, fr.Diags...)
		if fr.Skipped {
			res.Skipped++
		} else {
			res.Summary.Files++
		}
		res.Definitions += fr.Definitions
	}
	diag.Sort(res.Diags)
	for _, d := range res.Diags {
		if d.Severity == diag.Error {
			res.Summary.Errors++
		} else {
			res.Summary.Warnings++
		}
	}
	return res
}

// emptyResult is a run that found nothing: every format must still write
// a valid, empty report.
func emptyResult() *lint.Result { return &lint.Result{} }

func render(t *testing.T, format string, res *lint.Result) []byte {
	t.Helper()
	f, err := New(format, testOptions)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Format(&buf, res); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

// TestGolden compares every format's report of every test result with
// its golden file; go test ./internal/output -update rewrites them.
func TestGolden(t *testing.T) {
	results := map[string]*lint.Result{"faulty": faultyResult(t), "hand": handResult(t), "empty": emptyResult()}
	for _, format := range Names() {
		for name, res := range results {
			t.Run(name+"."+format, func(t *testing.T) {
				got := render(t, format, res)
				path := filepath.Join(goldenDir, name+"."+format+".golden")
				if *update {
					if err := os.MkdirAll(goldenDir, 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/output -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s (run go test ./internal/output -update after checking the change):\n%s", format, path, firstDiff(string(want), string(got)))
				}
			})
		}
	}
}

// TestDeterministic renders each report twice, the second time from a run
// with a different number of workers: the bytes must not change.
func TestDeterministic(t *testing.T) {
	dir, _ := filepath.Abs(faultyDir)
	one, err := lint.Run(lint.Options{Dir: dir, ProjectRoot: dir, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	many, err := lint.Run(lint.Options{Dir: dir, ProjectRoot: dir, Workers: 8})
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range Names() {
		if a, b := render(t, format, one), render(t, format, many); !bytes.Equal(a, b) {
			t.Errorf("%s: report depends on the run:\n%s", format, firstDiff(string(a), string(b)))
		}
	}
}

// TestEveryFormatRegistered guards the list the --format flag shows.
func TestEveryFormatRegistered(t *testing.T) {
	want := "checkstyle github gitlab json junit sarif text"
	if got := strings.Join(Names(), " "); got != want {
		t.Errorf("Names() = %q, want %q", got, want)
	}
	if _, err := New("sarif2", testOptions); err == nil || !strings.Contains(err.Error(), "checkstyle, github") {
		t.Errorf("New(sarif2) error = %v, want the list of formats", err)
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(same lines, different bytes)"
}
