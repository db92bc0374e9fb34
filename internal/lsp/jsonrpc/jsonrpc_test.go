package jsonrpc

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
)

func frame(body string) string {
	return "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
}

// readAll reads a stream to its end and describes each outcome.
func readAll(t *testing.T, stream string, maxBody int) []string {
	t.Helper()
	r := NewReader(strings.NewReader(stream))
	if maxBody > 0 {
		r.MaxBody = maxBody
	}
	var out []string
	for i := 0; i < 100; i++ {
		body, err := r.Read()
		var fe *FramingError
		switch {
		case err == io.EOF:
			return out
		case errors.As(err, &fe):
			out = append(out, "framing: "+fe.Msg)
		case err != nil:
			out = append(out, "fatal: "+err.Error())
			return out
		default:
			out = append(out, "body: "+string(body))
		}
	}
	t.Fatal("reader did not stop")
	return nil
}

func TestReaderFraming(t *testing.T) {
	tests := []struct {
		name   string
		stream string
		max    int
		want   []string
	}{
		{"two messages", frame(`{"a":1}`) + frame(`{"b":2}`), 0,
			[]string{`body: {"a":1}`, `body: {"b":2}`}},
		{"content type and case-insensitive name", "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}", 0,
			[]string{`body: {}`}},
		{"bare LF line ends", "Content-Length: 2\n\n{}", 0, []string{`body: {}`}},
		{"stray blank lines between messages", "\r\n" + frame(`{}`) + "\r\n\r\n" + frame(`[]`), 0,
			[]string{`body: {}`, `body: []`}},
		{"garbage header line, then resync", "hello there\r\n\r\n" + frame(`{"ok":1}`), 0,
			[]string{`framing: bad header line "hello there" (want "Name: value")`, `body: {"ok":1}`}},
		{"missing Content-Length skips the body it cannot measure", "Content-Type: x\r\n\r\n{\"lost\":1}" + frame(`{"ok":1}`), 0,
			[]string{`framing: no Content-Length header`, `body: {"ok":1}`}},
		{"bad Content-Length", "Content-Length: ten\r\n\r\n{}" + frame(`{"ok":1}`), 0,
			[]string{`framing: bad Content-Length "ten" (want a byte count)`, `body: {"ok":1}`}},
		{"negative Content-Length", "Content-Length: -5\r\n\r\n" + frame(`{"ok":1}`), 0,
			[]string{`framing: bad Content-Length "-5" (want a byte count)`, `body: {"ok":1}`}},
		{"over the limit is skipped, not read", frame(`{"big":"xxxxxxxxxx"}`) + frame(`{}`), 10,
			[]string{`framing: message of 20 bytes is over the 10-byte limit`, `body: {}`}},
		{"truncated body", "Content-Length: 10\r\n\r\n{}", 0, []string{"fatal: unexpected EOF"}},
		{"truncated header", "Content-Length: 10\r\n", 0, []string{"fatal: unexpected EOF"}},
		{"endless header line", strings.Repeat("x", 70000) + "\n" + frame(`{}`), 0,
			[]string{"framing: header line longer than 4096 bytes", "body: {}"}},
		{"Content-Length too large: the next message is still read", "Content-Length: 500\r\n\r\n{\"a\":1}" + frame(`{"ok":1}`), 0,
			[]string{`framing: Content-Length 500 is more than the message, which ends after 7 bytes`, `body: {"ok":1}`}},
		{"Content-Length too small: the next message is still read", "Content-Length: 3\r\n\r\n{\"a\":1}" + frame(`{"ok":1}`), 0,
			[]string{`body: {"a`, `framing: bad header line "\":1}Content-Length: 8" (want "Name: value")`, `body: {"ok":1}`}},
		{"garbage before a header on its line", "garbage garbage" + frame(`{"ok":1}`), 0,
			[]string{`framing: bad header line "garbage garbageContent-Length: 8" (want "Name: value")`, `body: {"ok":1}`}},
		{"a long garbage line, then a header on it", strings.Repeat("x", 5000) + frame(`{"ok":1}`), 0,
			[]string{"framing: header line longer than 4096 bytes", `body: {"ok":1}`}},
		{"Content-Length: inside a string is text", frame(`{"text":"}Content-Length: 2

{}"}`) + frame(`{}`), 0,
			[]string{`body: {"text":"}Content-Length: 2

{}"}`, `body: {}`}},
		{"empty stream", "", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, tt.stream, tt.max)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		body     string
		wantCode int // 0 = decodes
		wantID   string
	}{
		{`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`, 0, ""},
		{`{"jsonrpc":"2.0","method":"initialized"}`, 0, ""},
		{`{"jsonrpc":"2.0","id":"abc","result":null}`, 0, ""},
		{`{"jsonrpc":"2.0","id":7,"method":`, ParseError, "null"},
		{`not json`, ParseError, "null"},
		{`[{"jsonrpc":"2.0","id":1,"method":"x"}]`, InvalidRequest, "null"},
		{`[oops`, ParseError, "null"},
		{`{"jsonrpc":"1.0","id":3,"method":"x"}`, InvalidRequest, "3"},
		{`{"id":4,"method":"x"}`, InvalidRequest, "4"},
		{`{"jsonrpc":"2.0","id":5,"method":42}`, InvalidRequest, "5"},
		{`{"jsonrpc":"2.0","id":{"a":1},"method":"x"}`, InvalidRequest, "null"},
		{`{"jsonrpc":"2.0"}`, InvalidRequest, "null"},
		{`{"jsonrpc":"2.0","id":6}`, InvalidRequest, "6"},
		{`"just a string"`, InvalidRequest, "null"},
	}
	for _, tt := range tests {
		m, id, rpcErr := Decode([]byte(tt.body))
		if tt.wantCode == 0 {
			if rpcErr != nil || m == nil {
				t.Errorf("%s: got error %v, want a message", tt.body, rpcErr)
			}
			continue
		}
		if rpcErr == nil {
			t.Errorf("%s: decoded, want error %d", tt.body, tt.wantCode)
			continue
		}
		if rpcErr.Code != tt.wantCode || string(id) != tt.wantID {
			t.Errorf("%s: got error %d to id %s (%s), want %d to id %s", tt.body, rpcErr.Code, id, rpcErr.Message, tt.wantCode, tt.wantID)
		}
	}
}

func TestDecodeIDForms(t *testing.T) {
	m, _, _ := Decode([]byte(`{"jsonrpc":"2.0","id":null,"method":"x"}`))
	if !m.IsRequest() || string(m.ID) != "null" {
		t.Errorf("id null: IsRequest=%v id=%s, want a request with id null", m.IsRequest(), m.ID)
	}
	m, _, _ = Decode([]byte(`{"jsonrpc":"2.0","method":"x"}`))
	if !m.IsNotification() {
		t.Errorf("no id: want a notification")
	}
}

func TestConnRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w := NewConn(strings.NewReader(""), &buf)
	if err := w.Reply([]byte(`"req-1"`), nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Reply([]byte(`2`), nil, Errorf(MethodNotFound, "no method %q", "foo")); err != nil {
		t.Fatal(err)
	}
	if err := w.Notify("n", map[string]int{"x": 1}); err != nil {
		t.Fatal(err)
	}
	got := readAll(t, buf.String(), 0)
	want := []string{
		`body: {"jsonrpc":"2.0","id":"req-1","result":null}`,
		`body: {"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"no method \"foo\""}}`,
		`body: {"jsonrpc":"2.0","method":"n","params":{"x":1}}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A framing error is reported as soon as its header block ends, not when
// the next message arrives: the client is waiting for the answer.
func TestFramingErrorBeforeMoreInput(t *testing.T) {
	pr, pw := io.Pipe()
	r := NewReader(pr)
	go pw.Write([]byte("Content-Type: x\r\n\r\n"))
	got := make(chan error, 1)
	go func() {
		_, err := r.Read()
		got <- err
	}()
	select {
	case err := <-got:
		var fe *FramingError
		if !errors.As(err, &fe) {
			t.Fatalf("got %v, want a framing error", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the framing error waited for more input")
	}
	go pw.Write([]byte("junk" + frame(`{"n":1}`)))
	body, err := r.Read()
	if err != nil || string(body) != `{"n":1}` {
		t.Errorf("after resync: %q, %v", body, err)
	}
	pw.Close()
}

// A Content-Length larger than its message no longer swallows the next
// message and waits for bytes that never come: over a pipe that stays
// open, the next message is read as soon as it has arrived.
func TestTooLargeContentLengthOverPipe(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	r := NewReader(pr)
	go pw.Write([]byte("Content-Length: 100000\r\n\r\n{\"id\":1}" + frame(`{"id":2}`)))
	type result struct {
		body []byte
		err  error
	}
	got := make(chan result, 2)
	go func() {
		for i := 0; i < 2; i++ {
			body, err := r.Read()
			got <- result{body, err}
		}
	}()
	for i, want := range []string{"framing", `{"id":2}`} {
		select {
		case g := <-got:
			var fe *FramingError
			if want == "framing" && !errors.As(g.err, &fe) || want != "framing" && (g.err != nil || string(g.body) != want) {
				t.Errorf("read %d: %q, %v; want %s", i, g.body, g.err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("read %d waited for more input", i)
		}
	}
}

// FuzzReader: any input ends in io.EOF or a broken-stream error, never a
// panic or an endless loop; every decoded body is answerable.
func FuzzReader(f *testing.F) {
	f.Add([]byte(frame(`{"jsonrpc":"2.0","id":1,"method":"x"}`)))
	f.Add([]byte("Content-Length: 5\r\n\r\n[1,2]garbage\r\n\r\nContent-Length: 2\r\n\r\n{}"))
	f.Add([]byte("Content-Length:Content-Length: 3\n\n\"a\""))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data))
		r.MaxBody = 1 << 16
		for i := 0; i <= len(data)+1; i++ {
			body, err := r.Read()
			var fe *FramingError
			if err != nil && !errors.As(err, &fe) {
				return
			}
			if err == nil {
				Decode(body)
			}
		}
		t.Fatalf("reader did not reach the end of %d bytes", len(data))
	})
}
