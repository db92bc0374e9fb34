package rules

import (
	"strings"

	"github.com/apigwlint/apigwlint/internal/source"
)

// A read-only view of the parts of a CreateApi definition that several
// rules compare: the parameter lists and the backend type. Entries whose
// name is missing (a schema error) are left out.

// Parameter locations, as the gateway spells them.
var locations = []string{"BODY", "HEAD", "QUERY", "PATH"}

// Parameter catalogs of a backend parameter.
var catalogs = []string{"REQUEST", "CONSTANT", "SYSTEM"}

// param is one entry of RequestParameters, ServiceParameters,
// SystemParameters or ConstantParameters.
type param struct {
	Item     *source.Node // the whole entry
	Name     string       // ApiParameterName / ServiceParameterName
	NameNode *source.Node
	Location string // BODY, HEAD, QUERY or PATH; "" when absent or unknown
	LocNode  *source.Node
	Catalog  string // ServiceParameters only: REQUEST, CONSTANT, SYSTEM or ""
	// System is the ParameterName of a SystemParameters entry.
	System string
}

func paramsOf(list *source.Node, nameKey string) []param {
	var out []param
	for _, it := range items(list) {
		nameNode := it.Get(nameKey)
		name := strings.TrimSpace(nameNode.Scalar())
		if name == "" {
			continue
		}
		out = append(out, param{
			Item: it, Name: name, NameNode: nameNode,
			Location: enumOf(it.Get("Location"), locations...), LocNode: it.Get("Location"),
			Catalog: enumOf(it.Get("ParameterCatalog"), catalogs...),
			System:  strings.TrimSpace(it.Str("ParameterName")),
		})
	}
	return out
}

func requestParams(root *source.Node) []param {
	return paramsOf(root.Get("RequestParameters"), "ApiParameterName")
}

func serviceParams(root *source.Node) []param {
	return paramsOf(root.Get("ServiceParameters"), "ServiceParameterName")
}

func systemParams(root *source.Node) []param {
	return paramsOf(root.Get("SystemParameters"), "ServiceParameterName")
}

func constantParams(root *source.Node) []param {
	return paramsOf(root.Get("ConstantParameters"), "ServiceParameterName")
}

// mapEntry is one ServiceParametersMap entry; either name may be "".
type mapEntry struct {
	Item                     *source.Node
	Service, Request         string
	ServiceNode, RequestNode *source.Node
}

func paramMap(root *source.Node) []mapEntry {
	var out []mapEntry
	for _, it := range items(root.Get("ServiceParametersMap")) {
		if it.Kind != source.Object {
			continue
		}
		s, r := it.Get("ServiceParameterName"), it.Get("RequestParameterName")
		out = append(out, mapEntry{Item: it,
			Service: strings.TrimSpace(s.Scalar()), Request: strings.TrimSpace(r.Scalar()),
			ServiceNode: s, RequestNode: r})
	}
	return out
}

// sameName compares parameter names. Header names are case-insensitive in
// HTTP; every other location compares exactly.
func sameName(a, b param) bool {
	if a.Location == "HEAD" && b.Location == "HEAD" {
		return strings.EqualFold(a.Name, b.Name)
	}
	return a.Name == b.Name
}

// Backend kinds, from ServiceConfig.ServiceProtocol.
const (
	backendHTTP        = "HTTP" // HTTP or HTTPS
	backendFC          = "FunctionCompute"
	backendOSS         = "OSS"
	backendEventBridge = "EventBridge"
	backendMixed       = "UN_SPECIFIED"
)

// backendKind returns the backend kind of a ServiceConfig, or "" when the
// protocol is absent or unknown.
func backendKind(sc *source.Node) string {
	switch enumOf(sc.Get("ServiceProtocol"), "HTTP", "HTTPS", backendFC, backendOSS, backendEventBridge, backendMixed) {
	case "HTTP", "HTTPS":
		return backendHTTP
	case backendFC:
		return backendFC
	case backendOSS:
		return backendOSS
	case backendEventBridge:
		return backendEventBridge
	case backendMixed:
		return backendMixed
	}
	return ""
}

// isTrueFlag reads the string flags of ServiceConfig ("TRUE"/"FALSE", and
// a YAML boolean written by hand).
func isTrueFlag(n *source.Node) bool { return n.IsTrue() }

// httpMethods is every method the schema accepts (HEADER is the vendor's
// misspelling of HEAD, see http-method-header).
var httpMethods = []string{"GET", "POST", "DELETE", "PUT", "HEAD", "TRACE", "PATCH", "CONNECT", "OPTIONS", "ANY", "HEADER"}

// requestMethod returns the API's method in upper case, or "".
func requestMethod(root *source.Node) string {
	return enumOf(root.Get("RequestConfig").Get("RequestHttpMethod"), httpMethods...)
}

// backendPath returns the node of the path the gateway calls the backend
// with: FunctionComputeConfig.Path for Function Compute, ServicePath for
// HTTP (and unknown or mixed) backends, nothing for OSS and EventBridge.
// Nil when that path is absent, empty (Terraform and Serverless Devs send
// "" for an unset path) or not a string.
func backendPath(root *source.Node) *source.Node {
	n := backendPathNode(root)
	if n == nil || n.Kind != source.String || !present(n) || unknown(n) {
		return nil
	}
	return n
}

// backendPathUnknown reports whether the backend path is given but not
// known statically (a template parameter without default, a Terraform
// reference): nothing can be concluded about what it holds.
func backendPathUnknown(root *source.Node) bool {
	if unknown(root.Get("ServiceConfig").Get("ServiceProtocol")) {
		return true // which path applies is not known either
	}
	n := backendPathNode(root)
	return n != nil && unknown(n)
}

func backendPathNode(root *source.Node) *source.Node {
	sc := root.Get("ServiceConfig")
	if unknown(sc.Get("ServiceProtocol")) {
		return nil
	}
	switch backendKind(sc) {
	case backendFC:
		return sc.Get("FunctionComputeConfig").Get("Path")
	case backendOSS, backendEventBridge:
		return nil
	}
	return sc.Get("ServicePath")
}

// unreadable reports whether a parameter list is present but could not be
// read as a list: a JSON string that did not parse (embedded-json), a
// value of the wrong type (schema), or a list whose entries, or whose
// entries' names, locations or catalogs, are not known statically (a
// template's parameter, a Terraform dynamic block or variable). A rule
// that would conclude "not in the list" from it says nothing instead.
func unreadable(root *source.Node, keys ...string) bool {
	for _, k := range keys {
		n := root.Get(k)
		if present(n) && (n.Kind != source.Array || unknown(n)) {
			return true
		}
		for _, it := range items(n) {
			if unknown(it) {
				return true
			}
			for _, f := range it.Fields {
				if unknown(f.Value) && identifying[f.Key] {
					return true
				}
			}
		}
	}
	return false
}

// identifying are the keys of a parameter or map entry that the rules
// match entries by.
var identifying = map[string]bool{
	"ApiParameterName": true, "ServiceParameterName": true, "RequestParameterName": true,
	"Location": true, "ParameterCatalog": true, "ParameterName": true,
}

// fed reports whether a backend parameter receives a value: a map entry
// names it, or a SystemParameters or ConstantParameters entry does. When
// one of those lists cannot be read, it may: fed says yes.
func fed(root *source.Node, name string) bool {
	if unreadable(root, "ServiceParametersMap", "SystemParameters", "ConstantParameters") {
		return true
	}
	for _, m := range paramMap(root) {
		if m.Service == name {
			return true
		}
	}
	for _, p := range systemParams(root) {
		if p.Name == name {
			return true
		}
	}
	for _, p := range constantParams(root) {
		if p.Name == name {
			return true
		}
	}
	return false
}
