// Package jsonrpc is the wire layer of the language server: JSON-RPC 2.0
// messages framed by a Content-Length header, as the Language Server
// Protocol specifies (base protocol, "Header Part" and "Content Part").
//
// It is deliberately small and built on encoding/json only. A reader never
// gives up on a bad message: a malformed header or body becomes a value the
// server answers with a JSON-RPC error, and the reader resynchronises on the
// next "Content-Length:" header. Only the end of the stream (or a broken
// one) stops it.
package jsonrpc

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// Error codes of JSON-RPC 2.0 and of the Language Server Protocol.
const (
	ParseError           = -32700
	InvalidRequest       = -32600
	MethodNotFound       = -32601
	InvalidParams        = -32602
	InternalError        = -32603
	ServerNotInitialized = -32002
	RequestCancelled     = -32800
)

// DefaultMaxBody bounds one message (64 MiB): a definition file is limited
// to 10 MiB, and JSON escaping can at most multiply it by six.
const DefaultMaxBody = 64 << 20

// maxHeaderLine bounds one header line, so that garbage without newlines
// cannot make the reader buffer without end.
const maxHeaderLine = 4096

// Error is a JSON-RPC error object.
type Error struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return fmt.Sprintf("jsonrpc error %d: %s", e.Code, e.Message) }

// Errorf makes an Error.
func Errorf(code int, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Message is any JSON-RPC message: a request (Method and ID), a
// notification (Method, no ID) or a response (ID and Result or Error).
type Message struct {
	JSONRPC string `json:"jsonrpc"`
	// ID is kept raw so that a reply echoes it byte for byte, whether the
	// client used numbers or strings. nil means absent; "null" is null.
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *Error          `json:"error,omitempty"`
}

// IsRequest reports whether m expects a response.
func (m *Message) IsRequest() bool { return m.Method != "" && m.ID != nil }

// IsNotification reports whether m is a notification.
func (m *Message) IsNotification() bool { return m.Method != "" && m.ID == nil }

var nullID = json.RawMessage("null")

// Decode parses one message body. On failure it returns the error to send
// back and the ID to send it to (null when the ID could not be read).
func Decode(body []byte) (*Message, json.RawMessage, *Error) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '[' {
		if !json.Valid(trimmed) {
			return nil, nullID, Errorf(ParseError, "invalid JSON in message body")
		}
		// JSON-RPC batches are not part of the Language Server Protocol.
		return nil, nullID, Errorf(InvalidRequest, "batch requests are not supported")
	}
	var m Message
	if err := json.Unmarshal(body, &m); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			// Valid JSON of the wrong shape ("method": 3, a bare string).
			return nil, idOf(body), Errorf(InvalidRequest, "not a JSON-RPC message: %v", err)
		}
		return nil, nullID, Errorf(ParseError, "invalid JSON in message body: %v", err)
	}
	if m.ID != nil && !validID(m.ID) {
		return nil, nullID, Errorf(InvalidRequest, "id must be a number, a string or null, not %s", m.ID)
	}
	id := m.ID
	if id == nil {
		id = nullID
	}
	if m.JSONRPC != "2.0" {
		return nil, id, Errorf(InvalidRequest, `"jsonrpc" must be "2.0", not %q`, m.JSONRPC)
	}
	if m.Method == "" && m.ID == nil {
		return nil, nullID, Errorf(InvalidRequest, `a message needs a "method" or an "id"`)
	}
	if m.Method == "" && m.Result == nil && m.Error == nil {
		return nil, id, Errorf(InvalidRequest, `a request needs a "method"`)
	}
	return &m, nil, nil
}

// idOf digs the id out of an object whose other members have wrong types.
func idOf(body []byte) json.RawMessage {
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(body, &probe) == nil && probe.ID != nil && validID(probe.ID) {
		return probe.ID
	}
	return nullID
}

func validID(id json.RawMessage) bool {
	if len(id) == 0 {
		return false
	}
	switch id[0] {
	case '"', 'n', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

// FramingError is a message whose header could not be read. The reader has
// already skipped past it; the caller answers it and reads on.
type FramingError struct{ Msg string }

func (e *FramingError) Error() string { return "malformed message: " + e.Msg }

// Reader reads framed message bodies.
type Reader struct {
	r       *bufio.Reader
	src     io.Reader // what r reads from: the stream, after bytes put back
	MaxBody int
	// lost is set after a framing error: the next Read first skips to
	// the next "Content-Length:" (not at once, so that the error can be
	// answered before more input arrives).
	lost bool
	// resumed is set after a resynchronisation that consumed the
	// "Content-Length:" marker: the next header block starts with it.
	resumed bool
	// repositioned is set when a framing error found the next
	// "Content-Length:" inside what it read and put it back (see
	// unread): the next Read starts there, without skipping.
	repositioned bool
}

// NewReader reads from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, bufSize), src: r, MaxBody: DefaultMaxBody}
}

const bufSize = 64 << 10

// unread puts b back in front of the input not yet read: the next read
// starts with b.
func (r *Reader) unread(b []byte) {
	buffered, _ := r.r.Peek(r.r.Buffered())
	pending := append(append([]byte(nil), b...), buffered...)
	r.src = io.MultiReader(bytes.NewReader(pending), r.src)
	r.r = bufio.NewReaderSize(r.src, bufSize)
	r.repositioned = true
}

const marker = "Content-Length:"

// Read returns the next message body. It returns io.EOF at the end of the
// stream between messages, a *FramingError for a message it skipped, and
// any other error when the stream broke.
func (r *Reader) Read() ([]byte, error) {
	if r.lost {
		r.lost = false
		if err := r.resync(); err != nil {
			return nil, err
		}
	}
	r.repositioned = false
	length, err := r.header()
	if err != nil {
		var fe *FramingError
		if errors.As(err, &fe) && !r.repositioned {
			r.lost = true
		}
		return nil, err
	}
	if length > r.MaxBody {
		if _, err := io.CopyN(io.Discard, r.r, int64(length)); err != nil {
			return nil, unexpected(err)
		}
		return nil, &FramingError{Msg: fmt.Sprintf("message of %d bytes is over the %d-byte limit", length, r.MaxBody)}
	}
	return r.body(length)
}

var markerBytes = []byte(marker)

// body reads a body of length bytes. A Content-Length larger than the
// message it frames would make a plain read swallow the messages after it
// and then wait for input that never comes; so the body is read as it
// arrives, and a "Content-Length:" that follows a complete JSON value is
// taken as the next message: what came before it is reported as a framing
// error, and reading resumes at the header. (Inside a message, that text
// can only be part of a string, and then what precedes it is not a
// complete JSON value.)
func (r *Reader) body(length int) ([]byte, error) {
	body := make([]byte, 0, min(length, bufSize))
	for len(body) < length {
		if r.r.Buffered() == 0 {
			if _, err := r.r.Peek(1); err != nil {
				return nil, unexpected(err)
			}
		}
		start := len(body)
		n := min(length-len(body), r.r.Buffered())
		body = append(body, make([]byte, n)...)
		if _, err := io.ReadFull(r.r, body[start:]); err != nil {
			return nil, unexpected(err)
		}
		for from := max(0, start-len(marker)+1); ; {
			i := bytes.Index(body[from:], markerBytes)
			if i < 0 {
				break
			}
			i += from
			if prev := bytes.TrimRight(body[:i], " \t\r\n"); len(prev) > 0 && (prev[len(prev)-1] == '}' || prev[len(prev)-1] == ']') && json.Valid(prev) {
				r.unread(body[i:])
				return nil, &FramingError{Msg: fmt.Sprintf("Content-Length %d is more than the message, which ends after %d bytes", length, i)}
			}
			from = i + 1
		}
	}
	return body, nil
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// header reads one header block and returns the Content-Length.
func (r *Reader) header() (int, error) {
	length := -1
	seen := false
	for {
		line, err := r.line()
		if err != nil {
			if err == io.EOF && seen {
				return 0, io.ErrUnexpectedEOF
			}
			return 0, err
		}
		if r.resumed {
			line = marker + line
			r.resumed = false
		}
		if line == "" {
			if !seen {
				continue // stray line breaks between messages are harmless
			}
			break
		}
		seen = true
		name, value, ok := strings.Cut(line, ":")
		if !ok || name == "" || strings.ContainsAny(name, " \t{\"") {
			// The rest of a message whose Content-Length was too small,
			// followed by the next header on the same line: resume there.
			if i := strings.Index(line, marker); i > 0 {
				r.unread([]byte(line[i:] + "\r\n"))
			}
			return 0, &FramingError{Msg: fmt.Sprintf("bad header line %q (want \"Name: value\")", clip(line))}
		}
		value = strings.TrimSpace(value)
		switch {
		case strings.EqualFold(name, "Content-Length"):
			n, err := strconv.Atoi(value)
			if err != nil || n < 0 {
				return 0, &FramingError{Msg: fmt.Sprintf("bad Content-Length %q (want a byte count)", clip(value))}
			}
			length = n
		case strings.EqualFold(name, "Content-Type"):
			// The protocol only knows UTF-8 JSON; "utf8" is accepted as
			// the specification asks, anything else is taken as UTF-8 too.
		}
	}
	if length < 0 {
		return 0, &FramingError{Msg: "no Content-Length header"}
	}
	return length, nil
}

// line reads one header line without its line break.
func (r *Reader) line() (string, error) {
	var b []byte
	for {
		chunk, err := r.r.ReadSlice('\n')
		b = append(b, chunk...)
		if err == nil {
			break
		}
		if err == bufio.ErrBufferFull {
			if len(b) > maxHeaderLine {
				// The next header may follow a run of garbage on
				// this line; the rest is skipped to it (see Read).
				if i := bytes.LastIndex(b, markerBytes); i > 0 {
					r.unread(b[i:])
				}
				return "", &FramingError{Msg: fmt.Sprintf("header line longer than %d bytes", maxHeaderLine)}
			}
			continue
		}
		if err == io.EOF && len(b) > 0 {
			return "", io.ErrUnexpectedEOF
		}
		return "", err
	}
	if len(b) > maxHeaderLine {
		if i := bytes.LastIndex(b, markerBytes); i > 0 {
			r.unread(b[i:])
		}
		return "", &FramingError{Msg: fmt.Sprintf("header line longer than %d bytes", maxHeaderLine)}
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}

// resync skips input up to and including the next "Content-Length:", so
// that the next Read starts at a message boundary again.
func (r *Reader) resync() error {
	matched := 0
	for {
		c, err := r.r.ReadByte()
		if err != nil {
			return err
		}
		switch {
		case c == marker[matched]:
			matched++
		case c == marker[0]:
			matched = 1
		default:
			matched = 0
		}
		if matched == len(marker) {
			r.resumed = true
			return nil
		}
	}
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}

// Conn is one end of a connection: it reads messages and writes replies
// and notifications, from any goroutine.
type Conn struct {
	in  *Reader
	mu  sync.Mutex
	out io.Writer
}

// NewConn reads from r and writes to w.
func NewConn(r io.Reader, w io.Writer) *Conn { return &Conn{in: NewReader(r), out: w} }

// Read returns the next message. A message that could not be decoded is
// returned as (nil, id, rpcErr, nil): answer it and read on. err is the end
// of the stream (io.EOF) or a broken one.
func (c *Conn) Read() (*Message, json.RawMessage, *Error, error) {
	body, err := c.in.Read()
	if err != nil {
		var fe *FramingError
		if errors.As(err, &fe) {
			return nil, nullID, Errorf(ParseError, "%s", fe.Error()), nil
		}
		return nil, nil, nil, err
	}
	m, id, rpcErr := Decode(body)
	return m, id, rpcErr, nil
}

// Notify sends a notification.
func (c *Conn) Notify(method string, params any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return c.send(&Message{JSONRPC: "2.0", Method: method, Params: raw})
}

// Call sends a request (used by test clients).
func (c *Conn) Call(id int, method string, params any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return c.send(&Message{JSONRPC: "2.0", ID: json.RawMessage(strconv.Itoa(id)), Method: method, Params: raw})
}

// Reply answers a request with a result, or with rpcErr when it is not nil.
func (c *Conn) Reply(id json.RawMessage, result any, rpcErr *Error) error {
	if id == nil {
		id = nullID
	}
	m := &Message{JSONRPC: "2.0", ID: id}
	if rpcErr != nil {
		m.Error = rpcErr
	} else {
		raw, err := json.Marshal(result)
		if err != nil {
			return err
		}
		m.Result = raw
	}
	return c.send(m)
}

func (c *Conn) send(m *Message) error {
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return c.WriteRaw(body)
}

// WriteRaw frames and writes one body as is (tests use it to send
// malformed messages).
func (c *Conn) WriteRaw(body []byte) error {
	buf := make([]byte, 0, len(body)+32)
	buf = append(buf, "Content-Length: "...)
	buf = strconv.AppendInt(buf, int64(len(body)), 10)
	buf = append(buf, "\r\n\r\n"...)
	buf = append(buf, body...)
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err := c.out.Write(buf)
	return err
}

// WriteBytes writes bytes with no framing at all (for tests of framing
// errors).
func (c *Conn) WriteBytes(b []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err := c.out.Write(b)
	return err
}
