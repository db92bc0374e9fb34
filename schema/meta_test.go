package schema

import (
	"bytes"
	"encoding/json"
)

// ValidateAgainstMeta checks that a document is a valid draft 2020-12
// JSON Schema. Compiling validates a schema against its draft's
// metaschema, which the validator carries built in (nothing is fetched).
func ValidateAgainstMeta(doc []byte) error {
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		return err
	}
	c := NewCompiler()
	const url = "https://apigwlint.dev/schema/check.json"
	if err := c.AddResource(url, bytes.NewReader(doc)); err != nil {
		return err
	}
	_, err := c.Compile(url)
	return err
}
