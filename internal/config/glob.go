package config

import (
	"fmt"
	"regexp"
	"strings"
)

// Glob is a path pattern relative to the configuration file's directory,
// with '/' separators:
//
//   - any characters within one path segment
//     ?       one character within one path segment
//     **      any number of whole segments (only as a whole segment)
//     [abc]   one character of a set; [!abc] or [^abc] one not in it
//     {a,b}   one of the alternatives
//     \x      the character x itself
//
// A glob that matches a directory matches everything below it; a glob
// ending in '/' matches directories only. Globs are anchored at the
// configuration file's directory ("*.yaml" is only the files next to it;
// "**/*.yaml" is every YAML file).
type Glob struct {
	Pattern string // as written
	dirOnly bool
	re      *regexp.Regexp
}

// CompileGlob parses a glob. The error says what is wrong in words meant
// for the person who wrote it.
func CompileGlob(pattern string) (*Glob, error) {
	p := pattern
	if strings.TrimSpace(p) == "" {
		return nil, fmt.Errorf("empty glob")
	}
	if strings.HasPrefix(p, "/") {
		return nil, fmt.Errorf("globs are relative to the configuration file's directory; drop the leading \"/\"")
	}
	if len(p) > 2 && p[1] == ':' && (p[2] == '/' || p[2] == '\\') {
		return nil, fmt.Errorf("globs are relative to the configuration file's directory, not absolute paths")
	}
	if strings.HasPrefix(p, "!") {
		return nil, fmt.Errorf("negated globs (\"!…\") are not supported; list only what to match")
	}
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	g := &Glob{Pattern: pattern}
	if strings.HasSuffix(p, "/") {
		g.dirOnly = true
		p = strings.TrimRight(p, "/")
	}
	if p == "" {
		return nil, fmt.Errorf("the glob matches nothing: name a path below the configuration file")
	}
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "":
			return nil, fmt.Errorf("empty path segment (\"//\")")
		case "..":
			return nil, fmt.Errorf("globs cannot leave the configuration file's directory (\"..\")")
		}
	}
	var re strings.Builder
	re.WriteString(`^`)
	braces := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch c {
		case '*':
			if i+1 < len(p) && p[i+1] == '*' {
				start := i == 0 || p[i-1] == '/'
				end := i+2 == len(p) || p[i+2] == '/'
				if !start || !end || braces > 0 {
					return nil, fmt.Errorf("\"**\" must be a whole path segment, as in \"legacy/**\" or \"**/draft-*.yaml\"")
				}
				switch {
				case i == 0 && i+2 == len(p): // "**"
					re.WriteString(`.*`)
				case i+2 == len(p): // "a/**": the directory itself and all below
					// The "/" already written becomes optional.
					s := strings.TrimSuffix(re.String(), "/")
					re.Reset()
					re.WriteString(s)
					re.WriteString(`(?:/.*)?`)
				default: // "**/" at the start or in the middle: zero or more segments
					re.WriteString(`(?:[^/]+/)*`)
					i++ // the "/" after "**"
				}
				i++
				continue
			}
			re.WriteString(`[^/]*`)
		case '?':
			re.WriteString(`[^/]`)
		case '[':
			j, class, err := charClass(p, i)
			if err != nil {
				return nil, err
			}
			re.WriteString(class)
			i = j
		case '{':
			braces++
			re.WriteString(`(?:`)
		case '}':
			if braces == 0 {
				return nil, fmt.Errorf("\"}\" at character %d has no \"{\" before it (write \"\\}\" for the character itself)", i+1)
			}
			braces--
			re.WriteString(`)`)
		case ',':
			if braces > 0 {
				re.WriteString(`|`)
			} else {
				re.WriteString(`,`)
			}
		case '\\':
			if i+1 == len(p) {
				return nil, fmt.Errorf("the glob ends with \"\\\", which escapes nothing (paths use \"/\" as the separator)")
			}
			i++
			re.WriteString(regexp.QuoteMeta(p[i : i+1]))
		default:
			re.WriteString(regexp.QuoteMeta(p[i : i+1]))
		}
	}
	if braces > 0 {
		return nil, fmt.Errorf("\"{\" is never closed with \"}\"")
	}
	re.WriteString(`$`)
	compiled, err := regexp.Compile(re.String())
	if err != nil {
		return nil, fmt.Errorf("invalid glob: %v", err)
	}
	g.re = compiled
	return g, nil
}

// charClass translates the class starting at p[i] == '['; it returns the
// index of the closing ']'.
func charClass(p string, i int) (int, string, error) {
	var b strings.Builder
	b.WriteString(`[`)
	j := i + 1
	if j < len(p) && (p[j] == '!' || p[j] == '^') {
		b.WriteString(`^/`) // a negated class never matches the separator
		j++
	}
	first := j
	for ; j < len(p); j++ {
		c := p[j]
		switch {
		case c == ']' && j > first:
			b.WriteString(`]`)
			return j, b.String(), nil
		case c == '\\' && j+1 < len(p):
			j++
			b.WriteString(regexp.QuoteMeta(p[j : j+1]))
		case c == '-' && j > first && j+1 < len(p) && p[j+1] != ']':
			if p[j+1] < p[j-1] {
				return 0, "", fmt.Errorf("the character range %q is reversed", p[j-1:j+2])
			}
			b.WriteString(`-`)
		case c == '/':
			return 0, "", fmt.Errorf("\"/\" cannot be inside \"[…]\"")
		case c == '[' || c == ']' || c == '^' || c == '-' || c == '\\':
			b.WriteString(`\` + string(c))
		default:
			b.WriteByte(c)
		}
	}
	return 0, "", fmt.Errorf("\"[\" at character %d is never closed with \"]\"", i+1)
}

// Match reports whether a path relative to the configuration file's
// directory ('/' separators, no leading "./") is matched by the glob,
// itself or through a directory above it. isDir says the path is a
// directory.
func (g *Glob) Match(rel string, isDir bool) bool {
	if rel == "" || rel == "." {
		return false
	}
	if (isDir || !g.dirOnly) && g.re.MatchString(rel) {
		return true
	}
	for i := len(rel) - 1; i > 0; i-- {
		if rel[i] == '/' && g.re.MatchString(rel[:i]) {
			return true
		}
	}
	return false
}
