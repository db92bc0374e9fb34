package lsp

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNeovim runs a real editor as the client: Neovim headless starts
// `apigwlint lsp` (built here), opens a faulty file, waits for the
// diagnostics, hovers, fixes the buffer and waits for the list to clear,
// then misspells a key inside a JSON string after CJK, applies the
// server's quick fix with the editor's own UTF-16 conversion and waits for
// the list to clear again.
// The Lua side is testdata/lsp/nvim-init.lua.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not on PATH: install Neovim (apt-get install neovim) to run the editor test")
	}
	if testing.Short() {
		t.Skip("builds the binary and starts an editor")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH: cannot build apigwlint for the editor")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "apigwlint")
	build := exec.Command(goTool, "build", "-o", bin, "./cmd/apigwlint")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	project := filepath.Join(tmp, "project")
	if err := os.MkdirAll(project, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(project, "get-user.yaml")
	if err := os.WriteFile(file, []byte(readFixture(t, "faulty.yaml")), 0o644); err != nil {
		t.Fatal(err)
	}
	abs := func(name string) string {
		p, err := filepath.Abs(filepath.Join("..", "..", "testdata", "lsp", name))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	out := filepath.Join(tmp, "seen.txt")

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-u", abs("nvim-init.lua"))
	cmd.Dir = project
	cmd.Env = append(os.Environ(), "APIGWLINT_BIN="+bin, "APIGWLINT_FILE="+file,
		"APIGWLINT_FIXED="+abs("fixed.yaml"), "APIGWLINT_OUT="+out, "XDG_STATE_HOME="+tmp, "XDG_CACHE_HOME="+tmp)
	cmd.WaitDelay = 5 * time.Second
	if combined, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, combined)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("nvim wrote nothing: %v", err)
	}
	got := strings.Split(strings.TrimSpace(string(raw)), "\n")
	t.Logf("%s", raw)
	if len(got) > 0 && strings.HasPrefix(got[0], "nvim ") {
		got = got[1:]
	}
	// Neovim reports byte columns: it converted our UTF-16 positions back
	// using the buffer. "获取😀用户" is 16 bytes; line 7 has 7 extra bytes
	// of CJK and emoji before "GETT".
	// Each line must start with the wanted text (the rest of a message
	// is the schema's wording, tested elsewhere).
	want := []string{
		`diag 4:9-4:25 severity=1 source=apigwlint code=schema ApiName "获取😀用户" is not valid`,
		`diag 5:12-5:18 severity=1 source=apigwlint code=schema Visibility "PUBLIK" is not one of`,
		`diag 6:69-6:75 severity=1 source=apigwlint code=schema RequestConfig.RequestHttpMethod "GETT" is not one of`,
		`hover **Visibility** · string · required · CreateApi`,
		`cleared`,
		`action names RequestHttpMethod`,
		`fixed`,
		`cleared`,
	}
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		ok = strings.HasPrefix(got[i], want[i])
	}
	if !ok {
		t.Errorf("Neovim saw\n%s\nwant lines starting with\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
