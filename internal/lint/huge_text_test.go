package lint_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/lint"
)

// Megabytes of user text in a key or value: every message quotes at most
// a line of it, and checking costs a bounded amount of memory (it used to
// take ~50 s and 1 GB per 5 MB key, for its did-you-mean).
func TestHugeKeysAndValuesAreClipped(t *testing.T) {
	const mb = 1 << 20
	// 1 MB each: the file with seven of them stays within the size limit.
	huge := func(c string) string { return strings.Repeat(c, mb) }
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	name := huge("N")
	write("api.yaml", "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: "+name+"\nVisibility: "+huge("V")+"\nAuthType: APP\n"+
		huge("K")+": 1\n"+
		"RequestConfig:\n  RequestProtocol: HTTP\n  RequestHttpMethod: GET\n  RequestPath: /users/["+huge("p")+"]\n  RequestMode: MAPPING\n  "+huge("R")+": x\n"+
		"ServiceConfig:\n  ServiceProtocol: HTTP\n  ServiceAddress: http://a:8080\n  ServiceHttpMethod: GET\n  ServicePath: /x\n  ServiceTimeout: 3000\n"+
		"ServiceParametersMap:\n  - ServiceParameterName: "+huge("s")+"\n    RequestParameterName: "+huge("r")+"\n")
	write("same-name.yaml", "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: "+name+"\nVisibility: PRIVATE\nAuthType: APP\n"+
		"RequestConfig: '{\"RequestProtocol\": \"HTTP\", \"RequestHttpMethod\": \"GET\", \"RequestPath\": \"/b\", \"RequestMode\": \"MAPPING\", \""+huge("J")+"\": 1}'\n")
	write("action.yaml", "Action: "+huge("C")+"\nGroupId: g\n")
	write("alias.yaml", "Action: CreateApi\nApiName: *"+huge("A")+"\n")
	write("duplicate.yaml", "Action: CreateApi\n"+huge("D")+": 1\n"+huge("D")+": 2\n")
	write("service.json", `{"Action": "CreateService", "gatewayId": "gw-1", "sourceType": "`+huge("T")+`", "`+huge("k")+`": 1}`)

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, err := lint.Run(lint.Options{Paths: []string{"."}, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)

	const maxMessage = 1000 // bytes: a sentence, a few clipped quotes
	files := map[string]int{}
	for _, d := range res.Diags {
		files[d.File]++
		if len(d.Message) > maxMessage {
			t.Errorf("%s:%d:%d [%s]: message of %d bytes: %.200s…", d.File, d.Range.Start.Line, d.Range.Start.Col, d.Rule, len(d.Message), d.Message)
		}
		for _, r := range d.Related {
			if len(r.Message) > maxMessage {
				t.Errorf("%s [%s]: related message of %d bytes: %.200s…", d.File, d.Rule, len(r.Message), r.Message)
			}
		}
	}
	for _, e := range res.Errors {
		t.Errorf("run error: %.300s", e)
	}
	for _, f := range []string{"api.yaml", "same-name.yaml", "action.yaml", "service.json", "alias.yaml", "duplicate.yaml"} {
		if files[f] == 0 {
			t.Errorf("no diagnostic for %s; got:\n%s", f, dump(res))
		}
	}
	expectDiag(t, res, "api.yaml", 6, 1, "unknown-field", `"KKKKKKKKKK`)
	expectDiag(t, res, "action.yaml", 1, 9, "unknown-action", `"CCCCCCCCCC`)
	// Everything allocated during the run, not only what was live at once:
	// a bound on the peak with room to spare (the files are 12 MB).
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 600<<20 {
		t.Errorf("the run allocated %d MiB; want under 600 MiB", alloc>>20)
	}
	t.Logf("allocated %d MiB, %d diagnostics:\n%s", (after.TotalAlloc-before.TotalAlloc)>>20, len(res.Diags), dump(res))
}

// BenchmarkHugeUnknownKey lints one definition with a 5 MB unknown key
// (before the did-you-mean was bounded: ~50 s and 1 GB).
func BenchmarkHugeUnknownKey(b *testing.B) {
	dir := b.TempDir()
	data := "Action: CreateApi\nGroupId: g\nApiName: GetUser\n" + strings.Repeat("X", 5<<20) + ": 1\n"
	if err := os.WriteFile(filepath.Join(dir, "api.yaml"), []byte(data), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := lint.Run(lint.Options{Paths: []string{"api.yaml"}, Dir: dir}); err != nil {
			b.Fatal(err)
		}
	}
}
