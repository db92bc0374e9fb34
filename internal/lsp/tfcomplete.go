package lsp

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/frontend/terraform"
	"github.com/apigwlint/apigwlint/schema"
)

// Completion in Terraform files: the arguments and blocks of the provider's
// schema for the block the cursor is in (argument names), and the values an
// argument takes (the provider's enum, else the gateway's). Where the cursor
// is comes from a scan of the lines above it (block headers and braces), so
// that it works on a file that does not parse while it is being typed.

var (
	tfResourceHeader = regexp.MustCompile(`^\s*resource\s+"([^"]+)"\s+"[^"]*"\s*\{\s*$`)
	tfDynamicHeader  = regexp.MustCompile(`^\s*dynamic\s+"([A-Za-z0-9_]+)"\s*\{\s*$`)
	tfBlockHeader    = regexp.MustCompile(`^\s*([A-Za-z0-9_]+)\s*\{\s*$`)
	tfValuePrefix    = regexp.MustCompile(`^\s*([A-Za-z0-9_]+)\s*=\s*(\[?\s*)"?([A-Za-z0-9_.,-]*)$`)
	tfKeyPrefix      = regexp.MustCompile(`^\s*([A-Za-z0-9_]*)$`)
	tfArgLine        = regexp.MustCompile(`^\s*([A-Za-z0-9_]+)\s*(=|\{)`)
)

// tfBlockPath is the stack of blocks around the cursor: the resource type
// first, then nested block types ("content" of a dynamic block is its type).
func tfBlockPath(t *text, pos diag.Pos) []string {
	var stack []string
	for ln := 1; ln < pos.Line && ln <= t.lines(); ln++ {
		raw := t.line(ln - 1)
		line := stripHCLStrings(raw)
		switch {
		case tfResourceHeader.MatchString(raw):
			stack = append(stack, tfResourceHeader.FindStringSubmatch(raw)[1])
			continue
		case tfDynamicHeader.MatchString(raw):
			stack = append(stack, tfDynamicHeader.FindStringSubmatch(raw)[1])
			continue
		case tfBlockHeader.MatchString(line):
			name := tfBlockHeader.FindStringSubmatch(line)[1]
			if name == "content" && len(stack) > 0 {
				name = contentMark // the dynamic block's content: its type
			}
			stack = append(stack, name)
			continue
		}
		open := strings.Count(line, "{") + strings.Count(line, "[")
		closed := strings.Count(line, "}") + strings.Count(line, "]")
		for ; closed > open && len(stack) > 0; closed-- {
			stack = stack[:len(stack)-1]
		}
		for ; open > closed; open-- {
			stack = append(stack, "") // an object or list value
		}
	}
	return stack
}

// stripHCLStrings removes quoted strings and a trailing comment from a line.
func stripHCLStrings(line string) string {
	var b strings.Builder
	quoted := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
			b.WriteByte('"')
		case quoted:
		case c == '#' || (c == '/' && i+1 < len(line) && line[i+1] == '/'):
			return b.String()
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// contentMark stands for a dynamic block's content in a block path.
const contentMark = "\x00content"

func tfCompletion(t *text, pos diag.Pos) []CompletionItem {
	out := []CompletionItem{}
	var stack []string
	for _, name := range tfBlockPath(t, pos) {
		if name != contentMark {
			stack = append(stack, name)
		}
	}
	if len(stack) == 0 {
		return out
	}
	res := terraform.Schema(stack[0])
	if res == nil || res.Open {
		return out
	}
	block := ""
	var args []terraform.Arg
	var blocks []terraform.Block
	switch len(stack) {
	case 1:
		args, blocks = res.Args, res.Blocks
	case 2:
		bl := res.Block(stack[1])
		if bl == nil || bl.Open {
			return out
		}
		block, args = stack[1], bl.Args
	default:
		return out
	}
	line := t.line(pos.Line - 1)
	col := 0
	for i := range line {
		if col == pos.Col-1 {
			line = line[:i]
			break
		}
		col++
	}
	if m := tfValuePrefix.FindStringSubmatch(line); m != nil {
		name, typed := m[1], m[3]
		start := diag.Pos{Line: pos.Line, Col: pos.Col - utf8.RuneCountInString(typed)}
		r := t.toLSPRange(diag.Range{Start: start, End: pos})
		for _, v := range tfValues(stack[0], block, name, args) {
			out = append(out, CompletionItem{Label: v, Kind: kindEnumMember, FilterText: v,
				TextEdit: &textEdit{Range: r, NewText: v}})
		}
		return out
	}
	m := tfKeyPrefix.FindStringSubmatch(line)
	if m == nil {
		return out
	}
	present := tfPresent(t, pos, len(stack))
	start := diag.Pos{Line: pos.Line, Col: pos.Col - utf8.RuneCountInString(m[1])}
	r := t.toLSPRange(diag.Range{Start: start, End: pos})
	for _, a := range args {
		if present[a.Name] || a.Name == "api_id" {
			continue
		}
		detail, sortKey := "argument", "1"
		if a.Required {
			detail, sortKey = "argument, required", "0"
		}
		it := CompletionItem{Label: a.Name, Kind: kindProperty, Detail: detail, SortText: sortKey + a.Name,
			FilterText: a.Name, TextEdit: &textEdit{Range: r, NewText: a.Name + " = "}}
		if op, ptr := terraform.Param(stack[0], block, a.Name); op != "" {
			if md := fieldMarkdown(op, ptr); md != "" {
				it.Documentation = &MarkupContent{Kind: "markdown", Value: md}
			}
		}
		out = append(out, it)
	}
	for _, b := range blocks {
		if present[b.Name] && b.MaxItems == 1 {
			continue
		}
		detail, sortKey := "block", "1"
		if b.Required {
			detail, sortKey = "block, required", "0"
		}
		out = append(out, CompletionItem{Label: b.Name, Kind: kindProperty, Detail: detail, SortText: sortKey + b.Name,
			FilterText: b.Name, TextEdit: &textEdit{Range: r, NewText: b.Name + " {"}})
	}
	return out
}

// tfValues are the values an argument takes: the provider's own enum, else
// the gateway's allowed values for the parameter it becomes.
func tfValues(resourceType, block, name string, args []terraform.Arg) []string {
	for _, a := range args {
		if a.Name == name && len(a.Enum) > 0 {
			return a.Enum
		}
	}
	op, ptr := terraform.Param(resourceType, block, name)
	if op == "" {
		return nil
	}
	res := schema.MustGet(op).Resolved(ptr)
	if res == nil {
		return nil
	}
	return allowedValues(res)
}

// tfPresent lists the argument and block names already written in the
// block around the cursor (depth is the cursor's block depth).
func tfPresent(t *text, pos diag.Pos, depth int) map[string]bool {
	present := map[string]bool{}
	// Walk up to the block's header, then down to its end, at this depth.
	start := pos.Line
	for d := 0; start > 1; {
		start--
		line := stripHCLStrings(t.line(start - 1))
		d += strings.Count(line, "}") - strings.Count(line, "{")
		if d < 0 {
			break
		}
	}
	d := 0
	for ln := start + 1; ln <= t.lines(); ln++ {
		if ln == pos.Line {
			continue
		}
		raw := t.line(ln - 1)
		line := stripHCLStrings(raw)
		if d == 0 {
			if m := tfArgLine.FindStringSubmatch(line); m != nil {
				present[m[1]] = true
			}
			if m := tfDynamicHeader.FindStringSubmatch(raw); m != nil {
				present[m[1]] = true
			}
		}
		d += strings.Count(line, "{") + strings.Count(line, "[") - strings.Count(line, "}") - strings.Count(line, "]")
		if d < 0 {
			break
		}
	}
	return present
}
