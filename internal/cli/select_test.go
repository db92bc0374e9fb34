package cli

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

// rulesOf lists the distinct rules of a JSON report, sorted.
func rulesOf(out jsonOut) string {
	seen := map[string]bool{}
	var ids []string
	for _, d := range out.Diagnostics {
		if !seen[d.Rule] {
			seen[d.Rule] = true
			ids = append(ids, d.Rule)
		}
	}
	sort.Strings(ids)
	return strings.Join(ids, " ")
}

const warnAndError = "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: GetUser\nVisibility: private\nAuthType: ANONYMOUS\n" +
	"RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: /users/me, RequestMode: PASSTHROUGH}\n" +
	"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceHttpMethod: GET, ServicePath: /me}\n"

func TestSelect(t *testing.T) {
	faultyCopy(t)
	writeFile(t, ".", "apis/warn.yaml", warnAndError)
	all, code, _ := runJSON(t, "--no-baseline")
	if code != ExitFindings || !strings.Contains(rulesOf(all), "duplicate-api-path") || !strings.Contains(rulesOf(all), "service-timeout-missing") {
		t.Fatalf("every rule: %s", rulesOf(all))
	}
	for _, c := range []struct {
		args []string
		want string
		code int
	}{
		// Prefixes end at a word; with or without the dash.
		{[]string{"--select", "duplicate-"}, "duplicate-api-path", ExitFindings},
		{[]string{"--select", "path-param"}, "path-param-undeclared path-param-unused", ExitFindings},
		{[]string{"--select", "schema,unknown-field"}, "schema unknown-field", ExitFindings},
		{[]string{"--select", "schema", "--select", "embedded-json"}, "embedded-json schema", ExitFindings},
		// --ignore wins over --select, whatever the order.
		{[]string{"--ignore", "path-param-unused", "--select", "path-param-"}, "path-param-undeclared", ExitFindings},
		{[]string{"--select", "path-param-unused", "--ignore", "path-"}, "", ExitOK},
		// --severity error: warnings are not reported (nor counted).
		{[]string{"--select", "service-timeout-missing,schema", "--severity", "error"}, "schema", ExitFindings},
		{[]string{"--select", "service-timeout-missing", "--severity", "error"}, "", ExitOK},
		{[]string{"--select", "service-timeout-missing", "--severity", "warning"}, "service-timeout-missing", ExitOK},
	} {
		out, code, stderr := runJSON(t, append([]string{"--no-baseline"}, c.args...)...)
		if got := rulesOf(out); got != c.want || code != c.code || stderr != "" {
			t.Errorf("%v: rules %q, exit %d, stderr %q; want %q, exit %d", c.args, got, code, stderr, c.want, c.code)
		}
	}
	// --max-warnings counts what is reported.
	if _, _, code := run(t, "--no-baseline", "--select", "service-timeout-missing", "--max-warnings", "0"); code != ExitFindings {
		t.Errorf("--max-warnings with a selected warning: exit %d", code)
	}
	if _, _, code := run(t, "--no-baseline", "--select", "service-timeout-missing", "--severity", "error", "--max-warnings", "0"); code != ExitOK {
		t.Errorf("--max-warnings with --severity error: exit %d", code)
	}
}

// A file that cannot be read at all is reported whatever the selection:
// nothing else in it was checked.
func TestSelectKeepsSyntaxErrors(t *testing.T) {
	faultyCopy(t)
	writeFile(t, ".", "apis/broken.yaml", "Action: CreateApi\nApiName: [unclosed\n")
	out, code, _ := runJSON(t, "--no-baseline", "--select", "duplicate-api-path", "--ignore", "syntax", "--severity", "error")
	if got := rulesOf(out); got != "duplicate-api-path syntax" || code != ExitFindings {
		t.Errorf("rules %q, exit %d", got, code)
	}
}

func TestSelectErrors(t *testing.T) {
	faultyCopy(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--select", "dupliate-"}, `apigwlint: --select "dupliate-": no rule id is or starts with it; did you mean "duplicate-"? (see 'apigwlint rules')` + "\n"},
		{[]string{"--ignore", "shcema"}, `apigwlint: --ignore "shcema": no rule id is or starts with it; did you mean "schema"?`},
		{[]string{"--select", "dup"}, `--select "dup": no rule id is or starts with it (see 'apigwlint rules')`},
		{[]string{"--select", ","}, `bad value "," for --select: name at least one rule id or prefix`},
		{[]string{"--severity", "off"}, `bad value "off" for --severity: use error or warning`},
		{[]string{"--severity", "fatal"}, `bad value "fatal" for --severity`},
	} {
		stdout, stderr, code := run(t, c.args...)
		if code != ExitUsage || stdout != "" || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", c.args, code, stdout, stderr, c.want)
		}
	}
	// A --select of rules the configuration turns off reports nothing, and
	// says why.
	writeFile(t, ".", ".apigwlint.yaml", "rules:\n  duplicate-api-path: off\n")
	_, stderr, code := run(t, "--select", "duplicate-api-path")
	if code != ExitOK || !strings.Contains(stderr, "note: --select duplicate-api-path: off in ") || !strings.Contains(stderr, "--select only narrows") {
		t.Errorf("a rule turned off: exit %d, %q", code, stderr)
	}
	if _, stderr, _ := run(t, "--select", "body-format-missing,schema"); !strings.Contains(stderr, "--select body-format-missing: off in") || strings.Contains(stderr, "--select schema") {
		t.Errorf("a rule off by default: %q", stderr)
	}
}

// apigwlint config and lint --print-config show the selection.
func TestSelectShownByConfig(t *testing.T) {
	faultyCopy(t)
	stdout, _, code := run(t, "config", "--select", "duplicate-", "--ignore", "duplicate-service", "--severity", "error")
	for _, want := range []string{
		"selection:    --select duplicate- --ignore duplicate-service --severity error",
		"\nduplicate-api-path                     error     error    errors\n",
		"\nduplicate-service                      error     error    no\n",
		"\nschema                                 error     error    no\n",
		"\nsyntax                                 error     error    errors\n",
		"\npath-unique-strict                     off       off      no\n",
	} {
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("config: missing %q in\n%s", want, stdout)
		}
	}
	stdout, _, _ = run(t, "lint", "--print-config", "--format", "json", "--select", "duplicate-api-path")
	var cfg struct {
		Selection *struct {
			Select   []string `json:"select"`
			Severity string   `json:"severity"`
		} `json:"selection"`
		Rules []struct {
			ID       string `json:"id"`
			Selected bool   `json:"selected"`
		} `json:"rules"`
	}
	if err := json.Unmarshal([]byte(stdout), &cfg); err != nil || cfg.Selection == nil || cfg.Selection.Select[0] != "duplicate-api-path" {
		t.Fatalf("--print-config: %v\n%s", err, stdout)
	}
	var selected []string
	for _, r := range cfg.Rules {
		if r.Selected {
			selected = append(selected, r.ID)
		}
	}
	if strings.Join(selected, " ") != "syntax encoding limit duplicate-api-path" {
		t.Errorf("selected: %v", selected)
	}
	// Without a selection: no column, selection null, every rule selected.
	stdout, _, _ = run(t, "config")
	if strings.Contains(stdout, "REPORTED") || strings.Contains(stdout, "selection:") {
		t.Errorf("config without a selection:\n%s", stdout)
	}
}
