package suppress

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// ScanHCL reads the suppression comments of a Terraform file (native
// syntax): the same directives as in YAML, after "#" or "//". Comments
// are found by HCL's own lexer, so a "#" inside a string or a heredoc is
// never taken for one.
func ScanHCL(file string, data []byte) *Set {
	if !bytes.Contains(data, []byte(prefix)) {
		return nil
	}
	text := strings.Split(string(data), "\n")
	lines := make([]line, len(text))
	for i, t := range text {
		t = strings.TrimSuffix(t, "\r")
		lines[i] = line{text: t, comment: -1, blank: strings.TrimSpace(t) == "", commentOnly: false}
	}
	// A line holds content when a token other than a comment or a newline
	// starts on it.
	content := make([]bool, len(lines))
	tokens, _ := hclsyntax.LexConfig(data, file, hcl.InitialPos)
	type found struct {
		line, off int
		marker    int // length of "#" or "//"
	}
	var comments []found
	for _, tok := range tokens {
		ln := tok.Range.Start.Line - 1
		if ln < 0 || ln >= len(lines) {
			continue
		}
		switch tok.Type {
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
		case hclsyntax.TokenComment:
			b := tok.Bytes
			switch {
			case bytes.HasPrefix(b, []byte("#")):
				comments = append(comments, found{ln, tok.Range.Start.Byte, 1})
			case bytes.HasPrefix(b, []byte("//")):
				comments = append(comments, found{ln, tok.Range.Start.Byte, 2})
			}
		default:
			for l := ln; l <= tok.Range.End.Line-1 && l < len(lines); l++ {
				content[l] = true
			}
		}
	}
	lineStart := make([]int, len(lines))
	off := 0
	for i, t := range text {
		lineStart[i] = off
		off += len(t) + 1
	}
	for _, c := range comments {
		l := &lines[c.line]
		l.comment = c.off - lineStart[c.line]
		l.commentOnly = !content[c.line]
	}
	for i := range lines {
		if !content[i] && lines[i].comment < 0 && !lines[i].blank {
			// Inside a /* */ comment: no content.
			lines[i].commentOnly = true
		}
	}
	s := &Set{File: file}
	for _, c := range comments {
		l := lines[c.line]
		if l.comment < 0 || l.comment+c.marker > len(l.text) {
			continue
		}
		rest := l.text[l.comment+c.marker:]
		body := strings.TrimLeft(rest, " \t")
		if !strings.HasPrefix(body, prefix) {
			continue
		}
		hashCol := utf8.RuneCountInString(l.text[:l.comment]) + 1
		bodyCol := hashCol + c.marker + utf8.RuneCountInString(rest[:len(rest)-len(body)])
		s.parse(lines, c.line, strings.TrimRight(body, "\r"), hashCol, bodyCol)
	}
	if len(s.Directives) == 0 && len(s.Invalid) == 0 {
		return nil
	}
	return s
}
