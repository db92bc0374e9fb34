// Package lsp is `apigwlint lsp`: a Language Server Protocol server over
// standard input and output that publishes the linter's diagnostics as the
// user types, shows the schema's documentation on hover, completes keys
// and enum values from the schema, offers the rules' suggested fixes as
// code actions (fix.go) and goes from a finding to its related locations,
// such as the other file of a clash.
//
// One goroutine reads messages and answers them in order (hover and
// completion are fast enough to answer inline); a second one lints. A
// change only records the new text and nudges the linting goroutine, which
// waits until the document has been quiet for the debounce delay and then
// lints the latest text of every open document at once, so a burst of
// keystrokes costs one run, and a cross-file finding in one open file is
// refreshed when another changes. The wire format lives in package jsonrpc.
package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lsp/jsonrpc"
)

// DefaultDebounce is how long the server waits after a change before it
// lints: longer than the gap between keystrokes of a fast typist, short
// enough to feel immediate.
const DefaultDebounce = 150 * time.Millisecond

// RulesURL is the rule reference each diagnostic's code links to.
const RulesURL = "https://github.com/apigwlint/apigwlint/blob/main/docs/rules.md#"

// Options configure a server.
type Options struct {
	Linter   Linter        // nil = FileLinter{}
	Debounce time.Duration // wait after a change before linting; 0 = none
	Version  string        // reported in serverInfo
	Log      io.Writer     // the server's own problems (stderr); nil = discard
}

// Server is one language server session.
type Server struct {
	opts Options
	conn *jsonrpc.Conn

	// Touched by the reading goroutine only.
	initialized bool
	shutdown    bool
	// documentChanges: the client takes versioned document edits.
	documentChanges bool

	mu   sync.Mutex
	docs map[string]*document // by URI as the client wrote it
	root string
	gen  uint64    // bumped by every change to the set of open texts
	due  time.Time // when the pending lint may start
	// results holds the last published lint of each open document (by
	// URI), which code actions and definitions answer from.
	results map[string]*lintResult

	// pubMu orders publications: a lint result checked as current and a
	// didClose's clearing never interleave.
	pubMu     sync.Mutex
	published map[string]publication

	kick chan struct{}
	done chan struct{}
}

// lintResult is one document's part of a lint run: the text it was
// computed from and the diagnostics, as the linter gave them (with their
// fixes) and as published (same order).
type lintResult struct {
	version int
	text    *text
	diags   []diag.Diagnostic
	lsp     []Diagnostic
}

type publication struct {
	version int
	diags   string // JSON of the list, to skip re-sending an unchanged one
}

// document is one open document. text is replaced, never modified, so a
// lint run may hold a version while the next arrives.
type document struct {
	uri        string
	path       string // absolute; made up under the root for non-file URIs
	languageID string
	version    int
	text       *text
	analysis   *analysis // parsed for hover and completion, nil until needed
}

// Serve runs a session until the client sends exit or closes the stream,
// and returns the process exit status the protocol asks for: 0 after
// shutdown, 1 otherwise.
func Serve(in io.Reader, out io.Writer, opts Options) int {
	s := newServer(in, out, opts)
	return s.run()
}

func newServer(in io.Reader, out io.Writer, opts Options) *Server {
	if opts.Linter == nil {
		opts.Linter = FileLinter{}
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	return &Server{
		opts:      opts,
		conn:      jsonrpc.NewConn(in, out),
		docs:      map[string]*document{},
		results:   map[string]*lintResult{},
		published: map[string]publication{},
		kick:      make(chan struct{}, 1),
		done:      make(chan struct{}),
	}
}

func (s *Server) run() int {
	linted := make(chan struct{})
	go func() {
		defer close(linted)
		s.lintLoop()
	}()
	defer func() {
		close(s.done)
		<-linted
	}()
	for {
		m, id, rpcErr, err := s.conn.Read()
		if err != nil {
			if err != io.EOF {
				s.logf("reading from the client: %v", err)
			}
			return s.exitCode()
		}
		if rpcErr != nil {
			s.logf("%s", rpcErr.Message)
			s.reply(id, nil, rpcErr)
			continue
		}
		if m.Method == "exit" {
			return s.exitCode()
		}
		s.dispatch(m)
	}
}

func (s *Server) exitCode() int {
	if s.shutdown {
		return 0
	}
	return 1
}

func (s *Server) logf(format string, args ...any) {
	fmt.Fprintf(s.opts.Log, "apigwlint lsp: "+format+"\n", args...)
}

func (s *Server) reply(id json.RawMessage, result any, rpcErr *jsonrpc.Error) {
	if err := s.conn.Reply(id, result, rpcErr); err != nil {
		s.logf("writing to the client: %v", err)
	}
}

func (s *Server) notify(method string, params any) {
	if err := s.conn.Notify(method, params); err != nil {
		s.logf("writing to the client: %v", err)
	}
}

// dispatch handles one decoded message. A panic in a handler is a bug; it
// is answered as an internal error and the session goes on.
func (s *Server) dispatch(m *jsonrpc.Message) {
	defer func() {
		if r := recover(); r != nil {
			s.logf("internal error handling %s: %v", m.Method, r)
			if m.IsRequest() {
				s.reply(m.ID, nil, jsonrpc.Errorf(jsonrpc.InternalError, "internal error handling %s: %v", m.Method, r))
			}
		}
	}()
	if m.Method == "" {
		return // a response; this server sends no requests
	}
	if !m.IsRequest() {
		s.notification(m)
		return
	}
	result, rpcErr := s.request(m)
	s.reply(m.ID, result, rpcErr)
}

func (s *Server) request(m *jsonrpc.Message) (any, *jsonrpc.Error) {
	if m.Method == "initialize" {
		if s.initialized {
			return nil, jsonrpc.Errorf(jsonrpc.InvalidRequest, "initialize was already received")
		}
		return s.initialize(m.Params)
	}
	if !s.initialized {
		return nil, jsonrpc.Errorf(jsonrpc.ServerNotInitialized, "%s before initialize", m.Method)
	}
	if s.shutdown {
		return nil, jsonrpc.Errorf(jsonrpc.InvalidRequest, "%s after shutdown", m.Method)
	}
	switch m.Method {
	case "shutdown":
		s.shutdown = true
		return nil, nil
	case "textDocument/hover":
		var p textDocumentPositionParams
		if err := decodeParams(m.Params, &p); err != nil {
			return nil, err
		}
		h := s.hover(p.TextDocument.URI, p.Position)
		if h == nil {
			return nil, nil // JSON null: nothing to show
		}
		return h, nil
	case "textDocument/completion":
		var p completionParams
		if err := decodeParams(m.Params, &p); err != nil {
			return nil, err
		}
		return s.completion(p), nil
	case "textDocument/codeAction":
		var p codeActionParams
		if err := decodeParams(m.Params, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	case "textDocument/definition":
		var p textDocumentPositionParams
		if err := decodeParams(m.Params, &p); err != nil {
			return nil, err
		}
		if locs := s.definition(p.TextDocument.URI, p.Position); len(locs) > 0 {
			return locs, nil
		}
		return nil, nil // JSON null: nowhere to go
	}
	return nil, jsonrpc.Errorf(jsonrpc.MethodNotFound, "method %q is not supported by apigwlint", m.Method)
}

func decodeParams(params json.RawMessage, v any) *jsonrpc.Error {
	if len(params) == 0 {
		return jsonrpc.Errorf(jsonrpc.InvalidParams, "missing params")
	}
	if err := json.Unmarshal(params, v); err != nil {
		return jsonrpc.Errorf(jsonrpc.InvalidParams, "invalid params: %v", err)
	}
	return nil
}

func (s *Server) initialize(params json.RawMessage) (any, *jsonrpc.Error) {
	var p initializeParams
	if len(params) > 0 {
		if err := json.Unmarshal(params, &p); err != nil {
			return nil, jsonrpc.Errorf(jsonrpc.InvalidParams, "invalid initialize params: %v", err)
		}
	}
	root := ""
	switch {
	case len(p.WorkspaceFolders) > 0:
		root = uriToPath(p.WorkspaceFolders[0].URI)
	case p.RootURI != "":
		root = uriToPath(p.RootURI)
	case p.RootPath != "":
		root = filepath.Clean(p.RootPath)
	}
	if root == "" {
		root, _ = os.Getwd()
	}
	s.mu.Lock()
	s.root = root
	s.mu.Unlock()
	s.initialized = true
	s.documentChanges = p.Capabilities.Workspace.WorkspaceEdit.DocumentChanges
	var codeActions any = true
	if p.Capabilities.TextDocument.CodeAction.CodeActionLiteralSupport != nil {
		codeActions = codeActionOptions{CodeActionKinds: []string{kindQuickFix, "source.fixAll", kindFixAll}}
	}
	if broadRoot(root) {
		// Allowed while initialize is answered (LSP 3.17, "initialize").
		s.notify("window/showMessage", logMessageParams{Type: 2, Message: "apigwlint: the workspace is " + root +
			", which is too broad to scan: only open files are checked, and compared with each other. Open the project's folder to compare them with the whole project."})
	}
	return initializeResult{
		Capabilities: serverCapabilities{
			PositionEncoding: "utf-16",
			TextDocumentSync: textDocumentSyncOpts{OpenClose: true, Change: 1, Save: saveOptions{IncludeText: true}},
			HoverProvider:    true,
			// ':' and ' ' after a key ask for its values; '"' starts a
			// JSON key or value.
			CompletionProvider: completionProviderOpts{TriggerCharacters: []string{":", " ", "\""}},
			CodeActionProvider: codeActions,
			DefinitionProvider: true,
		},
		ServerInfo: serverInfo{Name: "apigwlint", Version: s.opts.Version},
	}, nil
}

func (s *Server) notification(m *jsonrpc.Message) {
	if !s.initialized || s.shutdown {
		return // the protocol says to drop them
	}
	var err *jsonrpc.Error
	switch m.Method {
	case "textDocument/didOpen":
		var p didOpenParams
		if err = decodeParams(m.Params, &p); err == nil {
			s.didOpen(p)
		}
	case "textDocument/didChange":
		var p didChangeParams
		if err = decodeParams(m.Params, &p); err == nil {
			s.didChange(p)
		}
	case "textDocument/didSave":
		var p didSaveParams
		if err = decodeParams(m.Params, &p); err == nil {
			s.didSave(p)
		}
	case "textDocument/didClose":
		var p didCloseParams
		if err = decodeParams(m.Params, &p); err == nil {
			s.didClose(p)
		}
	}
	// Other notifications (initialized, $/cancelRequest, $/setTrace,
	// workspace/didChangeConfiguration, ...) need nothing from us.
	if err != nil {
		s.logf("%s: %s", m.Method, err.Message)
	}
}

func (s *Server) didOpen(p didOpenParams) {
	td := p.TextDocument
	s.mu.Lock()
	s.docs[td.URI] = &document{
		uri: td.URI, path: s.pathFor(td.URI, td.LanguageID), languageID: td.LanguageID,
		version: td.Version, text: newText(td.Text),
	}
	s.mu.Unlock()
	s.schedule(0)
}

// pathFor gives a document a path: its own for a file URI, a made-up one
// under the root for others (untitled:Untitled-1), with an extension from
// the language so the loader knows JSON from YAML.
func (s *Server) pathFor(uri, languageID string) string {
	if p := uriToPath(uri); p != "" {
		return p
	}
	name := uri
	if i := strings.LastIndexAny(name, "/:"); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == '%' || r == '?' || r == '#' {
			return '_'
		}
		return r
	}, name)
	if name == "" {
		name = "untitled"
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json", ".tf", ".tofu":
	default:
		if languageID == "terraform" || languageID == "opentofu" {
			name += ".tf"
		} else if languageID == "json" || languageID == "jsonc" {
			name += ".json"
		} else {
			name += ".yaml"
		}
	}
	return filepath.Join(s.root, name)
}

func (s *Server) didChange(p didChangeParams) {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		s.mu.Unlock()
		s.logf("didChange for %s, which is not open", p.TextDocument.URI)
		return
	}
	nd := *d
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			nd.text = newText(c.Text)
			continue
		}
		// Full sync is announced; an incremental change is applied anyway
		// rather than dropped, so a client that ignores it still works.
		nd.text = nd.text.apply(*c.Range, c.Text)
	}
	nd.version = p.TextDocument.Version
	nd.analysis = nil
	s.docs[nd.uri] = &nd
	s.mu.Unlock()
	s.schedule(s.opts.Debounce)
}

func (s *Server) didSave(p didSaveParams) {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d != nil && p.Text != nil && *p.Text != d.text.src {
		nd := *d
		nd.text, nd.analysis = newText(*p.Text), nil
		s.docs[nd.uri] = &nd
	}
	s.mu.Unlock()
	// Saving changes what other files' project rules read from disk.
	s.schedule(0)
}

func (s *Server) didClose(p didCloseParams) {
	uri := p.TextDocument.URI
	s.mu.Lock()
	_, open := s.docs[uri]
	delete(s.docs, uri)
	delete(s.results, uri)
	s.mu.Unlock()
	if !open {
		return
	}
	s.schedule(0) // others may have pointed at its unsaved text
	s.pubMu.Lock()
	delete(s.published, uri)
	s.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
	s.pubMu.Unlock()
}

// schedule asks for a lint of every open document once nothing has changed
// for delay. Each call moves the start, so a burst of changes is one run
// over the last texts.
func (s *Server) schedule(delay time.Duration) {
	s.mu.Lock()
	s.gen++
	s.due = time.Now().Add(delay)
	s.mu.Unlock()
	select {
	case s.kick <- struct{}{}:
	default: // a run is already pending; it will see the new due time
	}
}

func (s *Server) lintLoop() {
	for {
		select {
		case <-s.kick:
		case <-s.done:
			return
		}
		for {
			s.mu.Lock()
			wait := time.Until(s.due)
			s.mu.Unlock()
			if wait <= 0 {
				break
			}
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-s.kick: // a newer change: recompute the wait
				t.Stop()
			case <-s.done:
				t.Stop()
				return
			}
		}
		s.lintOnce()
	}
}

type snapshot struct {
	uri, path string
	version   int
	text      *text
}

// lintOnce lints the open documents as they are now and publishes their
// diagnostics, unless something changed meanwhile (then another run is
// already due and these results would be stale).
func (s *Server) lintOnce() {
	defer func() {
		if r := recover(); r != nil {
			s.logf("internal error while linting: %v", r)
		}
	}()
	s.mu.Lock()
	gen, root := s.gen, s.root
	snaps := make([]snapshot, 0, len(s.docs))
	for _, d := range s.docs {
		snaps = append(snaps, snapshot{uri: d.uri, path: d.path, version: d.version, text: d.text})
	}
	s.mu.Unlock()
	if len(snaps) == 0 {
		return
	}
	sort.Slice(snaps, func(i, j int) bool { return snaps[i].uri < snaps[j].uri })
	overlays := make(map[string][]byte, len(snaps))
	paths := make([]string, 0, len(snaps))
	uriOf := make(map[string]string, len(snaps))
	for _, sn := range snaps {
		overlays[sn.path] = []byte(sn.text.src)
		paths = append(paths, sn.path)
		uriOf[sn.path] = sn.uri
	}
	ds, err := s.opts.Linter.Lint(context.Background(), root, overlays, paths)
	if err != nil {
		s.logf("%v", err)
		s.notify("window/logMessage", logMessageParams{Type: 1, Message: "apigwlint: " + err.Error()})
		if ds == nil {
			return
		}
	}
	byPath := map[string][]diag.Diagnostic{}
	for _, d := range ds {
		p := absPath(root, d.File)
		byPath[p] = append(byPath[p], d)
	}
	texts := map[string]*text{}
	for _, sn := range snaps {
		texts[sn.path] = sn.text
	}
	textOf := func(path string) *text {
		t, ok := texts[path]
		if !ok {
			// A related location in a closed file: its text tells how
			// many UTF-16 units the rune columns are; nil if unreadable.
			if data, err := os.ReadFile(path); err == nil {
				t = newText(string(data))
			}
			texts[path] = t
		}
		return t
	}
	out := make([]PublishDiagnosticsParams, len(snaps))
	results := make(map[string]*lintResult, len(snaps))
	for i, sn := range snaps {
		list := byPath[sn.path]
		diag.Sort(list)
		v := sn.version
		out[i] = PublishDiagnosticsParams{URI: sn.uri, Version: &v, Diagnostics: toLSPDiagnostics(list, sn.text, root, uriOf, textOf)}
		results[sn.uri] = &lintResult{version: v, text: sn.text, diags: list, lsp: out[i].Diagnostics}
	}

	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	s.mu.Lock()
	stale := s.gen != gen
	if !stale {
		for uri, r := range results {
			if _, open := s.docs[uri]; open {
				s.results[uri] = r
			}
		}
	}
	s.mu.Unlock()
	if stale {
		return
	}
	for _, p := range out {
		key, _ := json.Marshal(p.Diagnostics)
		last, seen := s.published[p.URI]
		if seen && last.version == *p.Version && last.diags == string(key) {
			continue // unchanged document, unchanged findings
		}
		s.published[p.URI] = publication{version: *p.Version, diags: string(key)}
		s.notify("textDocument/publishDiagnostics", p)
	}
}

func absPath(root, file string) string {
	p := filepath.FromSlash(file)
	if !filepath.IsAbs(p) {
		p = filepath.Join(root, p)
	}
	return filepath.Clean(p)
}

// toLSPDiagnostics converts one document's diagnostics; related locations
// in open documents use the client's URI, others a file URI.
func toLSPDiagnostics(ds []diag.Diagnostic, t *text, root string, uriOf map[string]string, textOf func(string) *text) []Diagnostic {
	out := make([]Diagnostic, 0, len(ds))
	for _, d := range ds {
		sev := severityError
		if d.Severity == diag.Warning {
			sev = severityWarning
		}
		ld := Diagnostic{
			Range:    t.toLSPRange(d.Range),
			Severity: sev,
			Code:     d.Rule,
			Source:   "apigwlint",
			Message:  d.Message,
		}
		if d.Rule != "" {
			ld.CodeDescription = &codeDescription{Href: RulesURL + d.Rule}
		}
		for _, r := range d.Related {
			p := absPath(root, r.File)
			uri, open := uriOf[p]
			if !open {
				uri = pathToURI(p)
			}
			rt := t
			if p != absPath(root, d.File) {
				rt = textOf(p)
			}
			ld.RelatedInformation = append(ld.RelatedInformation, DiagnosticRelatedInformation{
				Location: Location{URI: uri, Range: convertRange(rt, r.Range)},
				Message:  r.Message,
			})
		}
		out = append(out, ld)
	}
	return out
}

// convertRange converts with a document's text, or takes rune columns for
// UTF-16 units when the text is unknown (exact but for non-BMP characters).
func convertRange(t *text, r diag.Range) Range {
	if t != nil {
		return t.toLSPRange(r)
	}
	pos := func(p diag.Pos) Position { return Position{Line: max(p.Line-1, 0), Character: max(p.Col-1, 0)} }
	return Range{Start: pos(r.Start), End: pos(r.End)}
}

// apply splices an incremental change into a copy of the text.
func (t *text) apply(r Range, newTextStr string) *text {
	start, end := t.offset(r.Start), t.offset(r.End)
	if end < start {
		start, end = end, start
	}
	return newText(t.src[:start] + newTextStr + t.src[end:])
}

// offset is the byte offset of a protocol position in the text.
func (t *text) offset(p Position) int {
	if p.Line >= t.lines() {
		return len(t.src)
	}
	if p.Line < 0 {
		return 0
	}
	start, end := t.lineStarts[p.Line], t.lineEnds[p.Line]
	units := 0
	for i, r := range t.src[start:end] {
		if units >= p.Character {
			return start + i
		}
		units += utf16Units(r)
	}
	return end
}
