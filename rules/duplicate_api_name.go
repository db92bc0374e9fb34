package rules

import (
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
)

// DuplicateAPIName: two CreateApi definitions with the same GroupId and
// ApiName (docs/sources.md#apiname-unique).
var DuplicateAPIName = &Rule{
	ID: "duplicate-api-name", Severity: diag.Error, Op: "CreateApi", Kind: Project,
	Doc: Doc{
		Summary: "two CreateApi definitions use the same ApiName in the same group (GroupId)",
		Why: "The CreateApi documentation says an API name is unique within its API group: the gateway rejects the second call, " +
			"usually after the first one has already been deployed. Names are compared exactly, case included (no source says the " +
			"gateway ignores case). The diagnostic is on the later definition in path order, with the earlier one as the related location.",
		BadFiles: map[string]string{
			"apis/get-user.yaml":    apiDoc("GetUser", "GET", "/users/[userId]"),
			"apis/get-user-v2.yaml": apiDoc("GetUser", "GET", "/v2/users/[userId]"),
		},
		GoodFiles: map[string]string{
			"apis/get-user.yaml":    apiDoc("GetUser", "GET", "/users/[userId]"),
			"apis/get-user-v2.yaml": apiDoc("GetUserV2", "GET", "/v2/users/[userId]"),
		},
	},
	Facts: apiNames,
	CheckProject: func(p *ProjectContext) {
		sameKey(p, p.Index.Of(apiNames.Name), func(e *Fact) Loc { return e.At },
			func(e *Fact) string { return e.Key + "\x00" + e.Attr(0) },
			func(e *Fact, others []*Fact) string {
				consequence := "the gateway rejects a second API with the same name in a group"
				if strings.HasPrefix(facts.Readable(e.Key), "devs:") {
					// docs/sources.md#devs-component
					consequence = "the Serverless Devs apigateway component would silently modify the earlier API instead of creating this one"
				}
				return diag.Sprintf("ApiName %s is already used in group %s by %s; %s, so give one of them another name",
					valueText(e.Attr(0)), facts.Readable(e.Key), othersWord(len(others), "CreateApi definition"), consequence)
			},
			func(o *Fact) string { return diag.Sprintf("the other CreateApi named %s", valueText(o.Attr(0))) })
	},
}

// apiNames: each CreateApi with a group and a name exports its name,
// keyed by its group, located at the name.
var apiNames = &FactKind{
	Name: "api-name", Op: "CreateApi", Params: []string{"GroupId", "ApiName"}, SharedKeys: true,
	Export: func(e *Exporter) {
		group := e.Root.Get("GroupId")
		name := e.Root.Get("ApiName")
		if KeyOf(group) != "" && KeyOf(name) != "" {
			e.EmitFor(group, name, KeyOf(name))
		}
	},
}

// apiDoc is a small CreateApi definition for rule documents, with its path
// parameters declared.
func apiDoc(name, method, path string) string {
	doc := "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: " + name + "\nVisibility: PRIVATE\nAuthType: APP\n" +
		"AllowSignatureMethod: HmacSHA256\n" +
		"RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: " + method + ", RequestPath: '" + path + "', RequestMode: PASSTHROUGH}\n" +
		"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}\n"
	sep := "RequestParameters:\n"
	for rest := path; strings.Contains(rest, "["); {
		open := strings.Index(rest, "[")
		end := strings.Index(rest[open:], "]")
		if end < 0 {
			break
		}
		doc += sep + "  - {ApiParameterName: " + rest[open+1:open+end] + ", Location: PATH, ParameterType: String, Required: REQUIRED}\n"
		sep = ""
		rest = rest[open+end+1:]
	}
	return doc
}
