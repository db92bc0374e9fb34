package main

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

var date = time.Date(2026, 12, 4, 5, 0, 0, 0, time.UTC)

func TestArchiveNames(t *testing.T) {
	want := []string{
		"apigwlint_1.2.3_linux_amd64.tar.gz", "apigwlint_1.2.3_linux_arm64.tar.gz",
		"apigwlint_1.2.3_darwin_amd64.tar.gz", "apigwlint_1.2.3_darwin_arm64.tar.gz",
		"apigwlint_1.2.3_windows_amd64.zip", "apigwlint_1.2.3_windows_arm64.zip",
	}
	if len(Targets) != len(want) {
		t.Fatalf("%d targets, want %d", len(Targets), len(want))
	}
	for i, tg := range Targets {
		if got := Archive("v1.2.3", tg); got != want[i] {
			t.Errorf("Archive(%v) = %q, want %q", tg, got, want[i])
		}
	}
}

func TestRejectsNonReleaseVersion(t *testing.T) {
	for _, v := range []string{"", "1.2.3", "v1.2", "v1.2.3; rm -rf /", "main"} {
		if err := Run(Options{Version: v, Dist: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "not a release tag") {
			t.Errorf("version %q: err = %v", v, err)
		}
	}
}

// TestRunHost builds the host platform's release as the release workflow
// would (with the Docker context), checks the archive against
// checksums.txt, and runs the packed binary: its version is the stamped
// one and it lints the example project clean. A second run gives the same
// bytes (reproducible archives).
func TestRunHost(t *testing.T) {
	if testing.Short() {
		t.Skip("builds apigwlint")
	}
	root, _ := filepath.Abs(filepath.Join("..", "..", ".."))
	host := Target{runtime.GOOS, runtime.GOARCH}
	build := func(dist string) string {
		var log bytes.Buffer
		err := Run(Options{Root: root, Dist: dist, Version: "v1.2.3", Commit: "0123456789abcdef0123456789abcdef01234567", Date: date,
			Targets: []Target{host}, Docker: true, Go: filepath.Join(runtime.GOROOT(), "bin", "go"), Log: &log})
		if err != nil {
			t.Fatalf("%v\n%s", err, log.String())
		}
		sums, err := os.ReadFile(filepath.Join(dist, "checksums.txt"))
		if err != nil {
			t.Fatal(err)
		}
		return string(sums)
	}
	dist := t.TempDir()
	sums := build(dist)
	name := Archive("v1.2.3", host)
	data, err := os.ReadFile(filepath.Join(dist, name))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if want := hex.EncodeToString(sum[:]) + "  " + name + "\n"; sums != want {
		t.Fatalf("checksums.txt = %q, want %q", sums, want)
	}
	if again := build(t.TempDir()); again != sums {
		t.Errorf("a second build of the same commit differs:\n%s\n%s", sums, again)
	}
	for _, f := range []string{"Dockerfile", "linux/" + runtime.GOARCH + "/apigwlint"} {
		if _, err := os.Stat(filepath.Join(dist, "docker", f)); (err != nil) != (runtime.GOOS != "linux" && f != "Dockerfile") {
			t.Errorf("docker context %s: %v", f, err)
		}
	}

	files := unpack(t, name, data)
	exe := "apigwlint"
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	if _, ok := files["README.md"]; !ok {
		t.Errorf("archive lacks README.md: %v", keys(files))
	}
	bin := filepath.Join(t.TempDir(), exe)
	if err := os.WriteFile(bin, files[exe], 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	if want := "apigwlint v1.2.3 (commit 0123456789ab, 2026-12-04T05:00:00Z)\n"; err != nil || string(out) != want {
		t.Errorf("version: %v %q, want %q", err, out, want)
	}
	cmd := exec.Command(bin, "lint", "testdata/examples")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("lint testdata/examples: %v\n%s", err, out)
	}
}

func TestZipArchive(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "apigwlint.exe")
	os.WriteFile(bin, []byte("MZ binary"), 0o755)
	readme := filepath.Join(dir, "README.md")
	os.WriteFile(readme, []byte("# apigwlint\n"), 0o644)
	data, err := zipArchive([]file{{"apigwlint.exe", bin, 0o755}, {"README.md", readme, 0o644}}, date)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []struct {
		name, body string
		mode       os.FileMode
	}{{"apigwlint.exe", "MZ binary", 0o755}, {"README.md", "# apigwlint\n", 0o644}} {
		f := zr.File[i]
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		if f.Name != want.name || string(body) != want.body || f.Mode().Perm() != want.mode || !f.Modified.Equal(date) {
			t.Errorf("entry %d: %s %q %v %v", i, f.Name, body, f.Mode(), f.Modified)
		}
	}
}

// TestDockerfile checks the lines the image depends on (docker cannot run
// in the tests): a static base without a shell, the binary from the
// release context, a non-root user and apigwlint as the entry point.
func TestDockerfile(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 || !(strings.HasPrefix(lines[0], "FROM gcr.io/distroless/static") || lines[0] == "FROM scratch") {
		t.Errorf("base image: %q, want distroless/static or scratch", lines)
	}
	for _, want := range []string{
		"ARG TARGETARCH",
		"COPY linux/${TARGETARCH}/apigwlint /usr/local/bin/apigwlint",
		"USER 65532:65532",
		`ENTRYPOINT ["apigwlint"]`,
	} {
		found := false
		for _, l := range lines {
			found = found || l == want
		}
		if !found {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "RUN ") || strings.HasPrefix(l, "USER root") || strings.HasPrefix(l, "USER 0") {
			t.Errorf("Dockerfile: %q (the image is the static binary alone, not root)", l)
		}
	}
}

func unpack(t *testing.T, name string, data []byte) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	if strings.HasSuffix(name, ".zip") {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			rc, _ := f.Open()
			files[f.Name], _ = io.ReadAll(rc)
		}
		return files
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Name == "apigwlint" && h.Mode&0o111 == 0 {
			t.Errorf("apigwlint is not executable in the archive: %o", h.Mode)
		}
		files[h.Name], _ = io.ReadAll(tr)
	}
}

func keys(m map[string][]byte) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	return k
}
