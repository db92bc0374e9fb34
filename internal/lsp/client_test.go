package lsp

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/apigwlint/apigwlint/internal/lsp/jsonrpc"
)

// testClient drives a server over in-memory pipes with real framing, as an
// editor would. Everything the server sends is queued; tests take the
// messages they wait for, in whatever order they come.
type testClient struct {
	t    testing.TB
	conn *jsonrpc.Conn
	in   io.Closer // the server's input, closed to end the session
	exit chan int  // the server's exit status

	mu     sync.Mutex
	queue  []*jsonrpc.Message
	closed bool
	signal chan struct{}
	nextID int
}

const waitLimit = 10 * time.Second

func newTestClient(t testing.TB, opts Options) *testClient {
	t.Helper()
	serverIn, clientOut := io.Pipe()
	clientIn, serverOut := io.Pipe()
	c := &testClient{t: t, conn: jsonrpc.NewConn(clientIn, clientOut), in: clientOut,
		exit: make(chan int, 1), signal: make(chan struct{}, 1)}
	go func() {
		code := Serve(serverIn, serverOut, opts)
		serverOut.Close()
		c.exit <- code
	}()
	go c.pump()
	t.Cleanup(func() {
		c.in.Close()
		select {
		case <-c.exit:
		case <-time.After(waitLimit):
			t.Errorf("server did not stop after its input closed")
		}
	})
	return c
}

func (c *testClient) pump() {
	for {
		m, _, rpcErr, err := c.conn.Read()
		c.mu.Lock()
		switch {
		case err != nil:
			c.closed = true
		case rpcErr != nil:
			c.t.Errorf("server sent a malformed message: %s", rpcErr.Message)
		default:
			c.queue = append(c.queue, m)
		}
		c.mu.Unlock()
		select {
		case c.signal <- struct{}{}:
		default:
		}
		if err != nil {
			return
		}
	}
}

// take removes and returns the first queued message matching pred, waiting
// up to limit; nil when none came.
func (c *testClient) take(limit time.Duration, pred func(*jsonrpc.Message) bool) *jsonrpc.Message {
	deadline := time.After(limit)
	for {
		c.mu.Lock()
		for i, m := range c.queue {
			if pred(m) {
				c.queue = append(c.queue[:i], c.queue[i+1:]...)
				c.mu.Unlock()
				return m
			}
		}
		closed := c.closed
		c.mu.Unlock()
		if closed {
			return nil
		}
		select {
		case <-c.signal:
		case <-deadline:
			return nil
		}
	}
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(method, params); err != nil {
		c.t.Fatalf("notify %s: %v", method, err)
	}
}

// call sends a request and returns its response.
func (c *testClient) call(method string, params any) *jsonrpc.Message {
	c.t.Helper()
	c.nextID++
	id := c.nextID
	if err := c.conn.Call(id, method, params); err != nil {
		c.t.Fatalf("call %s: %v", method, err)
	}
	return c.response(fmt.Sprint(id))
}

func (c *testClient) response(id string) *jsonrpc.Message {
	c.t.Helper()
	m := c.take(waitLimit, func(m *jsonrpc.Message) bool { return m.Method == "" && string(m.ID) == id })
	if m == nil {
		c.t.Fatalf("no response to request %s", id)
	}
	return m
}

// result decodes a successful response's result.
func (c *testClient) result(m *jsonrpc.Message, v any) {
	c.t.Helper()
	if m.Error != nil {
		c.t.Fatalf("request failed: %d %s", m.Error.Code, m.Error.Message)
	}
	if err := json.Unmarshal(m.Result, v); err != nil {
		c.t.Fatalf("decoding result %s: %v", m.Result, err)
	}
}

func (c *testClient) initialize(root string) {
	c.t.Helper()
	var res initializeResult
	c.result(c.call("initialize", map[string]any{"processId": nil, "rootUri": pathToURI(root), "capabilities": map[string]any{}}), &res)
	c.notify("initialized", map[string]any{})
}

func (c *testClient) open(uri, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "yaml", Version: 1, Text: text}})
}

func (c *testClient) change(uri string, version int, text string) {
	c.t.Helper()
	c.notify("textDocument/didChange", didChangeParams{
		TextDocument:   versionedTextDocumentIdentifier{URI: uri, Version: version},
		ContentChanges: []contentChange{{Text: text}},
	})
}

// diagnostics waits for the diagnostics of a document's version.
func (c *testClient) diagnostics(uri string, version int) PublishDiagnosticsParams {
	c.t.Helper()
	var got PublishDiagnosticsParams
	m := c.take(waitLimit, func(m *jsonrpc.Message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var p PublishDiagnosticsParams
		if json.Unmarshal(m.Params, &p) != nil || p.URI != uri {
			return false
		}
		if version >= 0 && (p.Version == nil || *p.Version != version) {
			return false
		}
		got = p
		return true
	})
	if m == nil {
		c.t.Fatalf("no diagnostics for %s version %d", uri, version)
	}
	return got
}

// noDiagnostics checks that no diagnostics for uri arrive within d.
func (c *testClient) noDiagnostics(uri string, d time.Duration) {
	c.t.Helper()
	m := c.take(d, func(m *jsonrpc.Message) bool {
		var p PublishDiagnosticsParams
		return m.Method == "textDocument/publishDiagnostics" && json.Unmarshal(m.Params, &p) == nil && p.URI == uri
	})
	if m != nil {
		c.t.Errorf("unexpected diagnostics for %s: %s", uri, m.Params)
	}
}

func (c *testClient) shutdown() int {
	c.t.Helper()
	c.result(c.call("shutdown", nil), new(any))
	c.notify("exit", nil)
	select {
	case code := <-c.exit:
		c.exit <- code // for Cleanup
		return code
	case <-time.After(waitLimit):
		c.t.Fatal("server did not exit")
	}
	return -1
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "lsp", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func rng(l1, c1, l2, c2 int) Range {
	return Range{Start: Position{Line: l1, Character: c1}, End: Position{Line: l2, Character: c2}}
}
