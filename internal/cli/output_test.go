package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/output"
)

// The --output flag, end to end: the report goes to the file, created
// atomically, and the text summary to the terminal.

const faultyProject = "../../testdata/golden/faulty"

const faultySummary = "4 files, 3 definitions (1 file without definitions skipped): 6 errors, 2 warnings\n"

func runMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	// The fixture is a project of its own: the repository's configuration
	// leaves it out of the repository's project.
	cfg := []string{"--config", faultyProject + "/.apigwlint.yaml"}
	if len(args) > 0 && args[0] == "lint" {
		args = append(append([]string{"lint"}, cfg...), args[1:]...)
	} else {
		args = append(cfg, args...)
	}
	code = testMain(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestOutputFileEveryFormat: for each format, the file holds exactly what
// the format writes to standard output without --output, standard output
// holds only the summary, and no temporary file is left behind.
func TestOutputFileEveryFormat(t *testing.T) {
	for _, format := range output.Names() {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report."+format)
			code, stdout, stderr := runMain(t, "lint", "--format", format, "--output", path, faultyProject)
			if code != ExitFindings || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if stdout != faultySummary {
				t.Errorf("terminal got %q, want only the summary %q", stdout, faultySummary)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			code, want, _ := runMain(t, "lint", "--format", format, "--color", "never", faultyProject)
			if code != ExitFindings {
				t.Fatalf("exit %d without --output", code)
			}
			if string(got) != want {
				t.Errorf("the file differs from the report on standard output:\nfile:\n%s\nstdout:\n%s", got, want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("the output directory holds %d entries, want only the report", len(entries))
			}
		})
	}
}

func TestOutputFileSARIF(t *testing.T) {
	path := filepath.Join(t.TempDir(), "apigwlint.sarif")
	if code, _, stderr := runMain(t, "--format", "sarif", "--output", path, faultyProject); code != ExitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string
		Runs    []struct {
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(raw, &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != 8 {
		t.Fatalf("unexpected SARIF: %.300s", raw)
	}
	// The base is the working directory, so base + relative URI is the file.
	wd, _ := os.Getwd()
	base := log.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI
	if !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") || !strings.Contains(base, filepath.ToSlash(filepath.Base(wd))) {
		t.Errorf("%%SRCROOT%% = %q, want the working directory %s", base, wd)
	}
	if uri := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "../../testdata/golden/faulty/apis/get-user.yaml" {
		t.Errorf("first result at %q", uri)
	}
}

// TestOutputFileReplaced: an existing report is replaced as a whole.
func TestOutputFileReplaced(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gl-code-quality-report.json")
	if err := os.WriteFile(path, []byte(strings.Repeat("stale ", 10000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runMain(t, "--format", "gitlab", "--output", path, faultyProject); code != ExitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	raw, _ := os.ReadFile(path)
	var issues []map[string]any
	if err := json.Unmarshal(raw, &issues); err != nil || len(issues) != 8 {
		t.Errorf("replaced report: %v, %d issues", err, len(issues))
	}
}

// TestOutputFileCannotWrite: a report that cannot be written is exit 2
// with a reason, and leaves nothing behind.
func TestOutputFileCannotWrite(t *testing.T) {
	dir := t.TempDir()
	for name, path := range map[string]string{
		"missing directory": filepath.Join(dir, "no", "such", "dir", "report.json"),
		"a directory":       dir,
	} {
		code, stdout, stderr := runMain(t, "--format", "json", "--output", path, faultyProject)
		if code != ExitUsage || !strings.Contains(stderr, "cannot write") {
			t.Errorf("%s: exit %d, stderr %q", name, code, stderr)
		}
		if stdout != "" {
			t.Errorf("%s: printed %q although the report was not written", name, stdout)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestOutputFileClean: a clean project writes an empty report and exits 0.
func TestOutputFileClean(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.xml")
	code, stdout, stderr := runMain(t, "--format", "checkstyle", "--output", path, "../../testdata/golden/faulty/services/user-service.yaml")
	if code != ExitOK || stderr != "" || stdout != "1 file, 1 definition: 0 errors, 0 warnings\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	raw, _ := os.ReadFile(path)
	if !bytes.Contains(raw, []byte(`<file name="../../testdata/golden/faulty/services/user-service.yaml"></file>`)) {
		t.Errorf("report: %s", raw)
	}
}
