package rules_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/rules"
)

// A definition that touches every key the rules read, so that replacing
// any one value by a value of another type exercises every rule's handling
// of broken input.
const richAPI = `{
  "Action": "CreateApi", "GroupId": "08ae4aa0f95e4321849ee57f4e0b3077", "ApiName": "GetUser查询",
  "Visibility": "PRIVATE", "AuthType": "APPOPENID", "AllowSignatureMethod": "HmacSHA1", "AppCodeAuthType": "HEADER",
  "BackendId": "a0305308908c4740aba9cbfd63ba99b7", "BackendEnable": true,
  "OpenIdConnectConfig": {"OpenIdApiType": "IDTOKEN", "PublicKeyId": "k", "PublicKey": "p", "IdTokenParamName": "t"},
  "RequestConfig": {"RequestProtocol": "HTTPS", "RequestHttpMethod": "HEADER", "RequestPath": "/users/[userId]/[x]",
    "RequestMode": "PASSTHROUGH", "BodyFormat": "FORM", "PostBodyDescription": "d", "EscapePathParam": false},
  "ServiceConfig": {"ServiceProtocol": "FunctionCompute", "ServiceAddress": "http://a:1", "ServicePath": "/v1/[id]/[y]",
    "ServiceHttpMethod": "HEADER", "ServiceTimeout": 3000, "ContentTypeCatagory": "CUSTOM", "Mock": "TRUE",
    "ServiceVpcEnable": "TRUE", "VpcConfig": {"Name": "n"}, "OssConfig": {"BucketName": "b"}, "EventBridgeConfig": {"EventBus": "e"},
    "FunctionComputeConfig": {"FcRegionId": "r", "FcType": "HttpTrigger", "Path": "/f/[id]/[z]", "ContentTypeCatagory": "DEFAULT", "RoleArn": "a"}},
  "RequestParameters": [
    {"ApiParameterName": "userId", "Location": "PATH", "ParameterType": "Int", "Required": "REQUIRED", "MinValue": 5, "MaxValue": 1,
     "MinLength": 9, "MaxLength": 2, "DefaultValue": "7", "EnumValue": "1,2", "RegularExpression": "x", "JsonScheme": "{}"},
    {"ApiParameterName": "userId", "Location": "PATH", "ParameterType": "String", "Required": "OPTIONAL", "DefaultValue": "abc", "MinLength": 5, "EnumValue": "a"},
    {"ApiParameterName": "q", "Location": "BODY", "ParameterType": "Boolean", "Required": "OPTIONAL", "EnumValue": "true"}
  ],
  "ServiceParameters": [
    {"ServiceParameterName": "id", "Location": "PATH", "Type": "STRING", "ParameterCatalog": "REQUEST"},
    {"ServiceParameterName": "w", "Location": "PATH", "Type": "STRING", "ParameterCatalog": "CONSTANT"},
    {"ServiceParameterName": "z", "Location": "QUERY", "Type": "STRING", "ParameterCatalog": "SYSTEM"}
  ],
  "ServiceParametersMap": [{"ServiceParameterName": "id", "RequestParameterName": "nope"}, {"ServiceParameterName": "nope", "RequestParameterName": "userId"}],
  "SystemParameters": [{"ParameterName": "CaClientIp", "ServiceParameterName": "z", "Location": "QUERY"}],
  "ConstantParameters": [{"ServiceParameterName": "c", "ConstantValue": "1", "Location": "HEAD"}],
  "ResultSample": "s", "FailResultSample": "f", "ErrorCodeSamples": [{"Code": "400", "Message": "m"}]
}`

const richService = `{
  "Action": "CreateService", "gatewayId": "gw-cq7l5s5lhtg001", "sourceType": "VIP",
  "serviceConfigs": [
    {"name": "a", "addresses": ["1.2.3.4:80", "x", "[::1]:99999"], "dnsServers": ["d:1"], "qualifier": "q",
     "aiServiceConfig": {"provider": "p"}, "agentServiceConfig": {"provider": "p", "address": "a"}, "modelProviderId": "mp-1"},
    {"name": "b"}
  ]
}`

// replacements are values of every JSON type, and JSON strings that do not
// parse or parse to the wrong type.
var replacements = []any{nil, true, -1.5, "", "[", []any{nil, "s", []any{}}, map[string]any{"k": nil}}

// TestRulesSurviveTypeConfusion replaces every value of two rich
// definitions, one at a time, by values of every other type, and lints the
// result: no rule may panic, whatever the schema found.
func TestRulesSurviveTypeConfusion(t *testing.T) {
	for _, base := range []string{richAPI, richService} {
		var doc any
		if err := json.Unmarshal([]byte(base), &doc); err != nil {
			t.Fatal(err)
		}
		lint.CheckBytes("rich.json", []byte(base), true) // the base itself
		for _, path := range paths(doc, nil) {
			if len(path) == 1 && path[0] == "Action" {
				continue
			}
			for _, r := range replacements {
				mutated := set(deepCopy(doc), path, r)
				b, err := json.Marshal(mutated)
				if err != nil {
					t.Fatal(err)
				}
				func() {
					defer func() {
						if p := recover(); p != nil {
							t.Errorf("panic with %v = %#v: %v", path, r, p)
						}
					}()
					lint.CheckBytes("mutated.json", b, true)
					if jsonStringParams[fmt.Sprint(path[0])] {
						// The same with the JSON-string parameters as strings.
						lint.CheckBytes("mutated.json", stringify(mutated), true)
					}
				}()
			}
		}
	}
}

// TestRulesOnEveryCase runs the rules over every case and example file in
// the repository once more, directly: a panic names the file.
func TestRulesOnEveryCase(t *testing.T) {
	var files []string
	for _, dir := range []string{"../testdata/cases", "../testdata/examples"} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				switch filepath.Ext(p) {
				case ".yaml", ".yml", ".json":
					files = append(files, p)
				}
			}
			return nil
		})
	}
	if len(files) == 0 {
		t.Fatal("no files found")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%s: panic: %v", f, p)
				}
			}()
			lint.CheckBytes(f, data, true)
		}()
	}
}

// FuzzCheckBytes feeds arbitrary files through the loader, the schema and
// every rule. The seeds are the rule examples; `go test` runs only them,
// `go test -fuzz FuzzCheckBytes ./rules` explores further.
func FuzzCheckBytes(f *testing.F) {
	for _, r := range rules.All() {
		f.Add(rules.ExpandExample(r.Doc.Bad))
		f.Add(rules.ExpandExample(r.Doc.Good))
	}
	f.Add([]byte(richAPI))
	f.Add([]byte(richService))
	f.Fuzz(func(t *testing.T, data []byte) {
		lint.CheckBytes("fuzz.yaml", data, true)
		lint.CheckBytes("fuzz.json", data, true)
	})
}

func paths(v any, prefix []any) [][]any {
	var out [][]any
	switch t := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := append(append([]any{}, prefix...), k)
			out = append(out, p)
			out = append(out, paths(t[k], p)...)
		}
	case []any:
		for i, x := range t {
			p := append(append([]any{}, prefix...), i)
			out = append(out, p)
			out = append(out, paths(x, p)...)
		}
	}
	return out
}

func set(doc any, path []any, v any) any {
	cur := doc
	for i, step := range path {
		last := i == len(path)-1
		switch k := step.(type) {
		case string:
			m := cur.(map[string]any)
			if last {
				m[k] = v
			}
			cur = m[k]
		case int:
			a := cur.([]any)
			if last {
				a[k] = v
			}
			cur = a[k]
		}
	}
	return doc
}

func deepCopy(v any) any {
	b, _ := json.Marshal(v)
	var out any
	json.Unmarshal(b, &out)
	return out
}

var jsonStringParams = map[string]bool{"RequestConfig": true, "ServiceConfig": true, "RequestParameters": true,
	"ServiceParameters": true, "ServiceParametersMap": true, "SystemParameters": true, "ConstantParameters": true,
	"ErrorCodeSamples": true, "OpenIdConnectConfig": true}

// stringify turns the JSON-string parameters of a CreateApi definition into
// strings holding their JSON, as the gateway receives them.
func stringify(doc any) []byte {
	m, ok := doc.(map[string]any)
	if !ok {
		b, _ := json.Marshal(doc)
		return b
	}
	out := map[string]any{}
	for k, v := range m {
		if jsonStringParams[k] {
			if _, isString := v.(string); !isString {
				b, _ := json.Marshal(v)
				v = string(b)
			}
		}
		out[k] = v
	}
	b, err := json.Marshal(out)
	if err != nil {
		panic(fmt.Sprint(err))
	}
	return b
}
