package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// The GitHub Action (action.yml at the repository root): its inputs, and
// its scripts run by bash the way the runner runs them, with this test
// binary standing in for the built apigwlint.

type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name  string            `yaml:"name"`
			Uses  string            `yaml:"uses"`
			Run   string            `yaml:"run"`
			Shell string            `yaml:"shell"`
			Env   map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

func readAction(t *testing.T) actionFile {
	t.Helper()
	raw, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(raw, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestActionMetadata(t *testing.T) {
	a := readAction(t)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q", a.Runs.Using)
	}
	for name, def := range map[string]string{"paths": ".", "config": "", "format": "github", "output": "", "version": "", "fail-on": "error"} {
		in, ok := a.Inputs[name]
		if !ok || in.Default != def {
			t.Errorf("input %s: present %v, default %q, want %q", name, ok, in.Default, def)
		}
	}
	setupGo := false
	for _, s := range a.Runs.Steps {
		setupGo = setupGo || strings.HasPrefix(s.Uses, "actions/setup-go@")
		// Expressions pasted into a script would let an input run as
		// shell code; inputs go through env instead.
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q has an expression inside its script", s.Name)
		}
		if s.Run != "" && s.Shell != "bash" {
			t.Errorf("step %q: shell %q, want bash (also on Windows runners)", s.Name, s.Shell)
		}
		if s.Run != "" {
			if out, err := exec.Command("bash", "-n", "-c", s.Run).CombinedOutput(); err != nil {
				t.Errorf("step %q: bash -n: %v %s", s.Name, err, out)
			}
		}
	}
	if !setupGo {
		t.Error("no actions/setup-go step")
	}
}

// TestActionHelperProcess is not a test: it is apigwlint, when the action
// test runs this binary in its place.
func TestActionHelperProcess(t *testing.T) {
	if os.Getenv("APIGWLINT_ACTION_HELPER") != "1" {
		t.Skip("helper process")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(testMain(args, os.Stdin, os.Stdout, os.Stderr))
}

// TestActionRunStep runs the action's "Run apigwlint" script on the faulty
// fixture project with several inputs.
func TestActionRunStep(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	var script string
	for _, s := range readAction(t).Runs.Steps {
		if s.Name == "Run apigwlint" {
			script = s.Run
		}
	}
	if script == "" {
		t.Fatal(`no step "Run apigwlint"`)
	}
	tmp := t.TempDir()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(tmp, "apigwlint")
	wrapper := "#!/bin/sh\nAPIGWLINT_ACTION_HELPER=1 exec '" + self + "' -test.run='^TestActionHelperProcess$' -- \"$@\"\n"
	if err := os.WriteFile(bin, []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	project, _ := filepath.Abs(faultyProject)
	run := func(inputs map[string]string) (int, string, string) {
		cmd := exec.Command("bash", "-c", script)
		cmd.Dir = project
		cmd.Env = append(os.Environ(), "APIGWLINT_BIN="+bin, "NO_COLOR=1")
		for _, k := range []string{"paths", "config", "format", "output", "fail-on"} {
			cmd.Env = append(cmd.Env, "INPUT_"+strings.ToUpper(strings.ReplaceAll(k, "-", "_"))+"="+inputs[k])
		}
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, out.String(), errOut.String()
	}

	// The defaults: annotations for the whole repository.
	code, out, errOut := run(map[string]string{"paths": ".", "format": "github"})
	if code != 1 || !strings.Contains(out, "::error file=apis/get-user.yaml,line=5,endLine=5,col=13,endColumn=18,title=schema::") {
		t.Errorf("defaults: exit %d\n%s%s", code, out, errOut)
	}
	// Paths separated by newlines and spaces; a clean file passes.
	code, out, errOut = run(map[string]string{"paths": "services/user-service.yaml\n  notes.json ", "format": "github"})
	if code != 1 || !strings.Contains(out, "not-a-definition") || strings.Contains(out, "get-user") {
		t.Errorf("two paths: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = run(map[string]string{"paths": "services/user-service.yaml", "format": "github"})
	if code != 0 || out != "apigwlint: 1 file, 1 definition: 0 errors, 0 warnings\n" {
		t.Errorf("clean: exit %d\n%s%s", code, out, errOut)
	}
	// A glob is a path, not a pattern the shell expands.
	code, _, errOut = run(map[string]string{"paths": "apis/*.yaml", "format": "github"})
	if code != 2 || !strings.Contains(errOut, "cannot read apis/*.yaml") {
		t.Errorf("glob: exit %d, stderr %q", code, errOut)
	}
	// A report file and a config file.
	report := filepath.Join(tmp, "apigwlint.sarif")
	config := filepath.Join(tmp, "config.yaml")
	// The fixture sits inside this repository: a config named from
	// elsewhere would make the repository the project, so it says where
	// the project is.
	if err := os.WriteFile(config, []byte("root: "+project+"\nrules: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = run(map[string]string{"paths": ".", "format": "sarif", "output": report, "config": config})
	if raw, err := os.ReadFile(report); code != 1 || err != nil || !bytes.Contains(raw, []byte(`"version": "2.1.0"`)) || out != faultySummary {
		t.Errorf("sarif: exit %d, %v\n%s%s", code, err, out, errOut)
	}
	// fail-on: warnings pass by default and fail with fail-on: warning.
	warnOnly := filepath.Join(tmp, "warnings.yaml")
	if err := os.WriteFile(warnOnly, []byte("rules:\n  duplicate-api-name: off\n  path-param-undeclared: off\n  duplicate-key: off\n  schema: warning\n  unknown-field: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for failOn, want := range map[string]int{"": 0, "error": 0, "warning": 1, "warnings": 2} {
		code, out, errOut = run(map[string]string{"paths": "apis/get-user.yaml", "format": "github", "config": warnOnly, "fail-on": failOn})
		if code != want || (want != 2 && !strings.Contains(out, "0 errors, 4 warnings")) {
			t.Errorf("fail-on %q: exit %d, want %d\n%s%s", failOn, code, want, out, errOut)
		}
	}
	// An input value is data, never shell code.
	marker := filepath.Join(tmp, "pwned")
	code, _, _ = run(map[string]string{"paths": "$(touch " + marker + ") `touch " + marker + "`", "format": "github;touch " + marker})
	if _, err := os.Stat(marker); err == nil || code != 2 {
		t.Errorf("an input ran as a command (exit %d)", code)
	}
}
