package lsp

import (
	"strings"
)

// The YAML a user is typing often does not parse ("  Req" under a mapping
// is a syntax error until the colon is typed). Completion then reads the
// structure from indentation, as a person does: the keys enclosing the
// cursor are the nearest less-indented "key:" lines above it, and "- "
// starts an item of a sequence. Only block style is understood; flow
// collections and multi-line scalars give no context.

// yline is one line of YAML, as far as indentation structure goes.
type yline struct {
	blank   bool // empty, spaces, or a comment
	docSep  bool // "---" or "..."
	indent  int  // leading spaces
	dash    bool // starts a sequence item
	dashCol int
	keyCol  int    // where the key (or the item's content) starts
	key     string // unquoted; "" when the line holds no "key:"
	quote   byte   // the key's quote character, if any
	colon   bool   // the key is followed by ':'
	value   string // after "key:", comment removed, trimmed
}

func parseLine(s string) yline {
	var l yline
	trimmed := strings.TrimLeft(s, " ")
	l.indent = len(s) - len(trimmed)
	if trimmed == "" || trimmed[0] == '#' {
		l.blank = true
		return l
	}
	if l.indent == 0 && (strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...")) &&
		(len(s) == 3 || s[3] == ' ' || s[3] == '\t') {
		l.docSep = true
		return l
	}
	rest := trimmed
	l.keyCol = l.indent
	if rest == "-" || strings.HasPrefix(rest, "- ") {
		l.dash, l.dashCol = true, l.indent
		after := strings.TrimLeft(rest[1:], " ")
		l.keyCol = l.indent + len(rest) - len(after)
		rest = after
		if rest == "" || rest[0] == '#' {
			return l
		}
	}
	key, quote, afterKey, ok := splitKey(rest)
	if !ok {
		return l
	}
	l.key, l.quote, l.colon = key, quote, true
	l.value = strings.TrimSpace(stripComment(afterKey))
	return l
}

// splitKey reads "key: rest", "key:" or a quoted key; ok is false when the
// text has no key followed by a colon.
func splitKey(s string) (key string, quote byte, rest string, ok bool) {
	if s == "" {
		return "", 0, "", false
	}
	switch s[0] {
	case '"', '\'':
		end := strings.IndexByte(s[1:], s[0])
		if end < 0 {
			return "", 0, "", false
		}
		after := s[end+2:]
		if !strings.HasPrefix(after, ":") {
			return "", 0, "", false
		}
		return s[1 : end+1], s[0], after[1:], true
	case '{', '[', '&', '*', '!', '|', '>', '%', '@', '`':
		return "", 0, "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t') {
			return strings.TrimRight(s[:i], " \t"), 0, s[i+1:], true
		}
		if s[i] == '#' && i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
			return "", 0, "", false // a comment before any colon
		}
	}
	return "", 0, "", false
}

func stripComment(s string) string {
	inQuote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inQuote != 0:
			if c == inQuote {
				inQuote = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || s[i-1] == ' ' {
				inQuote = c
			}
		case c == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t'):
			return s[:i]
		}
	}
	return s
}

// yamlScan is the YAML document (between "---" lines) around a line.
type yamlScan struct {
	lines    []yline
	from, to int // the document's lines [from, to)
}

func newYAMLScan(t *text, line int) *yamlScan {
	y := &yamlScan{lines: make([]yline, t.lines())}
	for i := range y.lines {
		y.lines[i] = parseLine(t.line(i))
	}
	y.from, y.to = 0, len(y.lines)
	for i := line - 1; i >= 0; i-- {
		if y.lines[i].docSep {
			y.from = i + 1
			break
		}
	}
	for i := line + 1; i < len(y.lines); i++ {
		if y.lines[i].docSep {
			y.to = i
			break
		}
	}
	return y
}

// objectPath returns the keys (and "0" for sequence items) leading to the
// mapping whose keys start at column col on line l. ok is false when the
// lines above give no sensible parent (the cursor is inside a multi-line
// scalar, say).
func (y *yamlScan) objectPath(l, col int) ([]string, bool) {
	for i := l - 1; i >= y.from; i-- {
		ln := y.lines[i]
		if ln.blank {
			continue
		}
		if ln.dash {
			switch {
			case ln.keyCol == col:
				// The item that holds this mapping starts here.
				parent, ok := y.seqPath(i, ln.dashCol)
				return append(parent, "0"), ok
			case ln.dashCol < col:
				if ln.key != "" && ln.value == "" && ln.keyCol < col {
					parent, ok := y.seqPath(i, ln.dashCol)
					return append(parent, "0", ln.key), ok
				}
				return nil, false
			}
			continue // a deeper or sibling structure
		}
		if ln.indent < col {
			if ln.key != "" && ln.value == "" {
				parent, ok := y.objectPath(i, ln.indent)
				return append(parent, ln.key), ok
			}
			return nil, false
		}
	}
	return []string{}, true
}

// seqPath returns the path of the sequence whose item dashes are at
// dashCol, one item of which starts on line l.
func (y *yamlScan) seqPath(l, dashCol int) ([]string, bool) {
	for i := l - 1; i >= y.from; i-- {
		ln := y.lines[i]
		if ln.blank {
			continue
		}
		if ln.dash {
			switch {
			case ln.dashCol == dashCol:
				continue // an earlier item of the same sequence
			case ln.dashCol < dashCol:
				if ln.key != "" && ln.value == "" && ln.keyCol <= dashCol {
					parent, ok := y.seqPath(i, ln.dashCol)
					return append(parent, "0", ln.key), ok
				}
				return nil, false
			}
			continue
		}
		if ln.indent <= dashCol {
			// "key:" above, indented less, or equally ("compact" style).
			if ln.key != "" && ln.value == "" {
				parent, ok := y.objectPath(i, ln.indent)
				return append(parent, ln.key), ok
			}
			return nil, false
		}
	}
	return nil, false
}

// siblings returns the keys of the mapping whose keys start at column col
// and which holds line l (excluding line l's own key).
func (y *yamlScan) siblings(l, col int) map[string]bool {
	out := map[string]bool{}
	cur := y.lines[l]
	if !(cur.dash && cur.keyCol == col) { // not the first line of an item
		for i := l - 1; i >= y.from; i-- {
			ln := y.lines[i]
			if ln.blank {
				continue
			}
			if ln.dash {
				if ln.keyCol == col {
					if ln.key != "" {
						out[ln.key] = true
					}
					break // the first line of this item
				}
				if ln.dashCol < col {
					break
				}
				continue
			}
			if ln.indent < col {
				break
			}
			if ln.indent == col && ln.key != "" {
				out[ln.key] = true
			}
		}
	}
	for i := l + 1; i < y.to; i++ {
		ln := y.lines[i]
		if ln.blank {
			continue
		}
		if ln.dash {
			if ln.dashCol < col {
				break // the next item
			}
			continue
		}
		if ln.indent < col {
			break
		}
		if ln.indent == col && ln.key != "" {
			out[ln.key] = true
		}
	}
	return out
}

// topLevel returns the document's top-level keys and its Action value.
func (y *yamlScan) topLevel() (keys []string, action string) {
	for i := y.from; i < y.to; i++ {
		ln := y.lines[i]
		if ln.blank || ln.dash || ln.indent != 0 || ln.key == "" {
			continue
		}
		keys = append(keys, ln.key)
		if ln.key == "Action" {
			action = strings.Trim(ln.value, `"'`)
		}
	}
	return keys, action
}
