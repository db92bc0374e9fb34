package fix

import (
	"bytes"
	"fmt"
	"io"
)

// contextLines is how many unchanged lines a hunk shows around a change.
const contextLines = 3

// Diff writes the unified diff of a file from before to after ("---" and
// "+++" lines naming path, then "@@" hunks with three lines of context),
// nothing when they are equal. Lines keep their endings, so a CRLF file's
// diff shows CRLF lines; a last line without a line break is marked as
// diff does ("\ No newline at end of file").
func Diff(w io.Writer, path string, before, after []byte) error {
	if bytes.Equal(before, after) {
		return nil
	}
	a, b := lines(before), lines(after)
	ops := diffLines(a, b)
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "--- %s\n+++ %s\n", path, path)
	// Group the script into hunks: runs of changes with their context,
	// merged when the context between two runs is short.
	type span struct{ from, to int } // ops indexes
	var hunks []span
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(0, i-contextLines)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			// A run of unchanged lines: end the hunk if it is long.
			k := end
			for k < len(ops) && ops[k].kind == ' ' {
				k++
			}
			if k == len(ops) || k-end > 2*contextLines {
				end = min(len(ops), end+contextLines)
				break
			}
			end = k
		}
		if len(hunks) > 0 && hunks[len(hunks)-1].to >= start {
			hunks[len(hunks)-1].to = end
		} else {
			hunks = append(hunks, span{start, end})
		}
		i = end
	}
	for _, h := range hunks {
		// Line numbers of the hunk's first line in a and b.
		la, lb := 1, 1
		for _, op := range ops[:h.from] {
			if op.kind != '+' {
				la++
			}
			if op.kind != '-' {
				lb++
			}
		}
		na, nb := 0, 0
		for _, op := range ops[h.from:h.to] {
			if op.kind != '+' {
				na++
			}
			if op.kind != '-' {
				nb++
			}
		}
		if na == 0 {
			la--
		}
		if nb == 0 {
			lb--
		}
		fmt.Fprintf(&buf, "@@ -%s +%s @@\n", hunkRange(la, na), hunkRange(lb, nb))
		for _, op := range ops[h.from:h.to] {
			buf.WriteByte(op.kind)
			buf.WriteString(op.line)
			if len(op.line) == 0 || op.line[len(op.line)-1] != '\n' {
				buf.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func hunkRange(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// lines splits text after each '\n', keeping it.
func lines(text []byte) []string {
	var out []string
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			out = append(out, string(text))
			break
		}
		out = append(out, string(text[:i+1]))
		text = text[i+1:]
	}
	return out
}

type lineOp struct {
	kind byte // ' ', '-' or '+'
	line string
}

// diffLines is a shortest edit script from a to b (Myers' O(ND)
// algorithm, after the common prefix and suffix are set aside: fixes
// change a few lines of a file, so D is small).
func diffLines(a, b []string) []lineOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []lineOp
	for _, l := range a[:pre] {
		ops = append(ops, lineOp{' ', l})
	}
	ops = append(ops, myers(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for _, l := range a[len(a)-suf:] {
		ops = append(ops, lineOp{' ', l})
	}
	return ops
}

func myers(a, b []string) []lineOp {
	n, m := len(a), len(b)
	maxD := n + m
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	// trace[d] is V for the diagonals -d-1..d+1 as it was before step d
	// (all that step d reads), so the memory is O(D²), not O(D·N).
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(a, b, trace, d)
			}
		}
	}
	return nil
}

// backtrack walks the saved V arrays back from (n, m) to build the script.
func backtrack(a, b []string, trace [][]int, d int) []lineOp {
	x, y := len(a), len(b)
	var rev []lineOp
	for ; d > 0; d-- {
		v, off := trace[d], d+1 // V as it was before step d; v[off+k] is diagonal k
		k := x - y
		var prevK int
		if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := v[off+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			rev = append(rev, lineOp{' ', a[x-1]})
			x--
			y--
		}
		if x == prevX {
			rev = append(rev, lineOp{'+', b[y-1]})
			y--
		} else {
			rev = append(rev, lineOp{'-', a[x-1]})
			x--
		}
	}
	for x > 0 && y > 0 {
		rev = append(rev, lineOp{' ', a[x-1]})
		x--
		y--
	}
	out := make([]lineOp, len(rev))
	for i, op := range rev {
		out[len(rev)-1-i] = op
	}
	return out
}
