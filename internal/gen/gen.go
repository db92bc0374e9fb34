// Package gen writes deterministic trees of realistic definition files for
// benchmarks and scale tests: both operations, every backend type of
// CreateApi and every sourceType of CreateService, YAML (structured, with
// JSON strings in every scalar style, several documents per file) and JSON
// (one object or an array), spread over nested folders.
//
// The same N always gives the same bytes, so measurements taken on two
// machines or two commits read the same input. Every file lints clean:
// names, paths and client tokens are unique where the gateway wants them
// unique, path parameters are declared, parameter maps name existing
// parameters, and each backend carries the settings its type needs.
package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// FilesPerGroup is how many files share one API group (and one folder).
const FilesPerGroup = 50

// kinds cycles over the file shapes; the order spreads every shape evenly
// over any run of consecutive indexes.
var kinds = []func(b *builder){
	apiHTTPYAML,
	serviceYAML,
	apiJSONStringsYAML,
	apiJSONFile,
	apiFunctionComputeYAML,
	serviceJSON,
	apiMultiDocYAML,
	apiOSSYAML,
	apiJSONArrayFile,
	apiEventBridgeYAML,
	serviceMultiDocYAML,
	apiMockYAML,
	apiVPCYAML,
	apiBlockScalarsYAML,
	apiOpenIDYAML,
	apiLowerCamelYAML,
}

// numKinds is len(kinds), as a constant to break the initialisation cycle.
const numKinds = 16

// File returns the relative path ('/' separators) and content of file i.
func File(i int) (string, []byte) {
	b := &builder{i: i}
	kinds[i%len(kinds)](b)
	return b.path(), []byte(b.sb.String())
}

// Write creates n files under dir (which may not exist yet) and returns
// their total size in bytes.
func Write(dir string, n int) (int64, error) {
	var total int64
	made := map[string]bool{}
	for i := 0; i < n; i++ {
		rel, data := File(i)
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return total, err
			}
			made[d] = true
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return total, err
		}
		total += int64(len(data))
	}
	return total, nil
}

type builder struct {
	i    int
	sb   strings.Builder
	name string // file name without folder
}

func (b *builder) w(format string, args ...any) { fmt.Fprintf(&b.sb, format, args...) }

// group is the index of the API group (and folder) of this file.
func (b *builder) group() int { return b.i / FilesPerGroup }

// groupID is a 32-hex-character API group ID.
func (b *builder) groupID() string {
	g := uint64(b.group())*0x9E3779B97F4A7C15 + 0x0123456789abcdef
	return fmt.Sprintf("%016x%016x", g, g^0xa5a5a5a5a5a5a5a5)
}

// gatewayID is the gateway of this file's services: one per group folder.
func (b *builder) gatewayID() string { return fmt.Sprintf("gw-bench%06d", b.group()) }

// domain names the top folder and the resource the APIs of a file serve.
func (b *builder) domain() string {
	return domains[b.group()%len(domains)]
}

var domains = []string{"orders", "users", "catalog", "payments", "inventory", "shipping", "billing", "search", "reviews", "loyalty"}

func (b *builder) path() string {
	return fmt.Sprintf("%s/group-%05d/%s", b.domain(), b.group(), b.name)
}

// api returns a unique API name and request path stem for document d.
func (b *builder) api(verb string, d int) (name, stem string) {
	res := b.domain()
	title := strings.ToUpper(res[:1]) + res[1:]
	return fmt.Sprintf("%s%s%06d_%d", verb, title, b.i, d), fmt.Sprintf("/v1/%s/f%06d/d%d", res, b.i, d)
}

func (b *builder) header(what string) {
	b.w("# %s for the %s domain (generated file %d; apigwlint benchmark data).\n", what, b.domain(), b.i)
	b.w("# Owned by team-%s. Changes go through the API review board; see docs/api-style.md.\n", b.domain())
}

func apiHTTPYAML(b *builder) {
	b.name = fmt.Sprintf("get-%06d.yaml", b.i)
	name, stem := b.api("Get", 0)
	b.header("HTTP API read by id, served by the domain service on ACK")
	b.w(`Action: CreateApi
GroupId: %s
ApiName: %s
Description: Returns one %s record by its id, with the fields the portal shows.
Visibility: PRIVATE
AuthType: APP
AllowSignatureMethod: HmacSHA256
AppCodeAuthType: HEADER
RequestConfig:
  RequestProtocol: HTTP,HTTPS
  RequestHttpMethod: GET
  RequestPath: %s/[itemId]
  RequestMode: MAPPING
ServiceConfig:
  ServiceProtocol: HTTP
  ServiceAddress: http://%s.internal:8080
  ServiceHttpMethod: GET
  ServicePath: /api/%s/[itemId]
  ServiceTimeout: 3000
RequestParameters:
  - ApiParameterName: itemId
    Location: PATH
    ParameterType: String
    Required: REQUIRED
    DemoValue: id-20240101-0001
    Description: ID of the record.
  - ApiParameterName: fields
    Location: QUERY
    ParameterType: String
    Required: OPTIONAL
    MaxLength: 200
    Description: Comma-separated list of fields to return.
ServiceParameters:
  - ServiceParameterName: itemId
    Location: PATH
    Type: String
    ParameterCatalog: REQUEST
  - ServiceParameterName: fields
    Location: QUERY
    Type: String
    ParameterCatalog: REQUEST
ServiceParametersMap:
  - ServiceParameterName: itemId
    RequestParameterName: itemId
  - ServiceParameterName: fields
    RequestParameterName: fields
ResultType: JSON
ResultSample: '{"id":"id-20240101-0001","status":"ACTIVE","updatedAt":"2024-01-01T08:00:00Z"}'
FailResultSample: '{"code":"NotFound","message":"no record with this id"}'
ErrorCodeSamples:
  - Code: "404"
    Message: NotFound
    Description: No record has this ID.
Tag:
  - Key: team
    Value: %s
  - Key: env
    Value: prod
`, b.groupID(), name, b.domain(), stem, b.domain(), b.domain(), b.domain())
}

func apiJSONStringsYAML(b *builder) {
	b.name = fmt.Sprintf("update-%06d.yaml", b.i)
	name, stem := b.api("Update", 0)
	b.header("Console export: the JSON-string parameters are kept as strings")
	b.w(`Action: CreateApi
GroupId: %s
ApiName: %s
Description: Updates the display name and locale of one %s record.
Visibility: PRIVATE
AuthType: APP
AllowSignatureMethod: HmacSHA1,HmacSHA256
AppCodeAuthType: DISABLE
ForceNonceCheck: true
RequestConfig: '{"RequestProtocol":"HTTPS","RequestHttpMethod":"PUT","RequestPath":"%s/[itemId]","RequestMode":"MAPPING","BodyFormat":"FORM"}'
ServiceConfig: "{\"ServiceProtocol\":\"HTTP\",\"ServiceAddress\":\"http://%s.internal:8080\",\"ServiceHttpMethod\":\"PUT\",\"ServicePath\":\"/api/%s/[itemId]\",\"ServiceTimeout\":5000,\"ContentTypeCatagory\":\"DEFAULT\",\"ContentTypeValue\":\"application/x-www-form-urlencoded; charset=UTF-8\"}"
RequestParameters: '[{"ApiParameterName":"itemId","Location":"PATH","ParameterType":"String","Required":"REQUIRED"},{"ApiParameterName":"displayName","Location":"BODY","ParameterType":"String","Required":"OPTIONAL","MinLength":1,"MaxLength":64,"Description":"New display name."},{"ApiParameterName":"locale","Location":"BODY","ParameterType":"String","Required":"OPTIONAL","EnumValue":"zh-CN,en-US,ja-JP","DefaultValue":"zh-CN"}]'
ServiceParameters: '[{"ServiceParameterName":"itemId","Location":"PATH","Type":"String","ParameterCatalog":"REQUEST"},{"ServiceParameterName":"display_name","Location":"BODY","Type":"String","ParameterCatalog":"REQUEST"},{"ServiceParameterName":"locale","Location":"BODY","Type":"String","ParameterCatalog":"REQUEST"}]'
ServiceParametersMap: '[{"ServiceParameterName":"itemId","RequestParameterName":"itemId"},{"ServiceParameterName":"display_name","RequestParameterName":"displayName"},{"ServiceParameterName":"locale","RequestParameterName":"locale"}]'
ResultType: JSON
ResultSample: '{"id":"id-20240101-0001","displayName":"Li Wei","locale":"en-US"}'
ErrorCodeSamples: '[{"Code":"400","Message":"InvalidLocale","Description":"locale is not one of zh-CN, en-US, ja-JP."},{"Code":"404","Message":"NotFound","Description":"No record has this ID."}]'
`, b.groupID(), name, b.domain(), stem, b.domain(), b.domain())
}

func apiJSONFile(b *builder) {
	b.name = fmt.Sprintf("search-%06d.json", b.i)
	name, stem := b.api("Search", 0)
	b.w(`{
  "Action": "CreateApi",
  "GroupId": "%s",
  "ApiName": "%s",
  "Description": "Full-text search over %s records with category and price filters.",
  "Visibility": "PUBLIC",
  "AuthType": "APP",
  "AllowSignatureMethod": "HmacSHA256",
  "AppCodeAuthType": "HEADER_QUERY",
  "RequestConfig": {
    "RequestProtocol": "HTTPS",
    "RequestHttpMethod": "POST",
    "RequestPath": "%s/search",
    "RequestMode": "MAPPING",
    "BodyFormat": "FORM"
  },
  "ServiceConfig": {
    "ServiceProtocol": "HTTP",
    "ServiceAddress": "http://search.internal:9200",
    "ServiceHttpMethod": "POST",
    "ServicePath": "/%s/_search",
    "ServiceTimeout": 8000,
    "ContentTypeCatagory": "DEFAULT",
    "ContentTypeValue": "application/x-www-form-urlencoded; charset=UTF-8"
  },
  "RequestParameters": [
    {"ApiParameterName": "q", "Location": "BODY", "ParameterType": "String", "Required": "REQUIRED", "MinLength": 1, "MaxLength": 100},
    {"ApiParameterName": "category", "Location": "BODY", "ParameterType": "String", "Required": "OPTIONAL"},
    {"ApiParameterName": "maxPrice", "Location": "BODY", "ParameterType": "Double", "Required": "OPTIONAL", "MinValue": 0}
  ],
  "ServiceParameters": [
    {"ServiceParameterName": "q", "Location": "BODY", "ParameterType": "STRING", "ParameterCatalog": "REQUEST"},
    {"ServiceParameterName": "category", "Location": "BODY", "ParameterType": "STRING", "ParameterCatalog": "REQUEST"},
    {"ServiceParameterName": "max_price", "Location": "BODY", "ParameterType": "DOUBLE", "ParameterCatalog": "REQUEST"}
  ],
  "ServiceParametersMap": [
    {"ServiceParameterName": "q", "RequestParameterName": "q"},
    {"ServiceParameterName": "category", "RequestParameterName": "category"},
    {"ServiceParameterName": "max_price", "RequestParameterName": "maxPrice"}
  ],
  "ResultType": "JSON",
  "ResultSample": "{\"total\":2,\"items\":[{\"id\":\"id-1\"},{\"id\":\"id-2\"}]}",
  "Tag": [{"Key": "team", "Value": "%s"}, {"Key": "env", "Value": "prod"}]
}
`, b.groupID(), name, b.domain(), stem, b.domain(), b.domain())
}

func apiJSONArrayFile(b *builder) {
	b.name = fmt.Sprintf("list-%06d.json", b.i)
	b.w("[\n")
	for d := 0; d < 2; d++ {
		name, stem := b.api("List", d)
		if d > 0 {
			b.w(",\n")
		}
		b.w(`  {
    "Action": "CreateApi",
    "GroupId": "%s",
    "ApiName": "%s",
    "Description": "Lists %s records of one category, newest first.",
    "Visibility": "PUBLIC",
    "AuthType": "APP",
    "AllowSignatureMethod": "HmacSHA256",
    "RequestConfig": "{\"RequestProtocol\":\"HTTP,HTTPS\",\"RequestHttpMethod\":\"GET\",\"RequestPath\":\"%s\",\"RequestMode\":\"MAPPING\"}",
    "ServiceConfig": "{\"ServiceProtocol\":\"HTTP\",\"ServiceAddress\":\"http://%s.internal:8080\",\"ServiceHttpMethod\":\"GET\",\"ServicePath\":\"/v2/%s\",\"ServiceTimeout\":\"3000\"}",
    "RequestParameters": "[{\"ApiParameterName\":\"category\",\"Location\":\"Query\",\"ParameterType\":\"String\",\"Required\":\"REQUIRED\",\"DemoValue\":\"shoes\"},{\"ApiParameterName\":\"lang\",\"Location\":\"Head\",\"ParameterType\":\"String\",\"Required\":\"OPTIONAL\",\"DefaultValue\":\"zh-CN\"}]",
    "ServiceParameters": "[{\"ServiceParameterName\":\"category\",\"Location\":\"Query\",\"Type\":\"String\",\"ParameterCatalog\":\"REQUEST\"},{\"ServiceParameterName\":\"Accept-Language\",\"Location\":\"Head\",\"Type\":\"String\",\"ParameterCatalog\":\"REQUEST\"}]",
    "ServiceParametersMap": "[{\"ServiceParameterName\":\"category\",\"RequestParameterName\":\"category\"},{\"ServiceParameterName\":\"Accept-Language\",\"RequestParameterName\":\"lang\"}]",
    "ResultType": "JSON",
    "WebSocketApiType": "COMMON"
  }`, b.groupID(), name, b.domain(), stem, b.domain(), b.domain())
	}
	b.w("\n]\n")
}

func apiFunctionComputeYAML(b *builder) {
	b.name = fmt.Sprintf("create-%06d.yaml", b.i)
	name, stem := b.api("Create", 0)
	b.header("Create API on Function Compute 3.0 (HTTP trigger)")
	b.w(`Action: CreateApi
GroupId: %s
ApiName: %s
Description: Creates a %s record. The JSON body is passed to the function unchanged.
Visibility: PRIVATE
AuthType: APP
AllowSignatureMethod: HmacSHA256
ForceNonceCheck: true
RequestConfig:
  RequestProtocol: HTTPS
  RequestHttpMethod: POST
  RequestPath: %s
  RequestMode: MAPPING
  BodyFormat: STREAM
  PostBodyDescription: 'Record as JSON: {"items":[{"sku":"SKU-10023","quantity":2}],"addressId":"addr-77"}'
ServiceConfig:
  ServiceProtocol: FunctionCompute
  ServiceTimeout: 10000
  ContentTypeCatagory: CLIENT
  FunctionComputeConfig:
    FcVersion: "3.0"
    FcRegionId: cn-hangzhou
    FunctionName: %s-create-%06d
    FcType: HttpTrigger
    FcBaseUrl: https://%s-create-xkfqzpwbae.cn-hangzhou.fcapp.run
    Qualifier: LATEST
    Path: /%s
    Method: POST
    OnlyBusinessPath: true
    RoleArn: acs:ram::1274651984427511:role/aliyunapigatewayaccessingfcrole
RequestParameters:
  - ApiParameterName: X-Request-Id
    Location: HEAD
    ParameterType: String
    Required: OPTIONAL
    Description: Client-generated ID, echoed in logs.
ServiceParameters:
  - ServiceParameterName: X-Request-Id
    Location: HEAD
    Type: String
    ParameterCatalog: REQUEST
ServiceParametersMap:
  - ServiceParameterName: X-Request-Id
    RequestParameterName: X-Request-Id
ResultType: JSON
ResultSample: '{"id":"o-5f1d2c","status":"PENDING"}'
ErrorCodeSamples:
  - Code: "409"
    Message: Conflict
    Description: A record with this key already exists.
  - Code: "422"
    Message: InvalidBody
    Description: The body is not a valid record.
Tag:
  - Key: team
    Value: %s
`, b.groupID(), name, b.domain(), stem, b.domain(), b.i, b.domain(), b.domain(), b.domain())
}

func apiMultiDocYAML(b *builder) {
	b.name = fmt.Sprintf("lifecycle-%06d.yaml", b.i)
	b.header("Lifecycle APIs, one document per API")
	for d, verb := range []string{"Cancel", "Archive", "Restore"} {
		name, stem := b.api(verb, d)
		if d > 0 {
			b.w("---\n")
		}
		b.w(`Action: CreateApi
GroupId: %s
ApiName: %s
Description: %ss one %s record that is not final yet.
Visibility: PRIVATE
AuthType: APP
RequestConfig:
  RequestProtocol: HTTPS
  RequestHttpMethod: POST
  RequestPath: %s/[itemId]
  RequestMode: MAPPING
  BodyFormat: FORM
ServiceConfig:
  ServiceProtocol: HTTP
  ServiceAddress: http://%s.internal:8080
  ServiceHttpMethod: POST
  ServicePath: /api/%s/[itemId]/%s
  ServiceTimeout: 5000
RequestParameters:
  - ApiParameterName: itemId
    Location: PATH
    ParameterType: String
    Required: REQUIRED
ServiceParameters:
  - ServiceParameterName: itemId
    Location: PATH
    Type: String
    ParameterCatalog: REQUEST
ServiceParametersMap:
  - ServiceParameterName: itemId
    RequestParameterName: itemId
ResultType: JSON
`, b.groupID(), name, verb, b.domain(), stem, b.domain(), b.domain(), strings.ToLower(verb))
	}
}

func apiOSSYAML(b *builder) {
	b.name = fmt.Sprintf("download-%06d.yaml", b.i)
	name, stem := b.api("Download", 0)
	b.header("Template files are served straight from OSS")
	b.w(`Action: CreateApi
GroupId: %s
ApiName: %s
Description: Downloads the current blank %s template (PDF) from the documents bucket.
Visibility: PRIVATE
AuthType: APP
AllowSignatureMethod: HmacSHA256
RequestConfig:
  RequestProtocol: HTTPS
  RequestHttpMethod: GET
  RequestPath: %s/template
  RequestMode: MAPPING
ServiceConfig:
  ServiceProtocol: OSS
  ServiceTimeout: 10000
  OssConfig:
    OssRegionId: cn-hangzhou
    BucketName: acme-%s-documents
    Key: templates/%s-v%d.pdf
    Action: GetObject
ResultType: BINARY
ResultSample: '(binary PDF, about 40 KB)'
ErrorCodeSamples:
  - Code: "404"
    Message: NoSuchKey
    Description: The template has not been uploaded yet.
  - Code: "403"
    Message: AccessDenied
    Description: The gateway role may not read the bucket.
Tag:
  - Key: team
    Value: %s
  - Key: storage
    Value: oss
  - Key: cost-center
    Value: cc-%04d
`, b.groupID(), name, b.domain(), stem, b.domain(), b.domain(), b.i, b.domain(), b.group())
}

func apiEventBridgeYAML(b *builder) {
	b.name = fmt.Sprintf("webhook-%06d.yaml", b.i)
	name, stem := b.api("Receive", 0)
	b.header("Provider callbacks are published to EventBridge as they arrive")
	b.w(`Action: CreateApi
GroupId: %s
ApiName: %s
Description: Webhook for %s status callbacks; the body is forwarded to EventBridge unchanged.
Visibility: PRIVATE
AuthType: ANONYMOUS
WebSocketApiType: COMMON
RequestConfig:
  RequestProtocol: HTTPS
  RequestHttpMethod: POST
  RequestPath: %s/events
  RequestMode: PASSTHROUGH
ServiceConfig:
  ServiceProtocol: EventBridge
  ServiceTimeout: 3000
  EventBridgeConfig:
    EventBridgeRegionId: cn-hangzhou
    EventBus: %s
    EventSource: %s-webhook-%06d
    RoleArn: acs:ram::1274651984427511:role/aliyunapigatewayaccessingeventbridgerole
ResultType: JSON
ResultSample: '{"accepted":true}'
FailResultSample: '{"accepted":false,"reason":"signature mismatch"}'
ErrorCodeSamples:
  - Code: "401"
    Message: BadSignature
    Description: The callback signature does not match the shared secret.
  - Code: "429"
    Message: Throttled
    Description: The provider sends more than 500 callbacks per second.
  - Code: "503"
    Message: BusUnavailable
    Description: EventBridge did not accept the event; the provider retries.
Tag:
  - Key: team
    Value: %s
  - Key: exposure
    Value: partner
`, b.groupID(), name, b.domain(), stem, b.domain(), b.domain(), b.i, b.domain())
}

func apiMockYAML(b *builder) {
	b.name = fmt.Sprintf("health-%06d.yaml", b.i)
	name, stem := b.api("Health", 0)
	b.header("Liveness endpoint answered by the gateway itself (mock)")
	b.w(`Action: CreateApi
GroupId: %s
ApiName: %s
Description: Always answers 200 with {"status":"UP"} so that the uptime monitor sees the gateway.
Visibility: PRIVATE
AuthType: ANONYMOUS
RequestConfig:
  RequestProtocol: HTTP,HTTPS
  RequestHttpMethod: GET
  RequestPath: %s/health
  RequestMode: MAPPING
ServiceConfig:
  ServiceProtocol: HTTP
  ServiceTimeout: 1000
  Mock: TRUE
  MockResult: '{"status":"UP"}'
  MockStatusCode: 200
  MockHeaders:
    - HeaderName: Content-Type
      HeaderValue: application/json
    - HeaderName: Cache-Control
      HeaderValue: no-store
    - HeaderName: X-Served-By
      HeaderValue: api-gateway-mock
ResultType: JSON
ResultSample: '{"status":"UP"}'
ErrorCodeSamples:
  - Code: "503"
    Message: Down
    Description: Never returned by the mock; documented for the monitor's dashboard.
Tag:
  - Key: team
    Value: platform
  - Key: monitor
    Value: uptime-%s
`, b.groupID(), name, stem, b.domain())
}

func apiVPCYAML(b *builder) {
	b.name = fmt.Sprintf("patch-%06d.yaml", b.i)
	name, stem := b.api("Patch", 0)
	b.header("Backend behind an internal SLB, reached through a VPC access authorization")
	b.w(`Action: CreateApi
GroupId: %s
ApiName: %s
Description: Changes the status of one %s record.
Visibility: PRIVATE
AuthType: APP
AllowSignatureMethod: HmacSHA256
DisableInternet: true
RequestConfig:
  RequestProtocol: HTTPS
  RequestHttpMethod: PATCH
  RequestPath: %s/[itemId]/status
  RequestMode: MAPPING
  BodyFormat: FORM
ServiceConfig:
  ServiceProtocol: HTTP
  ServiceHttpMethod: PATCH
  ServicePath: /internal/%s/[itemId]/status
  ServiceTimeout: 5000
  ServiceVpcEnable: "TRUE"
  VpcConfig:
    Name: %s-slb-%04d
    VpcId: vpc-bp1h5tv0mzf3bnv3fqqzx
    InstanceId: lb-bp1s0vzbi5bxlx5pw3an8
    Port: 8080
RequestParameters:
  - ApiParameterName: itemId
    Location: PATH
    ParameterType: String
    Required: REQUIRED
  - ApiParameterName: status
    Location: BODY
    ParameterType: String
    Required: REQUIRED
    EnumValue: ACTIVE,SUSPENDED,CLOSED
ServiceParameters:
  - ServiceParameterName: itemId
    Location: PATH
    Type: String
    ParameterCatalog: REQUEST
  - ServiceParameterName: status
    Location: BODY
    Type: String
    ParameterCatalog: REQUEST
ServiceParametersMap:
  - ServiceParameterName: itemId
    RequestParameterName: itemId
  - ServiceParameterName: status
    RequestParameterName: status
ResultType: JSON
ResultSample: '{"id":"id-20240101-0001","status":"SUSPENDED"}'
`, b.groupID(), name, b.domain(), stem, b.domain(), b.domain(), b.group())
}

func apiBlockScalarsYAML(b *builder) {
	b.name = fmt.Sprintf("detail-%06d.yaml", b.i)
	name, stem := b.api("Detail", 0)
	b.header("JSON-string parameters written as literal and folded blocks")
	b.w(`Action: CreateApi
GroupId: %s
ApiName: %s
Description: Returns one %s record with its items and history.
Visibility: PRIVATE
AuthType: APP
AllowSignatureMethod: HmacSHA256
RequestConfig: >
  {"RequestProtocol": "HTTPS", "RequestHttpMethod": "GET",
   "RequestPath": "%s/[itemId]/detail", "RequestMode": "MAPPING"}
ServiceConfig:
  ServiceProtocol: HTTP
  ServiceAddress: http://%s.internal:8080
  ServiceHttpMethod: GET
  ServicePath: /api/%s/[itemId]
  ServiceTimeout: 5000
RequestParameters: |
  [
    {
      "ApiParameterName": "itemId",
      "Location": "PATH",
      "ParameterType": "String",
      "Required": "REQUIRED",
      "RegularExpression": "^id-[0-9a-f]{6,}$",
      "Description": "Record ID as returned by the create call."
    },
    {
      "ApiParameterName": "withItems",
      "Location": "QUERY",
      "ParameterType": "Boolean",
      "Required": "OPTIONAL",
      "DefaultValue": "true"
    }
  ]
ServiceParameters: |
  [
    {"ServiceParameterName": "itemId", "Location": "PATH", "Type": "String", "ParameterCatalog": "REQUEST"},
    {"ServiceParameterName": "expand_items", "Location": "QUERY", "Type": "Boolean", "ParameterCatalog": "REQUEST"}
  ]
ServiceParametersMap: |
  [
    {"ServiceParameterName": "itemId", "RequestParameterName": "itemId"},
    {"ServiceParameterName": "expand_items", "RequestParameterName": "withItems"}
  ]
ResultType: JSON
`, b.groupID(), name, b.domain(), stem, b.domain(), b.domain())
}

func apiOpenIDYAML(b *builder) {
	b.name = fmt.Sprintf("openid-%06d.yaml", b.i)
	b.header("OpenID Connect pair: one API issues ID tokens, the other accepts them")
	name, stem := b.api("IssueToken", 0)
	b.w(`Action: CreateApi
GroupId: %s
ApiName: %s
Description: Exchanges credentials for an ID token (OpenID Connect authorization API).
Visibility: PRIVATE
AuthType: APPOPENID
OpenIdConnectConfig:
  OpenIdApiType: IDTOKEN
  PublicKeyId: "88483727556929326703309904351185815489"
  PublicKey: '{"kty":"RSA","e":"AQAB","use":"sig","kid":"88483727556929326703309904351185815489","alg":"RS256","n":"llf6R5yBDLGVLXLK_e3Q8sCsNeR8oBP1dX8zXqQmLFh5gLQ4Fh3bR7p1"}'
RequestConfig:
  RequestProtocol: HTTPS
  RequestHttpMethod: POST
  RequestPath: %s/token
  RequestMode: MAPPING
  BodyFormat: FORM
ServiceConfig:
  ServiceProtocol: HTTP
  ServiceAddress: http://auth.internal:8080
  ServiceHttpMethod: POST
  ServicePath: /v1/token
  ServiceTimeout: 3000
  ContentTypeCatagory: CLIENT
RequestParameters:
  - ApiParameterName: username
    Location: BODY
    ParameterType: String
    Required: REQUIRED
  - ApiParameterName: password
    Location: BODY
    ParameterType: String
    Required: REQUIRED
    DocShow: PRIVATE
ServiceParameters:
  - ServiceParameterName: username
    Location: BODY
    Type: String
    ParameterCatalog: REQUEST
  - ServiceParameterName: password
    Location: BODY
    Type: String
    ParameterCatalog: REQUEST
ServiceParametersMap:
  - ServiceParameterName: username
    RequestParameterName: username
  - ServiceParameterName: password
    RequestParameterName: password
ResultType: JSON
`, b.groupID(), name, stem)
	name, stem = b.api("GetMine", 1)
	b.w(`---
Action: CreateApi
GroupId: %s
ApiName: %s
Description: Returns the record of the caller identified by the ID token.
Visibility: PRIVATE
AuthType: APPOPENID
OpenIdConnectConfig:
  OpenIdApiType: BUSINESS
  IdTokenParamName: token
RequestConfig:
  RequestProtocol: HTTPS
  RequestHttpMethod: GET
  RequestPath: %s/me
  RequestMode: MAPPING
ServiceConfig:
  ServiceProtocol: HTTP
  ServiceAddress: http://%s.internal:8080
  ServiceHttpMethod: GET
  ServicePath: /v1/%s/me
  ServiceTimeout: 3000
RequestParameters:
  - ApiParameterName: token
    Location: HEAD
    ParameterType: String
    Required: REQUIRED
ServiceParameters:
  - ServiceParameterName: X-Id-Token
    Location: HEAD
    Type: String
    ParameterCatalog: REQUEST
ServiceParametersMap:
  - ServiceParameterName: X-Id-Token
    RequestParameterName: token
ResultType: JSON
`, b.groupID(), name, stem, b.domain(), b.domain())
}

func apiLowerCamelYAML(b *builder) {
	b.name = fmt.Sprintf("stock-%06d.yaml", b.i)
	name, stem := b.api("Stock", 0)
	b.header("Exported from Terraform: lowerCamelCase keys inside the JSON structures, no Action")
	b.w(`GroupId: %s
ApiName: %s
Description: Stock level of one SKU, per warehouse.
Visibility: PRIVATE
AuthType: APP
AllowSignatureMethod: HmacSHA256
WebSocketApiType: COMMON
RequestConfig:
  requestProtocol: HTTP
  requestHttpMethod: GET
  requestPath: %s/[sku]
  requestMode: MAPPING
ServiceConfig:
  serviceProtocol: HTTP
  serviceAddress: http://%s.internal:8080
  serviceHttpMethod: GET
  servicePath: /stock/[sku]
  serviceTimeout: 10000
  contentTypeCatagory: CLIENT
RequestParameters:
  - apiParameterName: sku
    location: Path
    parameterType: String
    required: REQUIRED
  - apiParameterName: warehouse
    location: Query
    parameterType: String
    required: OPTIONAL
  - apiParameterName: CaClientIp
    location: Head
    parameterType: String
    required: REQUIRED
ServiceParameters:
  - serviceParameterName: sku
    location: Path
    parameterType: STRING
    parameterCatalog: REQUEST
  - serviceParameterName: warehouse
    location: Query
    parameterType: STRING
    parameterCatalog: REQUEST
  - serviceParameterName: X-Client-Ip
    location: Head
    parameterType: STRING
    parameterCatalog: SYSTEM
ServiceParametersMap:
  - serviceParameterName: sku
    requestParameterName: sku
  - serviceParameterName: warehouse
    requestParameterName: warehouse
  - serviceParameterName: X-Client-Ip
    requestParameterName: CaClientIp
SystemParameters:
  - parameterName: CaClientIp
    serviceParameterName: X-Client-Ip
    location: Head
    description: IP address of the caller.
ResultType: JSON
ResultSample: '{"sku":"SKU-10023","warehouses":[{"id":"hz-01","available":42}]}'
`, b.groupID(), name, stem, b.domain())
}

// sourceTypes are the CreateService source types, each with the settings
// it needs.
var sourceTypes = []string{"K8S", "MSE_NACOS", "VIP", "DNS", "FC3", "SAE_K8S_SERVICE", "AI", "AGENT"}

// serviceItem writes one serviceConfigs item (YAML, indented for a list).
func (b *builder) serviceItem(st string, name string) {
	switch st {
	case "K8S":
		b.w("  - name: %s\n    namespace: default\n", name)
	case "MSE_NACOS":
		b.w("  - name: %s\n    namespace: prod\n    groupName: DEFAULT_GROUP\n    sourceId: mse-cn-7mz2p8q0x01\n", name)
	case "VIP":
		b.w("  - name: %s\n    addresses:\n      - 10.20.%d.11:8080\n      - 10.20.%d.12:8080\n", name, b.i%250, b.i%250)
	case "DNS":
		b.w("  - name: %s\n    addresses:\n      - %s.partner.example.com:443\n    dnsServers:\n      - 100.100.2.136:53\n      - 100.100.2.138:53\n", name, name)
	case "FC3":
		b.w("  - name: %s\n    qualifier: LATEST\n", name)
	case "SAE_K8S_SERVICE":
		b.w("  - name: %s\n", name)
	case "AI":
		b.w(`  - name: %s
    aiServiceConfig:
      provider: qwen
      address: https://dashscope.aliyuncs.com/compatible-mode/v1
      apiKeys:
        - ${DASHSCOPE_API_KEY}
      protocols:
        - OpenAI/v1
      defaultModelName: qwen-max
      enableHealthCheck: true
`, name)
	case "AGENT":
		b.w(`  - name: %s
    agentServiceConfig:
      provider: dify
      address: https://api.dify.ai/v1
      protocols:
        - Dify
      difyConfig:
        botType: chatbot
        apiKey: ${DIFY_KB_APP_KEY}
`, name)
	}
}

func (b *builder) service(st string, d int, withAction bool) {
	if withAction {
		b.w("Action: CreateService\n")
	}
	b.w("gatewayId: %s\nsourceType: %s\nresourceGroupId: rg-acfmzdyxyrvhzsy\nclientToken: bench-%06d-%d\nserviceConfigs:\n", b.gatewayID(), st, b.i, d)
	for k := 0; k < 3; k++ {
		b.serviceItem(st, fmt.Sprintf("%s-svc-%06d-%d-%d", b.domain(), b.i, d, k))
	}
}

func serviceYAML(b *builder) {
	st := sourceTypes[(b.i/numKinds)%len(sourceTypes)]
	b.name = fmt.Sprintf("service-%06d.yaml", b.i)
	b.header("Services of the " + st + " source registered on the group's gateway")
	b.w("# Each service is one serviceConfigs item; the deploy job creates them in one call.\n")
	b.service(st, 0, true)
	b.w("# Second call for the canary services, same source.\n---\n")
	b.service(st, 1, b.i%2 == 0)
	b.w("---\n")
	b.service(sourceTypes[(b.i/numKinds+1)%len(sourceTypes)], 2, true)
}

func serviceMultiDocYAML(b *builder) {
	b.name = fmt.Sprintf("services-%06d.yml", b.i)
	b.header("All source types of one gateway, one document each")
	for d := 0; d < 4; d++ {
		if d > 0 {
			b.w("---\n")
		}
		b.service(sourceTypes[(b.i+d*2)%len(sourceTypes)], d, true)
	}
}

func serviceJSON(b *builder) {
	b.name = fmt.Sprintf("service-%06d.json", b.i)
	st := []string{"DNS", "VIP", "K8S", "MSE_NACOS"}[(b.i/numKinds)%4]
	b.w("{\n  \"Action\": \"CreateService\",\n  \"gatewayId\": %q,\n  \"sourceType\": %q,\n  \"resourceGroupId\": \"rg-acfmzdyxyrvhzsy\",\n  \"clientToken\": \"bench-%06d-json\",\n  \"serviceConfigs\": [\n", b.gatewayID(), st, b.i)
	for k := 0; k < 6; k++ {
		if k > 0 {
			b.w(",\n")
		}
		name := fmt.Sprintf("%s-partner-%06d-%d", b.domain(), b.i, k)
		switch st {
		case "DNS":
			b.w("    {\n      \"name\": %q,\n      \"addresses\": [\"%s.partnerpay.example.com:443\"],\n      \"dnsServers\": [\"100.100.2.136:53\", \"100.100.2.138:53\"]\n    }", name, name)
		case "VIP":
			b.w("    {\n      \"name\": %q,\n      \"addresses\": [\"10.30.%d.%d:8080\", \"10.30.%d.%d:8080\"]\n    }", name, b.i%250, k+1, b.i%250, k+101)
		case "K8S":
			b.w("    {\n      \"name\": %q,\n      \"namespace\": \"payments\"\n    }", name)
		default:
			b.w("    {\n      \"name\": %q,\n      \"namespace\": \"prod\",\n      \"groupName\": \"PAYMENT_GROUP\",\n      \"sourceId\": \"mse-cn-7mz2p8q0x01\"\n    }", name)
		}
	}
	b.w("\n  ]\n}\n")
}

// Documents returns one YAML file of n documents (APIs and services in
// turn, each unique), for measuring that time grows linearly with the
// documents in one file.
func Documents(n int) []byte {
	b := &builder{}
	b.w("# %d definitions in one file (apigwlint benchmark data).\n", n)
	for d := 0; d < n; d++ {
		b.i = d
		b.w("---\n")
		if d%2 == 0 {
			b.service(sourceTypes[(d/2)%len(sourceTypes)], 0, true)
			continue
		}
		name, stem := b.api("Get", 0)
		b.w(`Action: CreateApi
GroupId: %s
ApiName: %s
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: %s, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: "http://%s.internal:8080", ServiceHttpMethod: GET, ServicePath: /api/%s, ServiceTimeout: 3000}
ResultType: JSON
`, b.groupID(), name, stem, b.domain(), b.domain())
	}
	return []byte(b.sb.String())
}
