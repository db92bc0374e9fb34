package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
	"github.com/apigwlint/apigwlint/rules"
)

const benchDefinitions = 10000

// benchProject writes a project of benchDefinitions definitions, one per
// file: nine CreateApi for one CreateService, APIs spread over 50 groups,
// with a few real clashes so that the rules have something to report.
func benchProject(b *testing.B) string {
	b.Helper()
	root := b.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < benchDefinitions; i++ {
		var name, text string
		if i%10 == 9 {
			name = fmt.Sprintf("services/s%03d/service-%05d.yaml", i%100, i)
			text = fmt.Sprintf("Action: CreateService\ngatewayId: gw-bench%03d\nsourceType: K8S\nclientToken: token-%05d\n"+
				"serviceConfigs:\n  - name: service-%05d\n    namespace: default\n", i%7, i, i%4000)
		} else {
			name = fmt.Sprintf("apis/g%02d/api-%05d.yaml", i%50, i)
			g := fmt.Sprintf("%032x", i%50)
			text = "Action: CreateApi\nGroupId: " + g + fmt.Sprintf("\nApiName: Api%05d\nVisibility: PRIVATE\nAuthType: APP\n", i%9000) +
				"RequestConfig:\n  RequestProtocol: HTTPS\n  RequestHttpMethod: " + []string{"GET", "POST", "PUT", "ANY"}[i%4] +
				fmt.Sprintf("\n  RequestPath: /r%d/items/[id%d]\n  RequestMode: PASSTHROUGH\n", i%2000, i) +
				"ServiceConfig:\n  ServiceProtocol: HTTP\n  ServiceAddress: http://backend.internal:8080\n  ServiceTimeout: 3000\n" +
				fmt.Sprintf("RequestParameters:\n  - ApiParameterName: id%d\n    Location: PATH\n    ParameterType: String\n    Required: REQUIRED\n", i)
		}
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return root
}

// BenchmarkIndexPartialRun is the pre-commit case on a large project: one
// file named, every other file read, and those that may hold a clashing
// key (its group: a fiftieth of the project) parsed for the project index,
// then the project rules. One op = one run over 10,000 definitions.
func BenchmarkIndexPartialRun(b *testing.B) { benchPartialRun(b, true) }

// BenchmarkIndexPartialRunEveryFile is the worst case: every other file
// may matter (as when the named file's keys are in all of them), so each
// is parsed and normalised for the index.
func BenchmarkIndexPartialRunEveryFile(b *testing.B) { benchPartialRun(b, false) }

func benchPartialRun(b *testing.B, narrowed bool) {
	root := benchProject(b)
	named := "apis/g00/api-00000.yaml"
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Run(Options{Dir: root, Paths: []string{named}, wholeIndex: !narrowed})
		if err != nil || len(res.Errors) > 0 {
			b.Fatal(err, res.Errors)
		}
		if res.Summary.Files != 1 {
			b.Fatalf("reported %d files", res.Summary.Files)
		}
	}
	b.ReportMetric(float64(benchDefinitions)*float64(b.N)/b.Elapsed().Seconds(), "defs/s")
}

// BenchmarkIndexRules is the project step alone: merge 10,000 per-file
// index parts and run every project rule (path-unique-strict included).
func BenchmarkIndexRules(b *testing.B) {
	parts := make([]facts.FileIndex, benchDefinitions)
	for i := range parts {
		file := fmt.Sprintf("apis/g%02d/api-%05d.yaml", i%50, i)
		at := facts.Loc{File: file, Range: diag.Range{Start: diag.Pos{Line: 3, Col: 10}, End: diag.Pos{Line: 3, Col: 18}}}
		path := fmt.Sprintf("/r%d/items/[id%d]", i%2000, i)
		group, name := fmt.Sprintf("%032x", i%50), fmt.Sprintf("Api%05d", i%9000)
		parts[i].Facts = []facts.Fact{
			{Kind: "api-name", Key: group, At: at, Attrs: []string{name}},
			{Kind: "api-path", Key: group, At: at, Attrs: []string{[]string{"GET", "POST", "PUT", "ANY"}[i%4], path, rules.PathShape(path, false), name}},
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out []diag.Diagnostic
		ctx := rules.NewProjectContext(facts.NewIndex(append([]facts.FileIndex(nil), parts...), nil), &out)
		for _, r := range rules.All() {
			if r.Kind == rules.Project {
				ctx.Run(r)
			}
		}
		if len(out) == 0 {
			b.Fatal("no clash found")
		}
	}
}
