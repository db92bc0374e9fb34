package schema

import (
	"bytes"
	"strings"
)

// MeantAsDefinition is a lenient look at the text of a file that did not
// parse: does it read as an attempt at a definition? A repository holds
// YAML and JSON that is not ours and need not parse (Helm templates, JSONC
// such as tsconfig.json, an empty .json); a walk skips those, but a broken
// definition must still be reported. It is meant as one when a line sets
// Action to an operation (or a near miss of one, as Detect would suggest),
// or when it uses at least two documented top-level parameters of one
// operation — the notion Detect applies to a parsed document.
//
// This is not a parser: YAML lines are read for a key at the start of the
// line, JSON text for every "key": pair (the nesting of a file that does
// not parse is unknown; the top-level parameter names are distinctive
// enough for that not to matter).
func MeantAsDefinition(src []byte, isJSON bool) bool {
	hits := map[string]int{}
	// seen holds only documented parameter names: a huge file of other
	// keys costs no memory here.
	seen := map[string]bool{}
	count := func(key []byte) {
		for _, op := range Ops {
			top := MustGet(op).TopLevel
			if !top[string(key)] {
				continue
			}
			if !seen[op+"."+string(key)] {
				seen[op+"."+string(key)] = true
				hits[op]++
			}
		}
	}
	action := func(value string) bool {
		if i := strings.Index(value, " #"); i >= 0 && !isJSON {
			value = value[:i]
		}
		if i := strings.IndexAny(value, ",}"); i >= 0 {
			value = value[:i] // a flow mapping: the value ends there
		}
		value = strings.Trim(strings.TrimSpace(value), `"'`)
		for _, op := range Ops {
			if strings.EqualFold(value, op) {
				return true
			}
		}
		// A long value is no near miss of an operation name.
		return value != "" && len(value) <= 40 && Suggest(value, Ops) != ""
	}
	if isJSON {
		rest := src
		for {
			i := bytes.IndexByte(rest, '"')
			if i < 0 {
				break
			}
			rest = rest[i+1:]
			j := bytes.IndexByte(rest, '"')
			if j < 0 {
				break
			}
			key := rest[:j]
			rest = rest[j+1:]
			after := bytes.TrimLeft(rest, " \t\r\n")
			if len(after) == 0 || after[0] != ':' {
				continue // a value, not a key
			}
			if string(key) == "Action" {
				value := after[1:]
				if k := bytes.IndexAny(value, ",}\n"); k >= 0 {
					value = value[:k]
				}
				if action(string(value)) {
					return true
				}
			}
			count(key)
		}
	} else {
		for _, line := range bytes.Split(src, []byte("\n")) {
			if len(line) == 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' {
				continue
			}
			colon := bytes.IndexByte(line, ':')
			if colon <= 0 {
				continue
			}
			// "{Action: CreateApi, ...}" on one line reads as its first key.
			key := bytes.Trim(bytes.TrimLeft(bytes.TrimSpace(line[:colon]), "{ "), `"'`)
			if string(key) == "Action" && action(string(line[colon+1:])) {
				return true
			}
			count(key)
		}
	}
	for _, n := range hits {
		if n >= 2 {
			return true
		}
	}
	return false
}
