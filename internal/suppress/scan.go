package suppress

import (
	"bytes"
	"strings"
)

// line is one line of a YAML file as the scan sees it.
type line struct {
	text        string
	comment     int  // byte offset of the "#" that starts a comment, or -1
	blank       bool // nothing but spaces
	commentOnly bool // nothing but a comment
}

// scanState is what carries from one line to the next: a quoted scalar
// that goes on, a block scalar's body, the depth of flow collections.
type scanState struct {
	quote      byte // '"' or '\'' while inside a multi-line quoted scalar
	block      bool // inside a block scalar's body
	blockUnder int  // the body is every line indented more than this
	flow       int  // depth of [ ] and { }
}

// scanLines finds the comments of a YAML text without parsing it. A "#"
// starts a comment at the start of a line or after a space or tab, unless
// it is inside a quoted scalar (which may span lines) or in the body of a
// block scalar (| or >). This is not a YAML parser: it only has to tell
// comments from text the way YAML does for the files people write.
func scanLines(data []byte) []line {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	text := string(data)
	if strings.IndexByte(text, '\r') >= 0 {
		// Line ends as the loader reads them: CRLF and a lone CR.
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	raw := strings.Split(text, "\n")
	if len(raw) > 0 && raw[len(raw)-1] == "" {
		raw = raw[:len(raw)-1]
	}
	out := make([]line, len(raw))
	var st scanState
	for i, t := range raw {
		out[i] = st.line(t)
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

func indentOf(s string) int {
	n := 0
	for n < len(s) && s[n] == ' ' {
		n++
	}
	return n
}

func (st *scanState) line(text string) line {
	l := line{text: text, comment: -1}
	l.blank = strings.TrimSpace(text) == ""
	// A document marker ends whatever was open and starts afresh.
	if (strings.HasPrefix(text, "---") || strings.HasPrefix(text, "...")) && (len(text) == 3 || isSpace(text[3])) {
		*st = scanState{}
		return st.rest(text, 3, -1, true, l)
	}
	if st.block {
		if l.blank || indentOf(text) > st.blockUnder {
			return l // a line of the block scalar's body
		}
		st.block = false
	}
	if st.quote != 0 {
		i, closed := closeQuote(text, 0, st.quote)
		if !closed {
			return l
		}
		st.quote = 0
		return st.rest(text, i, -1, false, l)
	}
	return st.rest(text, 0, -1, true, l)
}

// rest scans text from byte i. parent is the column of the node that owns
// a block scalar starting on this line (-1 for the document root).
func (st *scanState) rest(text string, i, parent int, nodeStart bool, l line) line {
	// nodeStart: a new node may begin here (so a quote opens a scalar).
	sawContent := i > 0 && strings.TrimSpace(text[:i]) != ""
	keyCol := -1
	for i < len(text) {
		c := text[i]
		switch {
		case isSpace(c):
			i++
			continue
		case c == '#' && (i == 0 || isSpace(text[i-1])):
			l.comment = i
			l.commentOnly = !sawContent
			return l
		}
		sawContent = true
		switch {
		case (c == '"' || c == '\'') && nodeStart:
			if keyCol < 0 {
				keyCol = i
			}
			j, closed := closeQuote(text, i+1, c)
			if !closed {
				st.quote = c
				return l
			}
			i = j
			nodeStart = false
		case (c == '-' || c == '?') && nodeStart && (i+1 == len(text) || isSpace(text[i+1])):
			// A sequence entry or an explicit key: what follows belongs
			// to a node indented at this column.
			parent = i
			keyCol = -1
			i++
		case c == ':' && (i+1 == len(text) || isSpace(text[i+1]) || st.flow > 0):
			if keyCol >= 0 && st.flow == 0 {
				parent = keyCol
			}
			keyCol = -1
			nodeStart = true
			i++
		case (c == '[' || c == '{') && nodeStart:
			st.flow++
			i++
		case c == ',' && st.flow > 0:
			nodeStart = true
			i++
		case (c == ']' || c == '}') && st.flow > 0:
			st.flow--
			nodeStart = false
			i++
		case (c == '|' || c == '>') && nodeStart && st.flow == 0 && blockHeader(text[i+1:]):
			st.block = true
			st.blockUnder = parent
			// The header may end with a comment.
			if j := strings.Index(text[i:], " #"); j >= 0 {
				l.comment = i + j + 1
			} else if j := strings.Index(text[i:], "\t#"); j >= 0 {
				l.comment = i + j + 1
			}
			return l
		case (c == '&' || c == '!') && nodeStart:
			// An anchor or a tag comes before the node it names.
			for i < len(text) && !isSpace(text[i]) {
				i++
			}
		default:
			// A plain scalar (or an alias): up to ": ", " #" or, inside
			// a flow collection, a flow indicator.
			if nodeStart && keyCol < 0 {
				keyCol = i
			}
			nodeStart = false
			i++
		}
	}
	return l
}

// blockHeader reports whether what follows "|" or ">" is a block scalar
// header: indentation and chomping indicators, then nothing or a comment.
func blockHeader(s string) bool {
	i := 0
	for i < len(s) && (s[i] == '+' || s[i] == '-' || (s[i] >= '1' && s[i] <= '9')) {
		i++
	}
	rest := strings.TrimLeft(s[i:], " \t")
	return rest == "" || (rest[0] == '#' && len(rest) < len(s[i:]))
}

// closeQuote finds the end of a quoted scalar that opened before byte i.
// It returns the byte after the closing quote, and whether there was one
// on this line.
func closeQuote(text string, i int, q byte) (int, bool) {
	for i < len(text) {
		c := text[i]
		switch {
		case q == '"' && c == '\\':
			i += 2
			continue
		case c == q && q == '\'' && i+1 < len(text) && text[i+1] == '\'':
			i += 2
			continue
		case c == q:
			return i + 1, true
		}
		i++
	}
	return len(text), false
}
