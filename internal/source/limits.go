package source

import (
	"fmt"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// Limits on what one document may ask of the parser. go-yaml recurses once
// per nesting level, is quadratic in the number of keys of one block
// mapping, and holds several hundred bytes per token; within the file size
// limit a crafted document could otherwise take minutes or gigabytes. Real
// definitions stay far below every one of these (tens of keys per mapping,
// fewer than ten levels, a few hundred values).
const (
	// MaxKeys is how many keys one block mapping may have.
	MaxKeys = 1000
	// MaxValues is how many values (keys, list items, scalars) one YAML
	// document or one JSON file (or JSON string) may hold.
	MaxValues = 200000
)

// prescan reads a YAML document's text once, before it is parsed, and
// returns the first limit it exceeds: nesting (flow brackets, indentation
// levels and "- - -" chains), keys in one mapping, or values in all. It is
// an upper-bound estimate that never parses: block scalar content and
// comments are skipped, quoted text is not looked into.
func prescan(text []byte, firstLine int) *limitError {
	var (
		flow      int        // open flow brackets
		indents   []int      // indentation of the enclosing block levels
		keys      []colCount // keys seen so far per open mapping (by column), innermost last
		values    int
		line      = firstLine
		scalarInd = -1 // >= 0: inside block scalar content indented more than this
		quote     byte // open quote carried over a line break
	)
	at := func(msg string, args ...any) *limitError {
		return &limitError{rng: diag.Range{Start: diag.Pos{Line: line, Col: 1}, End: diag.Pos{Line: line, Col: 2}}, msg: fmt.Sprintf(msg, args...)}
	}
	for off := 0; off < len(text); line++ {
		end := off
		for end < len(text) && text[end] != '\n' {
			end++
		}
		l := text[off:end]
		off = end + 1

		lead := 0
		for lead < len(l) && l[lead] == ' ' {
			lead++
		}
		content := l[lead:]
		if scalarInd >= 0 {
			if len(trimBlanks(content)) == 0 || lead > scalarInd {
				continue // block scalar content
			}
			scalarInd = -1
		}
		if quote == 0 && flow == 0 && (len(content) == 0 || content[0] == '#') {
			continue
		}
		blockLine := quote == 0 && flow == 0
		// Chains of "- " and "? " indicators each open a level; the key
		// after them (if any) sits at keyCol.
		chain, keyCol := 0, lead
		for len(content) >= 2 && (content[0] == '-' || content[0] == '?') && (content[1] == ' ' || content[1] == '\t') {
			chain++
			values++
			k := 2
			for k < len(content) && (content[k] == ' ' || content[k] == '\t') {
				k++
			}
			keyCol += k
			content = content[k:]
		}
		if blockLine {
			// The indentation levels still open above this line.
			for len(indents) > 0 && indents[len(indents)-1] > lead {
				indents = indents[:len(indents)-1]
			}
			if len(indents) == 0 || indents[len(indents)-1] < lead {
				indents = append(indents, lead)
			}
			if len(indents)+chain > MaxDepth {
				return at("document nests deeper than %d levels; it is not checked", MaxDepth)
			}
			// Mappings indented deeper than this line are closed.
			for len(keys) > 0 && keys[len(keys)-1].col > lead {
				keys = keys[:len(keys)-1]
			}
		}
		// The rest of the line: flow brackets, separators, a key, a
		// block scalar indicator.
		isKey := false
		run := chain // "- - -" also after a key ("a: - - -")
		for i := 0; i < len(content); i++ {
			c := content[i]
			if quote == 0 && (c == '-' || c == '?') && (i+1 == len(content) || content[i+1] == ' ' || content[i+1] == '\t') {
				if p := prevNonBlank(content, i); p < 0 || content[p] == ':' || content[p] == '-' || content[p] == '?' {
					run++
					values++
					if len(indents)+run > MaxDepth {
						return at("document nests deeper than %d levels; it is not checked", MaxDepth)
					}
				}
			}
			if quote != 0 {
				if c == quote {
					if quote == '\'' && i+1 < len(content) && content[i+1] == '\'' {
						i++
						continue
					}
					quote = 0
				} else if c == '\\' && quote == '"' {
					i++
				}
				continue
			}
			switch c {
			case '"', '\'':
				// Only a quote that starts a scalar opens quoted text
				// ("it's", "rock 'n roll" are plain).
				if p := prevNonBlank(content, i); p < 0 || isIndicatorBefore(content[p]) {
					quote = c
				}
			case '#':
				if i == 0 || content[i-1] == ' ' || content[i-1] == '\t' {
					i = len(content)
					continue
				}
			case '[', '{':
				flow++
				values++
				if flow > MaxDepth {
					return at("document nests deeper than %d levels; it is not checked", MaxDepth)
				}
			case ']', '}':
				if flow > 0 {
					flow--
				}
			case ',':
				if flow > 0 {
					values++
				}
			case ':':
				if i+1 == len(content) || content[i+1] == ' ' || content[i+1] == '\t' {
					values++
					if flow == 0 && blockLine {
						isKey = true
					}
				}
			}
		}
		if isKey {
			if len(keys) == 0 || keys[len(keys)-1].col < keyCol {
				keys = append(keys, colCount{col: keyCol})
			}
			keys[len(keys)-1].n++
			if keys[len(keys)-1].n > MaxKeys {
				return at("a mapping has more than %d keys; the document is not checked", MaxKeys)
			}
		}
		if values > MaxValues {
			return at("document holds more than %d values; it is not checked", MaxValues)
		}
		if flow == 0 && quote == 0 && blockScalarStart(content) {
			scalarInd = lead
		}
	}
	return nil
}

type colCount struct{ col, n int }

func isIndicatorBefore(c byte) bool {
	switch c {
	case '[', '{', ',', ':', '-', '?':
		return true
	}
	return false
}

func prevNonBlank(b []byte, i int) int {
	for i--; i >= 0 && (b[i] == ' ' || b[i] == '\t'); i-- {
	}
	return i
}

// blockScalarStart reports whether a line ends with a block scalar header
// ("|", ">", with chomping and indentation indicators), comments aside.
func blockScalarStart(content []byte) bool {
	s := trimBlanks(content)
	if i := indexComment(s); i >= 0 {
		s = trimBlanks(s[:i])
	}
	// Strip the indicators that may follow | or >.
	j := len(s)
	for j > 0 && (s[j-1] == '-' || s[j-1] == '+' || (s[j-1] >= '0' && s[j-1] <= '9')) {
		j--
	}
	if j == 0 || (s[j-1] != '|' && s[j-1] != '>') {
		return false
	}
	return j == 1 || s[j-2] == ' ' || s[j-2] == '\t'
}

func indexComment(s []byte) int {
	for i := range s {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return i
		}
	}
	return -1
}

func trimBlanks(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
