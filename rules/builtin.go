package rules

import "github.com/apigwlint/apigwlint/internal/diag"

// The file-level and schema-level checks. Their diagnostics are produced
// by the loader (internal/source) and the validator (schema); these entries
// give them an id, a severity and a document like every other rule.
var (
	Syntax = &Rule{ID: "syntax", Severity: diag.Error, Kind: Builtin, Doc: Doc{
		Summary: "the file is not valid YAML or JSON",
		Why:     "Nothing in a file that does not parse can be checked, and the deployment tool would fail on it too.",
		Bad: `Action: CreateApi
GroupId: [08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users/me, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users/me, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
	}}
	DuplicateKey = &Rule{ID: "duplicate-key", Severity: diag.Error, Kind: Builtin, Doc: Doc{
		Summary: "a key appears twice in one mapping (also inside a JSON string, and keys that differ only in the case of their first letter inside JSON-string parameters)",
		Why:     "YAML forbids duplicate keys and JSON leaves the result to the reader: one of the two values is silently lost. apigwlint keeps the first one.",
		Bad: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: K8S
sourceType: DNS
serviceConfigs:
  - name: users
    namespace: default
`,
		Good: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: K8S
serviceConfigs:
  - name: users
    namespace: default
`,
	}}
	Encoding = &Rule{ID: "encoding", Severity: diag.Error, Kind: Builtin, Doc: Doc{
		Summary: "the file is not UTF-8 text (invalid UTF-8, UTF-16, or binary with NUL bytes)",
		Why:     "Definitions are sent to the gateway as UTF-8 JSON; a file in another encoding cannot be read reliably. A UTF-8 byte order mark is accepted.",
		Bad: `# Latin-1 text: the é of café below is the single byte 0xE9, which is not UTF-8
Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Description: Returns the caf<byte 0xE9> menu
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users/me, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Description: Returns the café menu
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users/me, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
	}}
	Limit = &Rule{ID: "limit", Severity: diag.Error, Kind: Builtin, Doc: Doc{
		Summary: "the file exceeds a safety limit: size, nesting depth or alias expansion",
		Why:     "A linter runs on whatever a pull request brings. Files over 10 MiB, nesting deeper than 200 levels and alias bombs (\"billion laughs\") are refused with this diagnostic instead of exhausting memory; the other files are still checked.",
		Bad: `# a "billion laughs" file: each line repeats the previous one ten times, 10^6 values in all
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
`,
		Good: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: K8S
serviceConfigs:
  - name: users
    namespace: default
`,
	}}
	UnknownAction = &Rule{ID: "unknown-action", Severity: diag.Error, Kind: Builtin, Doc: Doc{
		Summary: "`Action` names an operation apigwlint does not check",
		Why:     "apigwlint checks CreateApi and CreateService definitions; a misspelt Action would otherwise make the whole definition go unchecked.",
		Fix: FixDoc{Safety: SometimesSafe, Text: "The value is replaced by the operation it stands for, keeping its quoting: safe when it differs only in case " +
			"(`CreateAPI`) or is close to one operation only (`CreatApi`)."},
		Bad: `Action: CreateAPI
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
	}}
	NotADefinition = &Rule{ID: "not-a-definition", Severity: diag.Error, Kind: Builtin, Doc: Doc{
		Summary: "a file named on the command line holds no CreateApi or CreateService definition",
		Why:     "Without `Action`, a document is a definition of the operation whose documented top-level parameters it uses (at least two, none of the other operation's). Files found while walking a directory that hold no definition are skipped and counted; a file you name explicitly is expected to be one.",
		Bad: `name: users
namespace: default
`,
		Good: `gatewayId: gw-cq7l5s5lhtg001
sourceType: K8S
serviceConfigs:
  - name: users
    namespace: default
`,
	}}
	SchemaRule = &Rule{ID: "schema", Severity: diag.Error, Kind: Builtin, Doc: Doc{
		Summary: "a value breaks the operation's JSON Schema: a missing required parameter, a wrong type, a value outside its enum, a length, pattern or limit",
		Why: "The gateway rejects these calls. The schemas (`apigwlint schema`) are derived from the vendor's parameter tables; where the sources disagree they accept the input, " +
			"and where the live gateway is known to accept more than the tables say, the schema accepts that too: an `ApiName` such as `tf-example` (the tables say " +
			"letters, digits and `_`; the schema takes the ROS specification's 4 to 128 characters, a letter first, then letters, digits, `_`, `-`, `.` or spaces). " +
			"An empty string in an optional parameter (`BodyFormat: \"\"`, `ContentTypeCatagory: \"\"`, `ServiceAddress: \"\"` on a Function Compute backend) is the same " +
			"as leaving it out: Terraform, Serverless Devs and the SDKs write \"unset\" that way and the gateway accepts it, so no enum, pattern or length applies to it. " +
			"So is `null` in an optional parameter of any type (`\"DefaultValue\": null`, or an empty YAML value): Serverless Devs turns the empty values of " +
			"s.yaml into null when it stringifies the parameter lists (devsapp/apigateway src/index.ts), as its own example/s.yaml shows. " +
			"A required parameter stays required: an empty `GroupId`, `Visibility` or `RequestPath` is reported.",
		Fix: FixDoc{Safety: SometimesSafe, Text: "An enum value that is not one of the allowed values is replaced by the one it stands for, keeping its quoting " +
			"(also inside a JSON-string parameter, and a Terraform string literal, `service_type = \"http\"` included): safe when it differs from that value only in case, or when that value is the only one close enough " +
			"(`PASTHROUGH` → `PASSTHROUGH`); unsafe when several values are as close (`HTPP`: `HTTP` or `HTTPS`). No fix where the value is not written " +
			"as it reads (an escape, a block scalar it cannot map exactly) or where the new value would need quoting."},
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ab
Visibility: public
RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListUsers
Visibility: PUBLIC
RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
	}}
	UnknownField = &Rule{ID: "unknown-field", Severity: diag.Error, Kind: Builtin, Doc: Doc{
		Summary: "a key that the operation does not define, with a did-you-mean suggestion (inside JSON-string parameters: `unknown-nested-field`)",
		Why: "A top-level parameter that the operation does not define cannot be sent: the SDKs have no field for it and the aliyun CLI refuses it " +
			"(\"'--X' is not a valid parameter or flag\", aliyun/aliyun-cli openapi/errors.go), so the setting you meant is not applied. The same holds for " +
			"the keys of a CreateService body and its `serviceConfigs` items. Top-level keys must match exactly. " +
			"The common parameters that the SDKs and the CLI add to every call, `RegionId` and `SecurityToken`, are accepted at the top level of a CreateApi " +
			"definition (aliyun/alibaba-cloud-sdk-go sdk/auth/rpc_signature_composer.go puts `RegionId` in every RPC call; Serverless Devs sends it too). " +
			"Inside the JSON-string parameters (`RequestConfig`, `ServiceConfig`, the parameter lists, ...) the gateway ignores keys it does not know, so an " +
			"unknown key there is the warning `unknown-nested-field` instead; but a misspelling of a required key there is still this error, because the " +
			"required key is then missing (docs/sources.md#unknown-keys, docs/sources.md#common-parameters).",
		Fix: FixDoc{Safety: SometimesSafe, Text: "The key is renamed to the documented key it stands for, keeping its quoting (also inside a JSON-string parameter, " +
			"where the new key needs no other escaping): safe when it differs only in case or is the only key close enough, unsafe when several are. " +
			"In a ROS template or a Serverless Devs file the key is renamed as that format spells it (`ServiceTimeout` → `ServiceTimeOut` in ROS, " +
			"`authTyp` → `authType` in s.yaml); a Terraform argument or block is renamed to the provider's (`descripton` → `description`). No fix when the object already has that key, or where the key is not written as it reads (an escape)."},
		Bad: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: K8S
serviceConfigs:
  - name: users
    namepsace: default
`,
		Good: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: K8S
serviceConfigs:
  - name: users
    namespace: default
`,
	}}
	UnknownNestedField = &Rule{ID: "unknown-nested-field", Severity: diag.Warning, Kind: Builtin, Doc: Doc{
		Summary: "a key inside a JSON-string parameter (`RequestConfig`, `ServiceConfig`, the parameter lists, ...) that the gateway does not define, with a did-you-mean suggestion",
		Why: "The gateway ignores keys it does not know inside these JSON strings: Terraform sends a `name` copy of `ApiParameterName` in every request parameter " +
			"(aliyun/terraform-provider-alicloud alicloud/extension_api_gateway.go), the console's export writes `isHide` and `ParameterLocation`, Serverless Devs " +
			"sends `ContentTypeCategory` in every `FunctionComputeConfig` (devsapp/apigateway src/common/entity.ts), and a production deploy script sends " +
			"`ApiParameterDesc` and `ServiceParameterApiName` with `aliyun cloudapi CreateApi` (quanttide/quanttide-platform scripts/api-gateway/deploy.sh), " +
			"and all of those APIs are created. The call succeeds, so this is a warning, not an error; but the setting the key was meant for is not applied, " +
			"which usually hurts later: `Servicepath` leaves the backend path unset, `BodyFromat` the body format. Keys match ignoring the case of their first " +
			"letter (`requestProtocol` is `RequestProtocol`), and the keys those tools send are known, so they are not reported. A misspelt required key " +
			"(`RequestPth`) is the error `unknown-field`: the key it stands for is missing, and the gateway rejects that. Likewise a misspelling of a key " +
			"that a rule needs (`ServiceAddress` of an HTTP backend, `IdTokenParamName` of an OpenID Connect API) is reported by that rule too, as missing " +
			"(docs/sources.md#unknown-keys).",
		Fix: FixDoc{Safety: SometimesSafe, Text: "As `unknown-field`: the key is renamed to the documented key, safe when it is the only one close enough."},
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', Servicepath: /v1/users, ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServicePath: /v1/users, ServiceTimeout: 3000}
`,
	}}
	EmbeddedJSON = &Rule{ID: "embedded-json", Severity: diag.Error, Kind: Builtin, Doc: Doc{
		Summary: "a parameter that the gateway takes as a JSON string holds text that is not JSON",
		Why:     "RequestConfig, ServiceConfig, the parameter lists and OpenIdConnectConfig travel as JSON strings; the gateway cannot read a malformed one. The error is reported at its line and column inside the string.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
RequestConfig: '{"RequestProtocol": "HTTP", "RequestHttpMethod": GET}'
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
RequestConfig: '{"RequestProtocol": "HTTP", "RequestHttpMethod": "GET", "RequestPath": "/users", "RequestMode": "MAPPING"}'
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
	}}
)

// The checks on inline suppression comments. Their diagnostics are
// produced by internal/suppress when a file's diagnostics are finished;
// they cannot themselves be suppressed inline (set them in .apigwlint.yaml).
var (
	UnusedSuppression = &Rule{ID: "unused-suppression", Severity: diag.Warning, Kind: Builtin, Doc: Doc{
		Summary: "an `apigwlint-disable-…` comment names a rule that reports nothing where the comment applies",
		Why:     "An exception should not outlive its cause. When the problem it excused is fixed, or the rule is turned off in .apigwlint.yaml, the comment is stale: it would silently hide the next real problem of that rule on that line. Delete it, or delete that rule from its list.",
		Bad:     "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: K8S\n# apigwlint-disable-next-line unknown-field -- x-owner is read by our deploy script\nserviceConfigs:\n  - name: users\n    namespace: default\n",
		Good:    "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: K8S\n# apigwlint-disable-next-line unknown-field -- x-owner is read by our deploy script\nx-owner: team-users\nserviceConfigs:\n  - name: users\n    namespace: default\n",
	}}
	InvalidSuppression = &Rule{ID: "invalid-suppression", Severity: diag.Error, Kind: Builtin, Doc: Doc{
		Summary: "an `apigwlint-disable-…` comment without a reason after ` -- `, naming an unknown rule or no rule, or malformed",
		Why:     "A suppression is a decision someone made; the reason written next to it is what lets the next reader keep or drop it. The forms are `# apigwlint-disable-next-line RULE[,RULE] -- reason` (the next line that is not blank or a comment), `key: value  # apigwlint-disable-line RULE -- reason` (its own line) and `# apigwlint-disable-file RULE -- reason` (the whole file). A suppression without a reason still suppresses, but is reported; one naming an unknown rule suppresses nothing for that rule.",
		Bad:     "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: K8S\nx-owner: team-users  # apigwlint-disable-line unknown-field\nserviceConfigs:\n  - name: users\n    namespace: default\n",
		Good:    "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: K8S\nx-owner: team-users  # apigwlint-disable-line unknown-field -- read by our deploy script, removed before the call\nserviceConfigs:\n  - name: users\n    namespace: default\n",
	}}
)
