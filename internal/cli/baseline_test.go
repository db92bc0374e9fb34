package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/baseline"
	"github.com/apigwlint/apigwlint/internal/output"
)

// faultyCopy copies testdata/faulty into a repository of its own (a
// .git directory marks the project root) and makes it the working
// directory.
func faultyCopy(t *testing.T) string {
	t.Helper()
	src := filepath.Join(repoRoot(t), "testdata", "faulty")
	dir := filepath.Join(t.TempDir(), "project")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	noConfigAbove(t, dir)
	t.Chdir(dir)
	return dir
}

// edit replaces old by new in a file of the working directory (once; the
// test fails when old is not there).
func edit(t *testing.T, name, old, new string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", name, old)
	}
	if err := os.WriteFile(name, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func summaryLine(stdout string) string {
	lines := strings.Split(strings.TrimRight(stdout, "\n"), "\n")
	return lines[len(lines)-1]
}

// Adopting on testdata/faulty: the baseline records every finding, lint
// then passes; a new finding fails alone; moving lines and definitions
// around changes nothing.
func TestBaselineAdopt(t *testing.T) {
	dir := faultyCopy(t)
	before, code, _ := runJSON(t, ".")
	if code != ExitFindings || len(before.Diagnostics) < 10 {
		t.Fatalf("faulty project: exit %d, %d findings", code, len(before.Diagnostics))
	}
	stdout, stderr, code := run(t, "baseline")
	want := "wrote " + baseline.FileName + ": " + countOf(len(before.Diagnostics), "finding") + " in 4 files\n"
	if code != ExitOK || stdout != want || stderr != "" {
		t.Fatalf("baseline: exit %d, %q (want %q), stderr %q", code, stdout, want, stderr)
	}
	written, err := baseline.Read(filepath.Join(dir, baseline.FileName), baseline.FileName)
	if err != nil || written.Findings() != len(before.Diagnostics) {
		t.Fatalf("the baseline written: %v, %v", written, err)
	}
	// Deterministic: writing it again gives the same bytes.
	first, _ := os.ReadFile(baseline.FileName)
	run(t, "baseline", ".")
	if again, _ := os.ReadFile(baseline.FileName); string(again) != string(first) {
		t.Errorf("a second baseline differs:\n%s\n%s", first, again)
	}

	stdout, stderr, code = run(t, "lint", "--color", "never")
	wantSummary := "4 files, 6 definitions: 0 errors, 0 warnings; " + itoa(len(before.Diagnostics)) + " in the baseline"
	if code != ExitOK || stdout != wantSummary+"\n" || stderr != "" {
		t.Fatalf("lint with the baseline: exit %d\n%s\nwant %s\nstderr %s", code, stdout, wantSummary, stderr)
	}
	// The baseline file itself is not linted, with or without it.
	if stdout, _, _ := run(t, "lint", "--no-baseline"); !strings.HasPrefix(summaryLine(stdout), "4 files, 6 definitions: ") || strings.Contains(stdout, "skipped") {
		t.Errorf("--no-baseline: %q", summaryLine(stdout))
	}

	// Lines and definitions move: a comment and blank lines on top, the
	// two definitions of orders.yaml swapped, keys reordered.
	edit(t, "apis/get-user.yaml", "Action: CreateApi\n", "# moved down\n\n\nAction: CreateApi\n")
	orders, _ := os.ReadFile("apis/orders.yaml")
	docs := strings.SplitN(string(orders), "---\n---\n", 2)
	os.WriteFile("apis/orders.yaml", []byte(docs[1]+"\n---\n"+docs[0]), 0o644)
	edit(t, "apis/users-v2.yaml", "Action: CreateApi\n", "")
	edit(t, "apis/users-v2.yaml", "\nRequestConfig:", "\nAction: CreateApi\nRequestConfig:")
	moved, code, stderr := runJSON(t, "--no-baseline")
	if code != ExitFindings || len(moved.Diagnostics) != len(before.Diagnostics) {
		t.Fatalf("after the moves, without the baseline: exit %d, %d findings (want %d)", code, len(moved.Diagnostics), len(before.Diagnostics))
	}
	for i, d := range moved.Diagnostics {
		if (d.File == "apis/get-user.yaml" || d.File == "apis/orders.yaml") && d.Line == before.Diagnostics[i].Line {
			t.Fatalf("the edits did not move %+v", d)
		}
	}
	if stdout, stderr, code := run(t, "lint", "--color", "never"); code != ExitOK || summaryLine(stdout) != wantSummary || stderr != "" {
		t.Fatalf("after the moves: exit %d\n%s\nstderr %s", code, stdout, stderr)
	}

	// A new finding fails the check, and is the only one reported.
	edit(t, "apis/orders.yaml", "ApiName: ListOrders\nVisibility: PRIVATE", "ApiName: ListOrders\nVisibility: Internal0")
	out, code, stderr := runJSON(t)
	if code != ExitFindings || len(out.Diagnostics) != 1 || !strings.Contains(out.Diagnostics[0].Message, "Internal0") || stderr != "" {
		t.Fatalf("a new finding: exit %d, %+v, stderr %s", code, out.Diagnostics, stderr)
	}
	stdout, _, _ = run(t, "lint", "--color", "never")
	if !strings.HasSuffix(stdout, "1 error, 0 warnings; "+itoa(len(before.Diagnostics))+" in the baseline\n") {
		t.Errorf("text summary:\n%s", stdout)
	}
}

// One more identical finding in a file (same rule, message and line text
// as a recorded one) is new: entries are counted.
func TestBaselineCountsTwins(t *testing.T) {
	faultyCopy(t)
	if _, _, code := run(t, "baseline"); code != ExitOK {
		t.Fatal("baseline failed")
	}
	// A third definition like the first: its "30s" timeout is the twin
	// of a recorded finding (and it clashes with the first in name and
	// path: two findings more).
	orders, _ := os.ReadFile("apis/orders.yaml")
	first := strings.SplitN(string(orders), "---\n", 2)[0]
	os.WriteFile("apis/orders.yaml", append(orders, []byte("\n---\n"+first)...), 0o644)
	out, code, _ := runJSON(t)
	timeouts := 0
	for _, d := range out.Diagnostics {
		if strings.Contains(d.Message, `ServiceTimeout "30s"`) {
			timeouts++
		}
	}
	if code != ExitFindings || timeouts != 1 {
		t.Errorf("exit %d, %d \"30s\" findings reported (want the new one only): %+v", code, timeouts, out.Diagnostics)
	}
}

// Every format reports only what is not in the baseline.
func TestBaselineEveryFormat(t *testing.T) {
	faultyCopy(t)
	run(t, "baseline")
	edit(t, "apis/orders.yaml", "ApiName: ListOrders\nVisibility: PRIVATE", "ApiName: ListOrders\nVisibility: Internal0")
	for _, format := range output.Names() {
		stdout, stderr, code := run(t, "lint", "--format", format, "--color", "never")
		// "create users 2026" and ApiNmae are only in recorded findings'
		// messages; Internal0 only in the new one's.
		if code != ExitFindings || !strings.Contains(stdout, "Internal0") || strings.Contains(stdout, "create users 2026") ||
			strings.Contains(stdout, "ApiNmae") || stderr != "" {
			t.Errorf("--format %s: exit %d, stderr %q\n%s", format, code, stderr, stdout)
		}
	}
	// With a selection, the summary counts the baselined findings it
	// would have reported.
	stdout, _, _ := run(t, "lint", "--select", "unknown-field", "--color", "never")
	if !strings.HasSuffix(stdout, ": 0 errors, 0 warnings; 2 in the baseline\n") {
		t.Errorf("--select unknown-field: %s", stdout)
	}
	var report struct {
		Summary struct {
			Errors    int `json:"errors"`
			Baselined int `json:"baselined"`
		} `json:"summary"`
	}
	stdout, _, _ = run(t, "lint", "--format", "json")
	if err := json.Unmarshal([]byte(stdout), &report); err != nil || report.Summary.Errors != 1 || report.Summary.Baselined < 10 {
		t.Errorf("JSON summary: %+v, %v", report.Summary, err)
	}
	// --output: the report filtered, the summary on stdout counts too.
	stdout, _, code := run(t, "lint", "--format", "sarif", "--output", "report.sarif", "--color", "never")
	sarif, _ := os.ReadFile("report.sarif")
	if code != ExitFindings || !strings.Contains(string(sarif), "Internal0") || strings.Contains(string(sarif), "ApiNmae") ||
		!strings.HasSuffix(stdout, " in the baseline\n") {
		t.Errorf("--output: exit %d, %s", code, stdout)
	}
}

// A fixed finding leaves a stale entry: a warning on standard error that
// never fails the run; --prune drops it and adds nothing.
func TestBaselineStale(t *testing.T) {
	faultyCopy(t)
	run(t, "baseline")
	edit(t, "apis/get-user.yaml", "Visibility: private", "Visibility: PRIVATE")
	stdout, stderr, code := run(t, "lint", "--color", "never")
	if code != ExitOK || !strings.Contains(stderr, "1 finding in the baseline "+baseline.FileName+" no longer occurs") ||
		!strings.Contains(stderr, "  apis/get-user.yaml: Visibility \"private\" is not one of PUBLIC, PRIVATE") {
		t.Fatalf("exit %d\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	// A partial run warns only about the files it checked.
	if _, stderr, code := run(t, "lint", "apis/orders.yaml"); code != ExitOK || stderr != "" {
		t.Errorf("partial run of another file: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, _ := run(t, "lint", "apis/get-user.yaml"); !strings.Contains(stderr, "no longer occurs") {
		t.Errorf("partial run of the file: stderr %q", stderr)
	}
	// A new finding at the same time is not recorded by --prune.
	edit(t, "apis/orders.yaml", "ApiName: ListOrders\nVisibility: PRIVATE", "ApiName: ListOrders\nVisibility: Internal0")
	before, _ := baseline.Read(baseline.FileName, "")
	stdout, stderr, code = run(t, "baseline", "--prune")
	after, _ := baseline.Read(baseline.FileName, "")
	if code != ExitOK || after.Findings() != before.Findings()-1 || !strings.HasPrefix(stdout, "pruned 1 finding: ") {
		t.Fatalf("--prune: exit %d, %d → %d findings\n%s%s", code, before.Findings(), after.Findings(), stdout, stderr)
	}
	if _, stderr, code := run(t, "lint"); code != ExitFindings || stderr != "" {
		t.Errorf("after --prune: exit %d (the new finding), stderr %q", code, stderr)
	}
	// A deleted file's entries are stale in any run.
	os.Remove("services/services.json")
	if _, stderr, _ := run(t, "lint", "apis/orders.yaml"); !strings.Contains(stderr, "services/services.json:") {
		t.Errorf("deleted file: stderr %q", stderr)
	}
}

// Partial runs (a pre-commit hook), from any directory: a clash recorded
// on the later file is reported on the named earlier one with another
// message, and still matches.
func TestBaselinePartialRun(t *testing.T) {
	dir := faultyCopy(t)
	run(t, "baseline")
	for _, c := range []struct{ cwd, path string }{
		{".", "apis/get-user.yaml"}, {".", "apis/users-v2.yaml"}, {"apis", "get-user.yaml"}, {"services", "."}, {"apis", "../services/services.json"},
	} {
		t.Chdir(filepath.Join(dir, c.cwd))
		// As the pre-commit hook runs it.
		noBaseline, _, _ := runJSON(t, "--skip-non-definitions", "--no-baseline", c.path)
		out, code, stderr := runJSON(t, "--skip-non-definitions", c.path)
		if len(noBaseline.Diagnostics) == 0 || code != ExitOK || len(out.Diagnostics) != 0 || stderr != "" {
			t.Errorf("from %s, lint %s: exit %d, %+v, stderr %q", c.cwd, c.path, code, out.Diagnostics, stderr)
		}
	}
	// The earlier side of the clash reports it, with its own message.
	t.Chdir(dir)
	out, _, _ := runJSON(t, "--no-baseline", "--select", "duplicate-api-path", "apis/get-user.yaml")
	if len(out.Diagnostics) != 1 || out.Diagnostics[0].File != "apis/get-user.yaml" {
		t.Errorf("the clash from get-user.yaml: %+v", out.Diagnostics)
	}
	// A baseline of some paths replaces their entries only.
	whole, _ := baseline.Read(baseline.FileName, "")
	edit(t, "apis/get-user.yaml", "Visibility: private", "Visibility: PRIVATE")
	if stdout, _, code := run(t, "baseline", "apis/get-user.yaml"); code != ExitOK || !strings.Contains(stdout, countOf(whole.Findings()-1, "finding")+" in 4 files") {
		t.Errorf("partial baseline: %s", stdout)
	}
}

func TestBaselineFileErrors(t *testing.T) {
	dir := faultyCopy(t)
	for _, c := range []struct {
		name, config, baseline string
		args                   []string
		want                   string
	}{
		{"--baseline missing", "", "", []string{"--baseline", "known.json"}, "apigwlint: baseline known.json does not exist (named by --baseline); write it with 'apigwlint baseline', or run with --no-baseline\n"},
		{"config key missing", "baseline: ci/known.json\n", "", nil, "apigwlint: baseline ci/known.json does not exist (named by the baseline key of the configuration)"},
		{"invalid JSON", "", "{\"version\": 1,\n  \"entries\": [\n    {\"file\": 3}\n  ]\n}\n", nil, "apigwlint: baseline " + baseline.FileName + ":3:14: file is a JSON number where a string is expected"},
		{"other version", "", "{\"version\": 7, \"entries\": []}", nil, ":1:2: version 7 is not one this apigwlint reads"},
		{"both flags", "", "", []string{"--baseline", "x.json", "--no-baseline"}, "--baseline and --no-baseline contradict each other"},
		{"a directory", "", "", []string{"--baseline", "apis"}, "apigwlint: baseline apis: it is a directory, not a regular file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			os.Remove(filepath.Join(dir, ".apigwlint.yaml"))
			os.Remove(filepath.Join(dir, baseline.FileName))
			if c.config != "" {
				writeFile(t, dir, ".apigwlint.yaml", c.config)
			}
			if c.baseline != "" {
				writeFile(t, dir, baseline.FileName, c.baseline)
			}
			stdout, stderr, code := run(t, append([]string{"lint"}, c.args...)...)
			if code != ExitUsage || stdout != "" || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stdout %q, stderr %q, want %q", code, stdout, stderr, c.want)
			}
		})
	}
	// A baseline that links out of the repository is not read.
	outside := writeFile(t, t.TempDir(), "secret.json", "{\"version\": 1, \"entries\": []}")
	os.Remove(filepath.Join(dir, ".apigwlint.yaml"))
	os.Remove(filepath.Join(dir, baseline.FileName))
	if err := os.Symlink(outside, filepath.Join(dir, baseline.FileName)); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, "lint"); code != ExitUsage || !strings.Contains(stderr, "is a symlink to a file outside the repository") {
		t.Errorf("a link out: exit %d, %q", code, stderr)
	}
	if _, stderr, code := run(t, "baseline"); code != ExitUsage || !strings.Contains(stderr, "is a symlink to a file outside the repository") {
		t.Errorf("baseline over a link out: exit %d, %q", code, stderr)
	}
	os.Remove(filepath.Join(dir, baseline.FileName))
	os.Symlink("apis/../services/services.json", filepath.Join(dir, baseline.FileName))
	if _, stderr, code := run(t, "lint"); code != ExitUsage || strings.Contains(stderr, "symlink") {
		t.Errorf("a link inside: exit %d, %q (read, and invalid)", code, stderr)
	}
	// No baseline at the default place: every finding, no complaint.
	os.Remove(filepath.Join(dir, ".apigwlint.yaml"))
	os.Remove(filepath.Join(dir, baseline.FileName))
	if _, stderr, code := run(t, "lint"); code != ExitFindings || stderr != "" {
		t.Errorf("no baseline: exit %d, %q", code, stderr)
	}
	// An invalid baseline is not overwritten silently.
	writeFile(t, dir, baseline.FileName, "[]")
	if _, stderr, code := run(t, "baseline"); code != ExitUsage || !strings.Contains(stderr, "cannot update the baseline") {
		t.Errorf("baseline over an invalid file: exit %d, %q", code, stderr)
	}
	if _, stderr, code := run(t, "baseline", "-"); code != ExitUsage || !strings.Contains(stderr, "standard input") {
		t.Errorf("baseline -: exit %d, %q", code, stderr)
	}
}

// The configuration's baseline key names the file, relative to the
// configuration; baseline writes there and lint reads it.
func TestBaselineConfigKey(t *testing.T) {
	dir := faultyCopy(t)
	writeFile(t, dir, ".apigwlint.yaml", "baseline: ci/known-findings.json\n")
	os.Mkdir(filepath.Join(dir, "ci"), 0o755)
	t.Chdir(filepath.Join(dir, "apis"))
	if stdout, _, code := run(t, "baseline", ".."); code != ExitOK || !strings.HasPrefix(stdout, "wrote ../ci/known-findings.json: ") {
		t.Fatalf("baseline: exit %d, %s", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "ci", "known-findings.json")); err != nil {
		t.Fatal(err)
	}
	if stdout, stderr, code := run(t, "lint", "--color", "never", ".."); code != ExitOK || !strings.Contains(stdout, " in the baseline") {
		t.Errorf("lint: exit %d, %s%s", code, stdout, stderr)
	}
	stdout, _, _ := run(t, "config")
	if !regexp.MustCompile(`baseline: +\.\./ci/known-findings\.json, \d+ findings\n +\(the baseline key of the configuration\)`).MatchString(stdout) {
		t.Errorf("config:\n%s", stdout)
	}
}

func itoa(n int) string { return strings.TrimSuffix(countOf(n, "x"), " xs") }
