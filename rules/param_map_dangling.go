package rules

import (
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/schema"
)

// ParamMapDangling: ServiceParametersMap entries that lead nowhere, and
// REQUEST backend parameters that no entry feeds.
//
// RequestParameterName must be the ApiParameterName of a request parameter
// (the DescribeApi field docs, docs/sources.md#parameter-map); Terraform, the
// vendor example and Serverless Devs also represent system and constant
// parameters as request parameters of the same name, and ROS
// describes the name as a request, system or constant parameter, so a
// SystemParameters name or a ConstantParameters entry is accepted too.
// ServiceParameterName must name a ServiceParameters entry, and every
// REQUEST backend parameter needs an entry (producers build the three
// lists in lockstep).
var ParamMapDangling = &Rule{
	ID: "param-map-dangling", Severity: diag.Error, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "a `ServiceParametersMap` entry names a request or service parameter that does not exist, or a REQUEST service parameter has no map entry",
		Why: "`ServiceParametersMap` is how a value travels from the client to the backend: each entry joins a `ServiceParameters` entry to the " +
			"`RequestParameters` entry (or system or constant parameter) that supplies it. An entry naming a parameter that does not exist joins " +
			"nothing, and a REQUEST backend parameter without an entry never receives a value. Usually one side has a typo.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListUsers
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: pageSize, Location: QUERY, ParameterType: Int, Required: OPTIONAL}
ServiceParameters:
  - {ServiceParameterName: size, Location: QUERY, Type: Number, ParameterCatalog: REQUEST}
ServiceParametersMap:
  - {ServiceParameterName: size, RequestParameterName: page_size}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListUsers
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: pageSize, Location: QUERY, ParameterType: Int, Required: OPTIONAL}
ServiceParameters:
  - {ServiceParameterName: size, Location: QUERY, Type: Number, ParameterCatalog: REQUEST}
ServiceParametersMap:
  - {ServiceParameterName: size, RequestParameterName: pageSize}
`,
	},
	Check: func(c *Context) {
		reqs := requestParams(c.Root)
		svcs := serviceParams(c.Root)
		syss := systemParams(c.Root)
		consts := constantParams(c.Root)
		var reqNames, svcNames []string
		for _, p := range reqs {
			reqNames = append(reqNames, p.Name)
		}
		for _, p := range svcs {
			svcNames = append(svcNames, p.Name)
		}
		hasReq := func(name string) bool {
			for _, p := range reqs {
				if p.Name == name {
					return true
				}
			}
			for _, p := range syss {
				if strings.EqualFold(p.System, name) {
					return true
				}
			}
			for _, p := range consts {
				if p.Name == name {
					return true
				}
			}
			return false
		}
		svcByName := func(name string) *param {
			for i := range svcs {
				if svcs[i].Name == name {
					return &svcs[i]
				}
			}
			return nil
		}
		checkService := !unreadable(c.Root, "ServiceParameters")
		checkRequest := !unreadable(c.Root, "RequestParameters", "SystemParameters", "ConstantParameters")
		for _, m := range paramMap(c.Root) {
			if checkService && m.Service != "" && svcByName(m.Service) == nil {
				msg := "ServiceParametersMap names service parameter %q, which is not in ServiceParameters"
				if s := schema.Suggest(m.Service, svcNames); s != "" {
					c.ReportNode(m.ServiceNode, msg+"; did you mean %q?", m.Service, s)
				} else {
					c.ReportNode(m.ServiceNode, msg+": add it there or correct the name", m.Service)
				}
			}
			if checkRequest && m.Request != "" && !hasReq(m.Request) {
				if sp := svcByName(m.Service); sp != nil && sp.Catalog == "SYSTEM" && isSystemParamName(m.Request) {
					// The request side of a system parameter, written
					// without its RequestParameters twin: accepted (ROS).
					continue
				}
				msg := "ServiceParametersMap names request parameter %q, which is not in RequestParameters"
				if s := schema.Suggest(m.Request, reqNames); s != "" {
					c.ReportNode(m.RequestNode, msg+"; did you mean %q?", m.Request, s)
				} else {
					c.ReportNode(m.RequestNode, msg+": declare it there or correct the name", m.Request)
				}
			}
		}
		// A REQUEST backend parameter that nothing feeds. PATH parameters
		// used in the backend path are reported by
		// service-path-param-unmapped instead.
		usedInPath := map[string]bool{}
		if bp := backendPath(c.Root); bp != nil {
			for _, pp := range pathParams(bp.Scalar()) {
				usedInPath[pp.Name] = true
			}
		}
		for _, p := range svcs {
			if (p.Catalog != "REQUEST" && p.Catalog != "") || fed(c.Root, p.Name) {
				continue
			}
			if p.Location == "PATH" && (usedInPath[p.Name] || backendPathUnknown(c.Root)) {
				continue
			}
			if p.Catalog == "" && p.Item.Get("ParameterCatalog") != nil {
				continue // an unknown catalog: the schema reports it
			}
			d := c.ReportNode(p.NameNode, "service parameter %q has no ServiceParametersMap entry, so it never receives a value: add an entry that maps it to the request parameter supplying the value", p.Name)
			if f := c.Root.Get("ServiceParametersMap"); f != nil {
				c.Related(d, at(f), "ServiceParametersMap")
			}
		}
	},
}

// systemParamNames are the documented system parameters (the longest
// list, from the Chinese page: docs/sources.md#system-parameters).
var systemParamNames = []string{"CaClientIp", "CaDomain", "CaRequestHandleTime", "CaAppId", "CaRequestId", "CaHttpSchema", "CaProxy",
	"CaApiName", "CaClientUa", "CaCloudMarketInstanceId", "CaAppKey", "CaAppExtendInfo", "CaStage", "CaInstanceId", "CaSourceVpcId"}

func isSystemParamName(s string) bool {
	for _, n := range systemParamNames {
		if strings.EqualFold(n, s) {
			return true
		}
	}
	return false
}
