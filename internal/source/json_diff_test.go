package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/gen"
)

// The JSON parser (json.go) against encoding/json, the parser of record for
// JSON syntax: on any input both accept or both reject, an accepted input
// decodes to the same value, and a rejection is reported no later in the
// input than encoding/json notices it. The differences that are meant:
//
//   - Duplicate keys: encoding/json keeps the last value silently;
//     apigwlint keeps the first and reports the later one (duplicate-key).
//     encoding/json's side is decoded first-wins for the comparison.
//   - Invalid UTF-8 inside a string: encoding/json accepts it and decodes
//     it to U+FFFD; apigwlint refuses it ("invalid UTF-8 in string"), since
//     the gateway takes UTF-8 only and a silent U+FFFD would hide the fault.
//     Such an input is only required to be rejected by apigwlint.
//   - Numbers: apigwlint keeps a number's text, so 1e400 or a 40-digit
//     integer is a number as written; encoding/json decoding into float64
//     fails on them ("cannot unmarshal number 1e400"). The comparison uses
//     json.Decoder.UseNumber, which keeps the text too.
//   - Limits: apigwlint refuses nesting deeper than MaxDepth and more than
//     MaxValues values (a limit diagnostic, not a syntax error);
//     encoding/json nests up to 10000 levels. Such an input is only
//     required to be refused as a limit.

// jsonOurs parses data with the JSON parser, positions counted as byte
// offsets (column = offset+1 on line 1), and returns the value as
// encoding/json would build it (json.Number for numbers).
func jsonOurs(data []byte) (v any, dups []DuplicateKey, err error) {
	root, dups, err := parseJSON(data, func(off int) diag.Pos { return diag.Pos{Line: 1, Col: off + 1} }, nil)
	if err != nil {
		return nil, dups, err
	}
	return nodeValue(root), dups, nil
}

func nodeValue(n *Node) any {
	switch n.Kind {
	case Object:
		m := make(map[string]any, len(n.Fields))
		for _, f := range n.Fields {
			m[f.Key] = nodeValue(f.Value)
		}
		return m
	case Array:
		a := make([]any, len(n.Items))
		for i, it := range n.Items {
			a[i] = nodeValue(it)
		}
		return a
	case String:
		return n.Value
	case Number:
		return json.Number(n.Value)
	case Bool:
		return n.Value == "true"
	}
	return nil
}

// jsonStd decodes data with encoding/json: json.Valid decides acceptance
// and, with json.Unmarshal, the error offset; the value is built from the
// token stream, the first of duplicate keys kept.
func jsonStd(data []byte) (v any, offset int64, err error) {
	var probe any
	if err := json.Unmarshal(data, &probe); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, se.Offset, err
		}
		// Not a syntax error: a number out of float64's range (see above).
		if !json.Valid(data) {
			return nil, int64(len(data)), err
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err = firstWins(dec)
	if err != nil {
		return nil, 0, fmt.Errorf("token stream of valid JSON: %w", err)
	}
	return v, 0, nil
}

func firstWins(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			m := map[string]any{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				val, err := firstWins(dec)
				if err != nil {
					return nil, err
				}
				if k := kt.(string); !hasKey(m, k) {
					m[k] = val
				}
			}
			_, err := dec.Token() // }
			return m, err
		case '[':
			a := []any{}
			for dec.More() {
				val, err := firstWins(dec)
				if err != nil {
					return nil, err
				}
				a = append(a, val)
			}
			_, err := dec.Token() // ]
			return a, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	}
	return tok, nil // string, json.Number, bool or nil
}

func hasKey(m map[string]any, k string) bool { _, ok := m[k]; return ok }

// jsonDiff compares the two parsers on data; nil when they agree (up to
// the differences documented above).
func jsonDiff(data []byte) error {
	ours, dups, errOurs := jsonOurs(data)
	std, stdOff, errStd := jsonStd(data)
	var se *SyntaxError
	if errOurs != nil && !errors.As(errOurs, &se) {
		return fmt.Errorf("apigwlint failed with %T %v, not a SyntaxError", errOurs, errOurs)
	}
	switch {
	case errOurs != nil && se.Limit:
		return nil // a limit: refused whatever encoding/json says
	case errOurs != nil && errStd == nil:
		if !utf8.Valid(data) && strings.Contains(se.Msg, "invalid UTF-8") {
			return nil // refused on purpose
		}
		return fmt.Errorf("apigwlint rejects (%v at offset %d), encoding/json accepts", errOurs, se.Range.Start.Col-1)
	case errOurs == nil && errStd != nil:
		return fmt.Errorf("apigwlint accepts, encoding/json rejects: %v", errStd)
	case errOurs != nil:
		// Both reject: apigwlint points at or before the byte where
		// encoding/json stopped (its offset counts the bytes it read).
		if off := int64(se.Range.Start.Col - 1); off > stdOff {
			return fmt.Errorf("apigwlint reports %q at offset %d, after encoding/json stopped at %d (%v)", se.Msg, off, stdOff, errStd)
		}
		return nil
	}
	if !reflect.DeepEqual(ours, std) {
		return fmt.Errorf("values differ:\napigwlint:     %#v\nencoding/json: %#v", ours, std)
	}
	if hasDuplicateKeys(data) != (len(dups) > 0) {
		return fmt.Errorf("duplicate keys reported: %v, present: %v", dups, hasDuplicateKeys(data))
	}
	return nil
}

// hasDuplicateKeys tells from encoding/json's token stream whether some
// object of valid JSON repeats a key.
func hasDuplicateKeys(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // 1e400 is no error here either
	type frame struct {
		keys   map[string]bool
		object bool
		key    bool // the next token of an object is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return false
		}
		if err != nil {
			panic(fmt.Sprintf("the token stream of valid JSON failed: %v", err))
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.object && top.key {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].key = true
				}
				continue
			}
			k := tok.(string)
			if top.keys[k] {
				return true
			}
			top.keys[k] = true
			top.key = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{keys: map[string]bool{}, object: true, key: true})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		// A value ended: the enclosing object expects a key next.
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].key = true
		}
	}
}

// jsonSeeds are the repository's JSON files, generated JSON files and a few
// inputs at the edges of the grammar.
func jsonSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".json" {
			if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
				out = append(out, data)
			}
		}
		return nil
	})
	for i := 0; i < 64; i++ {
		if name, data := gen.File(i); strings.HasSuffix(name, ".json") {
			out = append(out, data)
		}
	}
	for _, s := range []string{
		`{}`, `[]`, `""`, `0`, `-0`, `-0.0e+0`, `1E400`, `123456789012345678901234567890`, `true`, `null`,
		`{"a":1,"a":2}`, `{"a":{"b":1,"b":[1,2]},"a":3}`, `[{"k":1},{"k":1}]`,
		`"\u00e9\ud83d\ude00\ud800x\udc00\u0000\"\\\/\b\f\n\r\t"`, `"\ud800\u0041"`,
		` {"a" : [ 1 , 2 ] } `, "\t\r\n[1]\n",
		`01`, `1.`, `.5`, `1e`, `-`, `+1`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{"a":1 "b":2}`, `[1 2]`,
		`{a:1}`, `'a'`, `"\x"`, `"\u12"`, "\"a\nb\"", `[`, `{"a":`, `"abc`, `nul`, `truex`, `[1]]`, `1 2`,
		"\"\xff\"", "\xef\xbb\xbf{}", "{\"\xc3\":1}", `NaN`, `Infinity`, `[1e1000000]`,
	} {
		out = append(out, []byte(s))
	}
	return out
}

// mutate changes data in one to four random places: a byte replaced by
// one of JSON's significant characters or any byte, a byte deleted, a
// stretch duplicated, or the text cut short.
func mutate(r *rand.Rand, data []byte) []byte {
	const significant = "{}[],:\"\\ \n0123456789-+.eEtrufalsn\x00\x7f\xc3\xa9\xff"
	out := append([]byte(nil), data...)
	for n := 1 + r.IntN(4); n > 0; n-- {
		if len(out) == 0 {
			out = append(out, significant[r.IntN(len(significant))])
			continue
		}
		i := r.IntN(len(out))
		switch r.IntN(5) {
		case 0, 1:
			out[i] = significant[r.IntN(len(significant))]
		case 2:
			out = append(out[:i], out[i+1:]...)
		case 3:
			j := i + r.IntN(min(16, len(out)-i)+1)
			out = append(out[:j], append(append([]byte(nil), out[i:j]...), out[j:]...)...)
		case 4:
			out = out[:i]
		}
	}
	return out
}

// randomJSON writes a random valid JSON value: nested objects and arrays,
// repeated keys, escapes of every kind, non-ASCII text, numbers of every
// shape (huge ones included) and random whitespace.
func randomJSON(r *rand.Rand, b *strings.Builder, depth int) {
	ws := func() {
		for r.IntN(3) == 0 {
			b.WriteByte(" \t\n\r"[r.IntN(4)])
		}
	}
	ws()
	switch k := r.IntN(8); {
	case k == 0 && depth < 6:
		b.WriteByte('{')
		for i, n := 0, r.IntN(5); i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			ws()
			randomString(r, b, []string{"a", "b", "ApiName", "é"})
			ws()
			b.WriteByte(':')
			randomJSON(r, b, depth+1)
		}
		ws()
		b.WriteByte('}')
	case k == 1 && depth < 6:
		b.WriteByte('[')
		for i, n := 0, r.IntN(5); i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			randomJSON(r, b, depth+1)
		}
		ws()
		b.WriteByte(']')
	case k == 2 || k == 3:
		randomString(r, b, nil)
	case k == 4 || k == 5:
		numbers := []string{"0", "-0", "7", "-12", "3.25", "1e5", "-2.5E-3", "6.02e+23", "1e400", "-1e-400",
			"123456789012345678901234567890", "0.000000000000000000000001"}
		b.WriteString(numbers[r.IntN(len(numbers))])
	default:
		b.WriteString([]string{"true", "false", "null"}[r.IntN(3)])
	}
	ws()
}

func randomString(r *rand.Rand, b *strings.Builder, words []string) {
	b.WriteByte('"')
	if words != nil && r.IntN(2) == 0 {
		b.WriteString(words[r.IntN(len(words))])
	} else {
		parts := []string{"x", "Go", "é", "用户", "😀", `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`,
			`\u0041`, `\u00e9`, `\u0000`, `\ud83d\ude00`, `\ud800`, `\udc00x`, " "}
		for n := r.IntN(6); n > 0; n-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
	}
	b.WriteByte('"')
}

// TestJSONMatchesEncodingJSON runs the comparison on the seeds, on random
// valid documents and on random mutations of both.
func TestJSONMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	seeds := jsonSeeds(t)
	r := rand.New(rand.NewPCG(13, 13))
	for i := 0; i < 300; i++ {
		var b strings.Builder
		randomJSON(r, &b, 0)
		seeds = append(seeds, []byte(b.String()))
	}
	accepted, rejected := 0, 0
	check := func(data []byte) {
		t.Helper()
		if err := jsonDiff(data); err != nil {
			t.Fatalf("input %q:\n%v", data, err)
		}
		if _, _, err := jsonOurs(data); err == nil {
			accepted++
		} else {
			rejected++
		}
	}
	for _, s := range seeds {
		check(s)
		for k := 0; k < 20; k++ {
			check(mutate(r, s))
		}
	}
	// Both answers must be exercised, or the comparison proves little.
	if accepted < 500 || rejected < 2000 {
		t.Fatalf("%d inputs accepted, %d rejected: the inputs do not exercise both answers", accepted, rejected)
	}
	t.Logf("%d inputs accepted, %d rejected, all as encoding/json decides", accepted, rejected)
}

// FuzzJSONDiff: the comparison on any input.
//
//	go test -run XXX -fuzz FuzzJSONDiff -fuzztime 30s ./internal/source
func FuzzJSONDiff(f *testing.F) {
	for _, s := range jsonSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := jsonDiff(data); err != nil {
			t.Fatalf("input %q:\n%v", data, err)
		}
	})
}
