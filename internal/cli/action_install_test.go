package cli

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The action's install script (scripts/action-install.sh), run by bash as
// the action's steps run it, against a fake release directory reached
// through a file:// URL: platform mapping, download, checksum
// verification, the cache, and the fallback to a source build.

type installRun struct {
	code    int
	log     string
	outputs map[string]string // GITHUB_OUTPUT
	env     map[string]string // GITHUB_ENV
}

func runInstall(t *testing.T, mode string, vars map[string]string) installRun {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the script runs under bash on the runners; tested on unix")
	}
	tmp := t.TempDir()
	outFile, envFile := filepath.Join(tmp, "output"), filepath.Join(tmp, "env")
	cmd := exec.Command("bash", filepath.Join("..", "..", "scripts", "action-install.sh"), mode)
	cmd.Env = append(os.Environ(), "GITHUB_OUTPUT="+outFile, "GITHUB_ENV="+envFile, "RUNNER_TEMP="+tmp)
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	r := installRun{log: string(out), outputs: readKV(outFile), env: readKV(envFile)}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return r
}

func readKV(path string) map[string]string {
	m := map[string]string{}
	raw, _ := os.ReadFile(path)
	for _, line := range strings.Split(string(raw), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			m[k] = v
		}
	}
	return m
}

// fakeRelease writes release v1.2.3 under dir the way
// internal/tools/release lays it out; each archive's binary is a shell
// script that names its target. It returns the file:// base URL.
func fakeRelease(t *testing.T, dir string) string {
	t.Helper()
	rel := filepath.Join(dir, "v1.2.3")
	if err := os.MkdirAll(rel, 0o755); err != nil {
		t.Fatal(err)
	}
	var sums strings.Builder
	for _, target := range [][2]string{{"linux", "amd64"}, {"linux", "arm64"}, {"darwin", "amd64"}, {"darwin", "arm64"}, {"windows", "amd64"}, {"windows", "arm64"}} {
		body := []byte(fmt.Sprintf("#!/bin/sh\necho fake apigwlint %s/%s \"$@\"\n", target[0], target[1]))
		var buf bytes.Buffer
		name := fmt.Sprintf("apigwlint_1.2.3_%s_%s.tar.gz", target[0], target[1])
		if target[0] == "windows" {
			name = strings.Replace(name, ".tar.gz", ".zip", 1)
			zw := zip.NewWriter(&buf)
			w, _ := zw.Create("apigwlint.exe")
			w.Write(body)
			zw.Close()
		} else {
			gz := gzip.NewWriter(&buf)
			tw := tar.NewWriter(gz)
			tw.WriteHeader(&tar.Header{Name: "apigwlint", Mode: 0o755, Size: int64(len(body))})
			tw.Write(body)
			tw.Close()
			gz.Close()
		}
		if err := os.WriteFile(filepath.Join(rel, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(buf.Bytes())
		fmt.Fprintf(&sums, "%s  %s\n", hex.EncodeToString(sum[:]), name)
	}
	if err := os.WriteFile(filepath.Join(rel, "checksums.txt"), []byte(sums.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + dir
}

// resolveAndInstall runs the resolve step, then the install step with its
// outputs, as action.yml wires them.
func resolveAndInstall(t *testing.T, vars map[string]string) (installRun, installRun) {
	t.Helper()
	res := runInstall(t, "resolve", vars)
	if res.code != 0 {
		return res, installRun{}
	}
	next := map[string]string{"APIGWLINT_RELEASE_URL": vars["APIGWLINT_RELEASE_URL"]}
	for _, k := range []string{"version", "os", "arch", "dir", "mode"} {
		next[strings.ToUpper(k)] = res.outputs[k]
	}
	return res, runInstall(t, "install", next)
}

func TestActionInstallPlatforms(t *testing.T) {
	base := fakeRelease(t, t.TempDir())
	for _, tt := range []struct{ runnerOS, runnerArch, target, exe string }{
		{"Linux", "X64", "linux/amd64", "apigwlint"},
		{"Linux", "ARM64", "linux/arm64", "apigwlint"},
		{"macOS", "X64", "darwin/amd64", "apigwlint"},
		{"macOS", "ARM64", "darwin/arm64", "apigwlint"},
		{"Windows", "X64", "windows/amd64", "apigwlint.exe"},
		{"Windows", "ARM64", "windows/arm64", "apigwlint.exe"},
	} {
		cache := t.TempDir()
		res, inst := resolveAndInstall(t, map[string]string{"RUNNER_OS": tt.runnerOS, "RUNNER_ARCH": tt.runnerArch,
			"ACTION_REF": "v1.2.3", "RUNNER_TOOL_CACHE": cache, "APIGWLINT_RELEASE_URL": base})
		if res.code != 0 || res.outputs["mode"] != "download" || res.outputs["os"]+"/"+res.outputs["arch"] != tt.target ||
			res.outputs["dir"] != filepath.Join(cache, "apigwlint", "v1.2.3", strings.Replace(tt.target, "/", "-", 1)) {
			t.Errorf("%s %s: resolve exit %d, outputs %v\n%s", tt.runnerOS, tt.runnerArch, res.code, res.outputs, res.log)
			continue
		}
		bin := inst.env["APIGWLINT_BIN"]
		if inst.code != 0 || inst.outputs["source"] != "false" || filepath.Base(bin) != tt.exe {
			t.Errorf("%s %s: install exit %d, outputs %v, env %v\n%s", tt.runnerOS, tt.runnerArch, inst.code, inst.outputs, inst.env, inst.log)
			continue
		}
		out, err := exec.Command("sh", bin, "lint").CombinedOutput()
		if want := "fake apigwlint " + tt.target + " lint\n"; err != nil || string(out) != want {
			t.Errorf("%s %s: installed binary says %q (%v), want %q", tt.runnerOS, tt.runnerArch, out, err, want)
		}
	}
	// Runners without release binaries build from source.
	for _, p := range [][2]string{{"Linux", "ARM"}, {"Windows", "X86"}, {"FreeBSD", "X64"}} {
		res, inst := resolveAndInstall(t, map[string]string{"RUNNER_OS": p[0], "RUNNER_ARCH": p[1], "ACTION_REF": "v1.2.3",
			"RUNNER_TOOL_CACHE": t.TempDir(), "APIGWLINT_RELEASE_URL": base})
		if res.outputs["mode"] != "source" || inst.code != 0 || inst.outputs["source"] != "true" || inst.env["APIGWLINT_BIN"] != "" {
			t.Errorf("%s %s: mode %q, install exit %d, outputs %v\n%s%s", p[0], p[1], res.outputs["mode"], inst.code, inst.outputs, res.log, inst.log)
		}
	}
}

func TestActionInstallVersion(t *testing.T) {
	base := fakeRelease(t, t.TempDir())
	vars := func(ref, version string) map[string]string {
		return map[string]string{"RUNNER_OS": "Linux", "RUNNER_ARCH": "X64", "ACTION_REF": ref, "INPUT_VERSION": version,
			"RUNNER_TOOL_CACHE": t.TempDir(), "APIGWLINT_RELEASE_URL": base}
	}
	// The version input wins over a ref that is not a release.
	res, inst := resolveAndInstall(t, vars("main", "v1.2.3"))
	if res.outputs["version"] != "v1.2.3" || inst.code != 0 || inst.env["APIGWLINT_BIN"] == "" {
		t.Errorf("version input: %v %v\n%s%s", res.outputs, inst.env, res.log, inst.log)
	}
	// A branch, a commit or a major tag like v1 builds from source.
	for _, ref := range []string{"main", "0123456789abcdef0123456789abcdef01234567", "v1", ""} {
		res, inst := resolveAndInstall(t, vars(ref, ""))
		if res.outputs["mode"] != "source" || inst.outputs["source"] != "true" {
			t.Errorf("ref %q: %v %v\n%s", ref, res.outputs, inst.outputs, res.log)
		}
	}
	// A release that was not published falls back to the source build.
	res, inst = resolveAndInstall(t, vars("v9.9.9", ""))
	if res.outputs["mode"] != "download" || inst.code != 0 || inst.outputs["source"] != "true" || !strings.Contains(inst.log, "::warning") {
		t.Errorf("missing release: %v exit %d %v\n%s", res.outputs, inst.code, inst.outputs, inst.log)
	}
	// A version input that is not a tag is refused, not pasted into a URL.
	res, _ = resolveAndInstall(t, vars("v1.2.3", "latest/../../x"))
	if res.code != 2 || !strings.Contains(res.log, "::error") {
		t.Errorf("bad version input: exit %d\n%s", res.code, res.log)
	}
}

// TestActionInstallVerify: a download that does not match checksums.txt,
// or is not listed in it, fails the step and is not installed, neither
// from the release nor from the cache; an intact cache is used without
// downloading.
func TestActionInstallVerify(t *testing.T) {
	install := func(base, cache string) installRun {
		_, inst := resolveAndInstall(t, map[string]string{"RUNNER_OS": "Linux", "RUNNER_ARCH": "X64", "ACTION_REF": "v1.2.3",
			"RUNNER_TOOL_CACHE": cache, "APIGWLINT_RELEASE_URL": base})
		return inst
	}
	failed := func(name string, r installRun, msg string) {
		t.Helper()
		if r.code != 1 || r.env["APIGWLINT_BIN"] != "" || r.outputs["source"] == "true" || !strings.Contains(r.log, msg) {
			t.Errorf("%s: exit %d, env %v, outputs %v\n%s", name, r.code, r.env, r.outputs, r.log)
		}
	}
	const archive = "apigwlint_1.2.3_linux_amd64.tar.gz"

	dir := t.TempDir()
	base := fakeRelease(t, dir)
	path := filepath.Join(dir, "v1.2.3", archive)
	good, _ := os.ReadFile(path)
	if err := os.WriteFile(path, append(good, 0), 0o644); err != nil {
		t.Fatal(err)
	}
	failed("tampered archive", install(base, t.TempDir()), "checksum mismatch for "+archive)

	os.WriteFile(path, good, 0o644)
	sums := filepath.Join(dir, "v1.2.3", "checksums.txt")
	raw, _ := os.ReadFile(sums)
	var kept []string
	for _, l := range strings.SplitAfter(string(raw), "\n") {
		if !strings.Contains(l, archive) {
			kept = append(kept, l)
		}
	}
	os.WriteFile(sums, []byte(strings.Join(kept, "")), 0o644)
	failed("unlisted archive", install(base, t.TempDir()), "not listed in checksums.txt")

	// The cache: a good install, then the same with the release gone.
	base = fakeRelease(t, t.TempDir())
	cache := t.TempDir()
	if r := install(base, cache); r.code != 0 || r.env["APIGWLINT_BIN"] == "" {
		t.Fatalf("install: exit %d\n%s", r.code, r.log)
	}
	gone := "file://" + filepath.Join(t.TempDir(), "none")
	if r := install(gone, cache); r.code != 0 || r.env["APIGWLINT_BIN"] == "" || !strings.Contains(r.log, "from the cache") {
		t.Errorf("cached install: exit %d %v\n%s", r.code, r.env, r.log)
	}
	cached := filepath.Join(cache, "apigwlint", "v1.2.3", "linux-amd64", archive)
	data, _ := os.ReadFile(cached)
	os.WriteFile(cached, append(data, 0), 0o644)
	failed("tampered cache", install(gone, cache), "checksum mismatch")
}

// TestActionInstallBuild: the source build, from a copy of this module as
// the action's checkout (offline, from the module cache); a release tag as
// the ref stamps the version.
func TestActionInstallBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds apigwlint")
	}
	src := filepath.Join(t.TempDir(), "action")
	copyModule(t, filepath.Join("..", ".."), src)
	r := runInstall(t, "build", map[string]string{"ACTION_PATH": src, "ACTION_REF": "v1.2.3", "GOPROXY": "off", "GOFLAGS": "-mod=readonly"})
	bin := r.env["APIGWLINT_BIN"]
	if r.code != 0 || bin == "" {
		t.Fatalf("build: exit %d, env %v\n%s", r.code, r.env, r.log)
	}
	if out, err := exec.Command(bin, "version").CombinedOutput(); err != nil || !strings.HasPrefix(string(out), "apigwlint v1.2.3") {
		t.Errorf("built binary: %q %v", out, err)
	}
}
