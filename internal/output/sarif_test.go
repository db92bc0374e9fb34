package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/rules"
)

// The official SARIF 2.1.0 schemas, kept under testdata/sarif (see the
// README there): the OASIS Standard with Errata 01 (draft-04) and the
// earlier draft-07 edition that SchemaStore and the SARIF SDK use.
var sarifSchemas = []struct {
	file  string
	draft *jsonschema.Draft
}{
	{"../../testdata/sarif/sarif-schema-2.1.0.json", jsonschema.Draft4},
	{"../../testdata/sarif/sarif-schema-2.1.0-draft07.json", jsonschema.Draft7},
}

// compileSARIFSchema compiles one official schema without any network or
// file access beyond the file itself: the compiler refuses every URL, so
// the schema's own id and $schema must resolve from what was added.
func compileSARIFSchema(t *testing.T, file string, draft *jsonschema.Draft) *jsonschema.Schema {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.Draft = draft
	c.AssertFormat = true
	c.LoadURL = func(url string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("the SARIF schema test loads nothing from outside, not %q", url)
	}
	const url = "file:///sarif-schema-2.1.0.json" // any name; the schema's id is resolved against it
	if err := c.AddResource(url, bytes.NewReader(raw)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return s
}

func validateSARIF(t *testing.T, report []byte) {
	t.Helper()
	for _, sc := range sarifSchemas {
		s := compileSARIFSchema(t, sc.file, sc.draft)
		var doc any
		if err := json.Unmarshal(report, &doc); err != nil {
			t.Fatalf("not JSON: %v", err)
		}
		if err := s.Validate(doc); err != nil {
			t.Errorf("SARIF report is not valid against %s:\n%#v", sc.file, err)
		}
	}
}

// TestSARIFValidAgainstOfficialSchema is the check the issue asks for: the
// SARIF of the test data is valid SARIF 2.1.0.
func TestSARIFValidAgainstOfficialSchema(t *testing.T) {
	for name, res := range map[string]*lint.Result{"faulty": faultyResult(t), "hand": handResult(t), "empty": emptyResult()} {
		t.Run(name, func(t *testing.T) {
			validateSARIF(t, render(t, "sarif", res))
			// With a source root the base URI is written too.
			var buf bytes.Buffer
			if err := (&SARIF{Version: "1", SrcRoot: "/home/ci/work/my repo"}).Format(&buf, res); err != nil {
				t.Fatal(err)
			}
			validateSARIF(t, buf.Bytes())
		})
	}
}

// TestSARIFSchemaCatchesMistakes makes sure the validation above can fail:
// reports with typical mistakes must be rejected by both schemas.
func TestSARIFSchemaCatchesMistakes(t *testing.T) {
	good := render(t, "sarif", faultyResult(t))
	mistakes := map[string]func(m map[string]any){
		"no version":     func(m map[string]any) { delete(m, "version") },
		"wrong version":  func(m map[string]any) { m["version"] = "2.0.0" },
		"bad level":      func(m map[string]any) { result(m)["level"] = "fatal" },
		"line 0":         func(m map[string]any) { region(m)["startLine"] = 0 },
		"column as text": func(m map[string]any) { region(m)["startColumn"] = "5" },
		"no message":     func(m map[string]any) { delete(result(m), "message") },
		"unknown field":  func(m map[string]any) { result(m)["severity"] = "error" },
		"bad columnKind": func(m map[string]any) { run(m)["columnKind"] = "runes" },
		"no driver name": func(m map[string]any) {
			delete(run(m)["tool"].(map[string]any)["driver"].(map[string]any), "name")
		},
	}
	for name, mutate := range mistakes {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		mutate(m)
		for _, sc := range sarifSchemas {
			if err := compileSARIFSchema(t, sc.file, sc.draft).Validate(m); err == nil {
				t.Errorf("%s: %s accepted a report with this mistake", name, sc.file)
			}
		}
	}
}

func run(m map[string]any) map[string]any { return m["runs"].([]any)[0].(map[string]any) }
func result(m map[string]any) map[string]any {
	return run(m)["results"].([]any)[0].(map[string]any)
}
func region(m map[string]any) map[string]any {
	loc := result(m)["locations"].([]any)[0].(map[string]any)
	return loc["physicalLocation"].(map[string]any)["region"].(map[string]any)
}

// sarifDoc is the part of a SARIF log the tests read back.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name, Version, InformationURI string
				Rules                         []struct {
					ID                   string
					ShortDescription     struct{ Text string }
					FullDescription      struct{ Text string }
					HelpURI              string
					DefaultConfiguration struct {
						Enabled *bool
						Level   string
					}
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct{ Message struct{ Text string } }
		}
		OriginalURIBaseIDs map[string]struct {
			URI string
		} `json:"originalUriBaseIds"`
		ColumnKind string
		Results    []struct {
			RuleID              string
			RuleIndex           *int
			Level               string
			Message             struct{ Text string }
			Locations           []sarifLocDoc
			RelatedLocations    []sarifLocDoc
			PartialFingerprints map[string]string
		}
	}
}

type sarifLocDoc struct {
	ID               int
	Message          struct{ Text string }
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string
			URIBaseID string `json:"uriBaseId"`
		}
		Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
	}
}

func parseSARIF(t *testing.T, report []byte) sarifDoc {
	t.Helper()
	var doc sarifDoc
	if err := json.Unmarshal(report, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(doc.Runs))
	}
	return doc
}

func TestSARIFDriverListsEveryRule(t *testing.T) {
	doc := parseSARIF(t, render(t, "sarif", emptyResult()))
	d := doc.Runs[0].Tool.Driver
	if d.Name != "apigwlint" || d.Version != testOptions.Version || d.InformationURI != ProjectURI {
		t.Errorf("driver = %q %q %q", d.Name, d.Version, d.InformationURI)
	}
	all := rules.All()
	if len(d.Rules) != len(all) {
		t.Fatalf("driver lists %d rules, the registry %d", len(d.Rules), len(all))
	}
	for i, r := range all {
		got := d.Rules[i]
		if got.ID != r.ID || got.ShortDescription.Text != r.Doc.Summary || got.FullDescription.Text != r.Doc.Why {
			t.Errorf("rule %d = %s %q %q, want %s with its Doc", i, got.ID, got.ShortDescription.Text, got.FullDescription.Text, r.ID)
		}
		if want := "https://github.com/apigwlint/apigwlint/blob/main/docs/rules.md#" + r.ID; got.HelpURI != want {
			t.Errorf("%s: helpUri %q, want %q", r.ID, got.HelpURI, want)
		}
		wantLevel := r.Severity.String()
		if r.Severity == diag.Off {
			wantLevel = "none"
		}
		if got.DefaultConfiguration.Level != wantLevel {
			t.Errorf("%s: default level %q, want %q", r.ID, got.DefaultConfiguration.Level, wantLevel)
		}
	}
	// An off-by-default rule is disabled with level none.
	off := sarifRuleOf(&rules.Rule{ID: "x", Severity: diag.Off, Doc: rules.Doc{Summary: "s"}})
	if off.DefaultConfiguration.Level != "none" || off.DefaultConfiguration.Enabled == nil || *off.DefaultConfiguration.Enabled {
		t.Errorf("off rule configuration = %+v", off.DefaultConfiguration)
	}
	if off.FullDescription.Text != "s" {
		t.Errorf("a rule without Why gets its summary as full description, got %q", off.FullDescription.Text)
	}
}

func TestSARIFResults(t *testing.T) {
	res := faultyResult(t)
	doc := parseSARIF(t, render(t, "sarif", res))
	r := doc.Runs[0]
	if r.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", r.ColumnKind)
	}
	if _, ok := r.OriginalURIBaseIDs["%SRCROOT%"]; !ok {
		t.Errorf("no %%SRCROOT%% in originalUriBaseIds: %v", r.OriginalURIBaseIDs)
	}
	if len(r.Results) != len(res.Diags) || len(res.Diags) < 5 {
		t.Fatalf("%d results for %d diagnostics", len(r.Results), len(res.Diags))
	}
	all := rules.All()
	files := sourceFiles(res)
	for i, got := range r.Results {
		d := res.Diags[i]
		if got.RuleID != d.Rule || got.RuleIndex == nil || all[*got.RuleIndex].ID != d.Rule {
			t.Errorf("result %d: ruleId %q ruleIndex %v, want %q", i, got.RuleID, got.RuleIndex, d.Rule)
		}
		if got.Level != d.Severity.String() || got.Message.Text != d.Message {
			t.Errorf("result %d: %s %q", i, got.Level, got.Message.Text)
		}
		loc := got.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.ArtifactLocation.URI != d.File {
			t.Errorf("result %d: artifact %+v, want %s against %%SRCROOT%%", i, loc.ArtifactLocation, d.File)
		}
		reg := loc.Region
		if reg.StartLine != d.Range.Start.Line || reg.StartColumn != d.Range.Start.Col || reg.EndLine != d.Range.End.Line || reg.EndColumn != d.Range.End.Col {
			t.Errorf("result %d: region %+v, want %v", i, reg, d.Range)
		}
		// Columns count characters: the region must cover the same text
		// the diagnostic does, even after CJK and an emoji.
		line := []rune(files[d.File].Line(reg.StartLine))
		if reg.EndLine == reg.StartLine && reg.EndColumn-1 > len(line) {
			t.Errorf("result %d: region ends past the line", i)
		}
		if len(got.PartialFingerprints["apigwlint/v1"]) != 32 {
			t.Errorf("result %d: fingerprint %q", i, got.PartialFingerprints)
		}
	}
	// The enum mistake on the line with 用户 and 😀: startColumn counts
	// code points, so it points at "GETX", not one or two columns off.
	for i, got := range r.Results {
		if !strings.Contains(got.Message.Text, `"GETX"`) {
			continue
		}
		reg := got.Locations[0].PhysicalLocation.Region
		line := files[res.Diags[i].File].Line(reg.StartLine)
		want := utf8.RuneCountInString(line[:strings.Index(line, "GETX")]) + 1
		if reg.StartColumn != want || reg.EndColumn != want+4 {
			t.Errorf("GETX region columns %d-%d, want %d-%d", reg.StartColumn, reg.EndColumn, want, want+4)
		}
		return
	}
	t.Error("the fixture no longer has the GETX mistake")
}

func TestSARIFRelatedAndHostileNames(t *testing.T) {
	res := handResult(t)
	doc := parseSARIF(t, render(t, "sarif", res))
	r := doc.Runs[0]
	if r.Invocations[0].ExecutionSuccessful || len(r.Invocations[0].ToolExecutionNotifications) != 1 {
		t.Errorf("invocation = %+v, want a failed one with the unchecked path", r.Invocations[0])
	}
	byURI := map[string]bool{}
	for i, got := range r.Results {
		d := res.Diags[i]
		byURI[got.Locations[0].PhysicalLocation.ArtifactLocation.URI] = true
		if (got.RuleIndex == nil) != (rules.ByID(d.Rule) == nil) {
			t.Errorf("%s: ruleIndex %v", d.Rule, got.RuleIndex)
		}
		if got.Level != d.Severity.String() {
			t.Errorf("%s: level %q, want %q", d.Rule, got.Level, d.Severity)
		}
		if len(got.RelatedLocations) != len(d.Related) {
			t.Errorf("%s: %d related locations, want %d", d.Rule, len(got.RelatedLocations), len(d.Related))
		}
		for j, rel := range got.RelatedLocations {
			want := d.Related[j]
			if rel.ID != j+1 || rel.Message.Text != want.Message || rel.PhysicalLocation.ArtifactLocation.URI != want.File ||
				rel.PhysicalLocation.Region.StartLine != want.Range.Start.Line {
				t.Errorf("%s: related %+v, want %+v", d.Rule, rel, want)
			}
		}
	}
	for _, uri := range []string{
		"%3Cstdin%3E.yaml",
		"apis/we%2Cird%3A%20100%25%0D%0A%3A%3Aerror%20file%3Dx%3A%3Apwned.yaml",
	} {
		if !byURI[uri] {
			t.Errorf("no result at %q; have %v", uri, byURI)
		}
	}
}

func TestSARIFURIs(t *testing.T) {
	for in, want := range map[string]sarifArtifactLocation{
		"apis/a.yaml":        {URI: "apis/a.yaml", URIBaseID: "%SRCROOT%"},
		"../shared/b.yaml":   {URI: "../shared/b.yaml", URIBaseID: "%SRCROOT%"},
		"a:b.yaml":           {URI: "a%3Ab.yaml", URIBaseID: "%SRCROOT%"}, // would read as scheme "a:"
		"用户.yaml":            {URI: "%E7%94%A8%E6%88%B7.yaml", URIBaseID: "%SRCROOT%"},
		"dir/#frag?q.yaml":   {URI: "dir/%23frag%3Fq.yaml", URIBaseID: "%SRCROOT%"},
		"/abs/path/c d.yaml": {URI: "file:///abs/path/c%20d.yaml"},
	} {
		if got := artifactOf(in); got.URI != want.URI || got.URIBaseID != want.URIBaseID {
			t.Errorf("artifactOf(%q) = %+v, want %+v", in, got, want)
		}
	}
	if got := dirURI("/home/ci/my repo"); got != "file:///home/ci/my%20repo/" {
		t.Errorf("dirURI = %q", got)
	}
	if got := escapePath("/C:/x", true); got != "/C:/x" {
		t.Errorf("a drive letter's colon is kept in an absolute path, got %q", got)
	}
}

// TestFingerprintStable: an edit that moves a finding does not change its
// fingerprint; an edit of its line does; twins differ.
func TestFingerprintStable(t *testing.T) {
	base := "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: K8Z\nserviceConfigs:\n  - name: users\n    namespace: default\n"
	check := func(text string) (*lint.Result, []string) {
		fr := lint.CheckBytes("services/a.yaml", []byte(text), true)
		res := &lint.Result{Files: []*lint.FileResult{fr}, Diags: fr.Diags}
		diag.Sort(res.Diags)
		if len(res.Diags) != 1 {
			t.Fatalf("want one diagnostic, got %v", res.Diags)
		}
		return res, fingerprints(res)
	}
	res1, fp1 := check(base)
	res2, fp2 := check("# a comment\n# and another\n" + base)
	if res1.Diags[0].Range.Start.Line == res2.Diags[0].Range.Start.Line {
		t.Fatal("the finding did not move")
	}
	if fp1[0] != fp2[0] {
		t.Errorf("moving a finding changed its fingerprint: %s → %s", fp1[0], fp2[0])
	}
	_, fp3 := check(strings.Replace(base, "K8Z", "K9Z", 1))
	if fp3[0] == fp1[0] {
		t.Error("a different value on the line kept the fingerprint")
	}
	hand := fingerprints(handResult(t))
	seen := map[string]bool{}
	for _, fp := range hand {
		if seen[fp] {
			t.Errorf("duplicate fingerprint %s in %v", fp, hand)
		}
		seen[fp] = true
	}
}
