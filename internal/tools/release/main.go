// Command release cross-builds apigwlint and packs a release: static
// binaries (CGO_ENABLED=0) for linux, darwin and windows on amd64 and
// arm64, one archive each (tar.gz, zip for windows), checksums.txt
// (sha256, the format of sha256sum) and a Docker build context with the
// linux binaries and the Dockerfile. It does what GoReleaser would, with
// the standard library only (see the README, Dependencies).
//
//	go run ./internal/tools/release -version v1.2.3     # a release, from its tag
//	go run ./internal/tools/release -snapshot -host     # CI: this platform only
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"time"
)

// Target is one platform of a release.
type Target struct{ OS, Arch string }

// Targets are the platforms of a release, in the order they are built.
var Targets = []Target{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

const versionPkg = "github.com/apigwlint/apigwlint/internal/version"

// semver is a release tag: v1.2.3, optionally with a pre-release suffix.
var semver = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`)

// Options of one run.
type Options struct {
	Root     string    // the module root
	Dist     string    // output directory (emptied first)
	Version  string    // v1.2.3
	Commit   string    // VCS revision
	Date     time.Time // commit time: the same tag always gives the same archives
	Targets  []Target
	Docker   bool   // write the Docker build context under Dist/docker
	Go       string // the go command
	Log      io.Writer
	Snapshot bool
}

// Archive names one target's archive: apigwlint_1.2.3_linux_amd64.tar.gz.
func Archive(version string, t Target) string {
	ext := ".tar.gz"
	if t.OS == "windows" {
		ext = ".zip"
	}
	return fmt.Sprintf("apigwlint_%s_%s_%s%s", strings.TrimPrefix(version, "v"), t.OS, t.Arch, ext)
}

// LDFlags are the linker flags that stamp a build.
func LDFlags(version, commit string, date time.Time) string {
	return fmt.Sprintf("-s -w -X %s.Version=%s -X %s.Commit=%s -X %s.Date=%s",
		versionPkg, version, versionPkg, commit, versionPkg, date.UTC().Format(time.RFC3339))
}

// Run builds every target and writes the archives and checksums.txt.
func Run(o Options) error {
	if !semver.MatchString(o.Version) {
		return fmt.Errorf("version %q is not a release tag like v1.2.3", o.Version)
	}
	if err := os.RemoveAll(o.Dist); err != nil {
		return err
	}
	if err := os.MkdirAll(o.Dist, 0o755); err != nil {
		return err
	}
	var sums []string
	for _, t := range o.Targets {
		exe := "apigwlint"
		if t.OS == "windows" {
			exe += ".exe"
		}
		dir := filepath.Join(o.Dist, t.OS+"_"+t.Arch)
		bin := filepath.Join(dir, exe)
		fmt.Fprintf(o.Log, "build %s/%s\n", t.OS, t.Arch)
		cmd := exec.Command(o.Go, "build", "-trimpath", "-buildvcs=false", "-ldflags", LDFlags(o.Version, o.Commit, o.Date), "-o", bin, "./cmd/apigwlint")
		cmd.Dir = o.Root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.OS, "GOARCH="+t.Arch, "GOFLAGS=")
		cmd.Stdout, cmd.Stderr = o.Log, o.Log
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build %s/%s: %w", t.OS, t.Arch, err)
		}
		files := []file{{exe, bin, 0o755}}
		for _, doc := range []string{"README.md", "LICENSE"} {
			if _, err := os.Stat(filepath.Join(o.Root, doc)); err == nil {
				files = append(files, file{doc, filepath.Join(o.Root, doc), 0o644})
			}
		}
		name := Archive(o.Version, t)
		var data []byte
		var err error
		if t.OS == "windows" {
			data, err = zipArchive(files, o.Date)
		} else {
			data, err = tarGz(files, o.Date)
		}
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(o.Dist, name), data, 0o644); err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		sums = append(sums, hex.EncodeToString(sum[:])+"  "+name+"\n")
		if o.Docker && t.OS == "linux" {
			// The context docker buildx gets: linux/<arch>/apigwlint,
			// picked by TARGETARCH in the Dockerfile.
			if err := copyFile(bin, filepath.Join(o.Dist, "docker", "linux", t.Arch, "apigwlint"), 0o755); err != nil {
				return err
			}
		}
	}
	if o.Docker {
		if err := copyFile(filepath.Join(o.Root, "Dockerfile"), filepath.Join(o.Dist, "docker", "Dockerfile"), 0o644); err != nil {
			return err
		}
	}
	sort.Strings(sums)
	return os.WriteFile(filepath.Join(o.Dist, "checksums.txt"), []byte(strings.Join(sums, "")), 0o644)
}

type file struct {
	name, path string
	mode       int64
}

func tarGz(files []file, mtime time.Time) ([]byte, error) {
	var buf bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	tw := tar.NewWriter(gz)
	for _, f := range files {
		data, err := os.ReadFile(f.path)
		if err != nil {
			return nil, err
		}
		hdr := &tar.Header{Name: f.name, Mode: f.mode, Size: int64(len(data)), ModTime: mtime.UTC(), Format: tar.FormatPAX, Typeflag: tar.TypeReg}
		if err := tw.WriteHeader(hdr); err != nil {
			return nil, err
		}
		if _, err := tw.Write(data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func zipArchive(files []file, mtime time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		data, err := os.ReadFile(f.path)
		if err != nil {
			return nil, err
		}
		hdr := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: mtime.UTC()}
		hdr.SetMode(os.FileMode(f.mode))
		w, err := zw.CreateHeader(hdr)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func copyFile(from, to string, mode os.FileMode) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, data, mode)
}

func git(root string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = root
	out, err := cmd.Output()
	return strings.TrimSpace(string(out)), err
}

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(args []string, log io.Writer) error {
	fs := flag.NewFlagSet("release", flag.ContinueOnError)
	fs.SetOutput(log)
	version := fs.String("version", "", "release tag (v1.2.3); default: the tag at HEAD")
	snapshot := fs.Bool("snapshot", false, "a snapshot: version 0.0.0-snapshot+<commit>, no tag needed")
	host := fs.Bool("host", false, "build the host platform only")
	dist := fs.String("dist", "dist", "output directory (emptied first)")
	docker := fs.Bool("docker", false, "also write the Docker build context to DIST/docker")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := git(".", "rev-parse", "--show-toplevel")
	if err != nil {
		return errors.New("not in a git checkout: the release is stamped with its commit")
	}
	commit, err := git(root, "rev-parse", "HEAD")
	if err != nil {
		return err
	}
	ct, err := git(root, "log", "-1", "--format=%cI", "HEAD")
	if err != nil {
		return err
	}
	date, err := time.Parse(time.RFC3339, ct)
	if err != nil {
		return err
	}
	switch {
	case *snapshot:
		*version = "v0.0.0-snapshot." + commit[:12]
	case *version == "":
		if *version, err = git(root, "describe", "--tags", "--exact-match", "HEAD"); err != nil {
			return errors.New("HEAD has no tag: give -version or -snapshot")
		}
	}
	targets := Targets
	if *host {
		targets = []Target{{runtime.GOOS, runtime.GOARCH}}
	}
	d := *dist
	if !filepath.IsAbs(d) {
		d = filepath.Join(root, d)
	}
	return Run(Options{Root: root, Dist: d, Version: *version, Commit: commit, Date: date, Targets: targets,
		Docker: *docker, Go: filepath.Join(runtime.GOROOT(), "bin", "go"), Log: log, Snapshot: *snapshot})
}
