package lint_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
)

// Hostile input: every input below gets a clear diagnostic naming the file
// (or an error naming the path), and the run goes on: each test lints a
// directory holding the hostile file and a faulty companion definition,
// and the companion's diagnostic must be reported too. Small inputs are
// files in testdata/hostile; large ones are generated here.

// companion has one known problem: a misspelt key at 6:5.
const companion = "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: K8S\nserviceConfigs:\n  - name: companion\n    namepsace: default\n"

func hostileFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hostile", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// runHostile lints a directory holding name (with data) and the companion.
func runHostile(t *testing.T, name string, data []byte, opts ...func(*lint.Options)) *lint.Result {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "companion.yaml"), []byte(companion), 0o644); err != nil {
		t.Fatal(err)
	}
	o := lint.Options{Paths: []string{"."}, Dir: dir}
	for _, f := range opts {
		f(&o)
	}
	res, err := lint.Run(o)
	if err != nil {
		t.Fatal(err)
	}
	expectDiag(t, res, "companion.yaml", 6, 5, "unknown-field", `"namepsace"`)
	return res
}

// expectDiag fails unless res holds a diagnostic in file at line:col (col
// 0: any) of rule whose message contains msg.
func expectDiag(t *testing.T, res *lint.Result, file string, line, col int, rule, msg string) {
	t.Helper()
	for _, d := range res.Diags {
		if d.File == file && d.Range.Start.Line == line && (col == 0 || d.Range.Start.Col == col) && d.Rule == rule && strings.Contains(d.Message, msg) {
			return
		}
	}
	t.Errorf("no %s diagnostic at %s:%d:%d containing %q; got:\n%s", rule, file, line, col, msg, dump(res))
}

func dump(res *lint.Result) string {
	var b strings.Builder
	for _, d := range res.Diags {
		fmt.Fprintf(&b, "  %s:%d:%d %s %s\n", d.File, d.Range.Start.Line, d.Range.Start.Col, d.Rule, d.Message)
	}
	for _, e := range res.Errors {
		fmt.Fprintf(&b, "  error: %s\n", e)
	}
	return b.String()
}

// only fails unless file's diagnostics are exactly one of rule.
func only(t *testing.T, res *lint.Result, file, rule string) {
	t.Helper()
	var got []diag.Diagnostic
	for _, d := range res.Diags {
		if d.File == file {
			got = append(got, d)
		}
	}
	if len(got) != 1 || got[0].Rule != rule {
		t.Errorf("%s: want exactly one %s diagnostic, got:\n%s", file, rule, dump(res))
	}
}

func timed(t *testing.T, limit time.Duration, f func()) {
	t.Helper()
	limit *= timeScale
	start := time.Now()
	f()
	if d := time.Since(start); d > limit {
		t.Errorf("took %v, more than %v", d, limit)
	}
}

func TestHostileFileTooLarge(t *testing.T) {
	setMax := func(o *lint.Options) { o.MaxFileSize = 1000 }
	res := runHostile(t, "big.yaml", bytes.Repeat([]byte("#"), 1001), setMax)
	expectDiag(t, res, "big.yaml", 1, 1, "limit", "file is 1001 bytes, over the 1000-byte limit")
	// At the limit exactly, the file is read (and is a comment: skipped).
	res = runHostile(t, "big.yaml", bytes.Repeat([]byte("#"), 1000), setMax)
	if res.Skipped != 1 {
		t.Errorf("a file of exactly the limit was not read: %s", dump(res))
	}
	// The default limit, on a sparse file that is never read.
	dir := t.TempDir()
	f, _ := os.Create(filepath.Join(dir, "huge.json"))
	f.Truncate(lint.DefaultMaxFileSize + 1)
	f.Close()
	os.WriteFile(filepath.Join(dir, "companion.yaml"), []byte(companion), 0o644)
	res, _ = lint.Run(lint.Options{Paths: []string{"."}, Dir: dir})
	expectDiag(t, res, "huge.json", 1, 1, "limit", fmt.Sprintf("over the %d-byte limit", lint.DefaultMaxFileSize))
	expectDiag(t, res, "companion.yaml", 6, 5, "unknown-field", "namepsace")
}

func TestHostileDeepNesting(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	var block strings.Builder
	for i := 0; i < 300; i++ {
		block.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	cases := []struct {
		name, text string
		line, col  int
		rule       string
	}{
		{"flow.yaml", "a: " + deep + "\n", 1, 1, "limit"},
		{"block.yaml", block.String(), 201, 1, "limit"},
		{"dashes.yaml", "a:\n  " + strings.Repeat("- ", 100000) + "x\n", 2, 1, "limit"},
		{"after-key.yaml", "a: " + strings.Repeat("- ", 100000) + "x\n", 1, 1, "limit"},
		{"deep.json", deep, 1, 201, "limit"},
		{"in-string.yaml", "Action: CreateApi\nRequestConfig: '" + deep + "'\n", 2, 217, "limit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			timed(t, 2*time.Second, func() {
				res := runHostile(t, c.name, []byte(c.text))
				expectDiag(t, res, c.name, c.line, c.col, c.rule, "deeper than 200 levels")
			})
		})
	}
}

func TestHostileAliasBomb(t *testing.T) {
	timed(t, time.Second, func() {
		res := runHostile(t, "billion-laughs.yaml", hostileFile(t, "billion-laughs.yaml"))
		expectDiag(t, res, "billion-laughs.yaml", 3, 20, "limit", "alias expansion exceeds the limit")
		only(t, res, "billion-laughs.yaml", "limit")
	})
}

// go-yaml is quadratic in the keys of one mapping and holds hundreds of
// bytes per value: both are bounded before parsing.
func TestHostileManyKeysAndValues(t *testing.T) {
	var keys strings.Builder
	keys.WriteString("Action: CreateService\n")
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&keys, "k%d: v\n", i)
	}
	values := "a: [" + strings.Repeat("1,", 300000) + "1]\n"
	jsonValues := "[" + strings.Repeat("1,", 300000) + "1]"
	cases := []struct {
		name, text string
		line, col  int
		msg        string
	}{
		{"keys.yaml", keys.String(), 1001, 1, "more than 1000 keys"},
		{"values.yaml", values, 1, 1, "more than 200000 values"},
		{"values.json", jsonValues, 1, 400000, "more than 200000 values"},
		{"in-string.yaml", "Action: CreateApi\nRequestParameters: '" + jsonValues + "'\n", 2, 0, "more than 200000 values"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			timed(t, 2*time.Second, func() {
				res := runHostile(t, c.name, []byte(c.text))
				expectDiag(t, res, c.name, c.line, c.col, "limit", c.msg)
			})
		})
	}
}

func TestHostileEncodings(t *testing.T) {
	cases := []struct {
		file      string
		line, col int
		msg       string
	}{
		{"invalid-utf8.yaml", 2, 15, "invalid UTF-8 (byte 0xFF)"},
		{"nul.yaml", 1, 22, "NUL byte"},
		{"utf16.yaml", 1, 1, "UTF-16"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			res := runHostile(t, c.file, hostileFile(t, c.file))
			expectDiag(t, res, c.file, c.line, c.col, "encoding", c.msg)
			only(t, res, c.file, "encoding")
		})
	}
}

// A BOM is accepted and not counted; CRLF and CR end lines like LF: the
// same misspelt key is found at the same line and column in each.
func TestHostileBOMAndLineEndings(t *testing.T) {
	for _, file := range []string{"bom.yaml", "crlf.yaml", "cr.yaml"} {
		t.Run(file, func(t *testing.T) {
			res := runHostile(t, file, hostileFile(t, file))
			expectDiag(t, res, file, 6, 5, "unknown-field", `"namespce"`)
			only(t, res, file, "unknown-field")
		})
	}
}

func TestHostileLongLines(t *testing.T) {
	long := strings.Repeat("x", 2<<20)
	yaml := "{Action: CreateService, gatewayId: gw-cq7l5s5lhtg001, sourceType: K8S, serviceConfigs: [{name: users, namespace: default}], Description: \"" + long + "\", typo: 1}\n"
	json := `{"Action": "CreateService", "gatewayId": "gw-cq7l5s5lhtg001", "sourceType": "K8S", "serviceConfigs": [{"name": "users", "namespace": "default"}], "Description": "` + long + `", "typo": 1}`
	for name, text := range map[string]string{"long.yaml": yaml, "long.json": json} {
		t.Run(name, func(t *testing.T) {
			timed(t, 3*time.Second, func() {
				res := runHostile(t, name, []byte(text))
				col := strings.Index(text, "typo") + 1
				if name == "long.json" {
					col-- // the quote
				}
				expectDiag(t, res, name, 1, col, "unknown-field", `"typo"`)
			})
		})
	}
}

func TestHostileHugeNumbers(t *testing.T) {
	res := runHostile(t, "huge-numbers.json", hostileFile(t, "huge-numbers.json"))
	expectDiag(t, res, "huge-numbers.json", 3, 95, "schema", "ServiceTimeout 1e400 is not valid")
	res = runHostile(t, "huge-numbers.yaml", hostileFile(t, "huge-numbers.yaml"))
	expectDiag(t, res, "huge-numbers.yaml", 7, 5, "unknown-field", `"port"`)
	expectDiag(t, res, "huge-numbers.yaml", 8, 5, "unknown-field", `"weight"`)
}

// .inf and .nan are not JSON numbers: they stay the text written.
func TestHostileInfNaN(t *testing.T) {
	res := runHostile(t, "inf-nan.yaml", hostileFile(t, "inf-nan.yaml"))
	expectDiag(t, res, "inf-nan.yaml", 6, 84, "schema", `ServiceTimeout ".inf" is not valid`)
	only(t, res, "inf-nan.yaml", "schema") // Tag Key .nan and Value .NaN are strings
}

// Tags: !!str keeps the text, !!binary is not decoded, unknown tags are
// ignored.
func TestHostileTags(t *testing.T) {
	res := runHostile(t, "tags.yaml", hostileFile(t, "tags.yaml"))
	expectDiag(t, res, "tags.yaml", 3, 10, "schema", `ApiName "R2V0VXNlcg==" is not valid`)
	only(t, res, "tags.yaml", "schema")
}

// Merge keys bring their keys in, reported where they are written.
func TestHostileMergeKeys(t *testing.T) {
	res := runHostile(t, "merge-keys.yaml", hostileFile(t, "merge-keys.yaml"))
	expectDiag(t, res, "merge-keys.yaml", 7, 53, "unknown-field", `"extra"`)
	only(t, res, "merge-keys.yaml", "unknown-field")
	if res.Definitions != 2 { // the companion and the second document
		t.Errorf("%d definitions", res.Definitions)
	}
}

// Ten thousand documents in one file: linear (each document is parsed on
// its own) and one tree at a time.
func TestHostileManyDocuments(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&b, "---\nAction: CreateService\ngatewayId: gw-a\nsourceType: K8S\nserviceConfigs: [{name: s%d, namespace: d}]\n", i)
	}
	b.WriteString("---\nAction: CreateService\ntypo: 1\n")
	timed(t, 5*time.Second, func() {
		res := runHostile(t, "many.yaml", []byte(b.String()))
		expectDiag(t, res, "many.yaml", 50003, 1, "unknown-field", `"typo"`)
		if res.Definitions != 10002 {
			t.Errorf("%d definitions", res.Definitions)
		}
	})
}
