package rules

import (
	"bytes"
	"regexp"
	"strconv"
)

// Two rules cannot show their failing example as plain text: an encoding
// error needs a byte that is not UTF-8, and a size limit needs kilobytes of
// filler. Their examples write "<byte 0xE9>" and "<17 KB of text>" instead;
// ExpandExample turns an example into the file it stands for, which is what
// the documentation tests lint.
var (
	byteMarker   = regexp.MustCompile(`<byte 0x([0-9A-Fa-f]{2})>`)
	fillerMarker = regexp.MustCompile(`<([0-9]{1,3}) KB of text>`)
)

// ExpandExample expands the markers of a documentation example.
func ExpandExample(example string) []byte {
	b := byteMarker.ReplaceAllFunc([]byte(example), func(m []byte) []byte {
		v, _ := strconv.ParseUint(string(byteMarker.FindSubmatch(m)[1]), 16, 8)
		return []byte{byte(v)}
	})
	return fillerMarker.ReplaceAllFunc(b, func(m []byte) []byte {
		n, _ := strconv.Atoi(string(fillerMarker.FindSubmatch(m)[1]))
		return bytes.Repeat([]byte("x"), n<<10)
	})
}
