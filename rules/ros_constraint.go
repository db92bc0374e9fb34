package rules

import "github.com/apigwlint/apigwlint/internal/diag"

// RosConstraint: a value that ROS itself refuses in an
// ALIYUN::ApiGateway::Api resource, though the gateway would take it. The
// ROS front-end (internal/frontend/ros) reports it.
var RosConstraint = &Rule{
	ID: "ros-constraint", Severity: diag.Error, Kind: Builtin,
	Doc: Doc{
		Summary: "an ALIYUN::ApiGateway::Api property value that ROS refuses before the gateway sees it (ROS's own allowed values and required keys)",
		Why: "ROS validates resource properties against its own specification before it calls the gateway, and in a few places " +
			"that specification is narrower than the gateway's (docs/sources.md#ros-constraints): a request " +
			"parameter's Required is REQUIRED or OPTION (not OPTIONAL); a backend parameter's ParameterType is STRING, NUMBER " +
			"or BOOLEAN; a system parameter is one of CaClientIp, CaDomain, CaRequestHandleTime, CaAppId, CaRequestId, " +
			"CaHttpSchema, CaProxy; RequestProtocol is HTTP, HTTPS or HTTP,HTTPS; a VpcConfig needs VpcId, InstanceId and Port. " +
			"The stack fails to create with such a value. Values ROS cannot know before deployment (functions, parameters " +
			"without default) are not checked.",
		Bad: `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Group:
    Type: ALIYUN::ApiGateway::Group
    Properties: {GroupName: users}
  GetUser:
    Type: ALIYUN::ApiGateway::Api
    Properties:
      ApiName: GetUser
      GroupId: {Ref: Group}
      Visibility: PRIVATE
      AuthType: ANONYMOUS
      RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
      RequestParameters:
        - {ApiParameterName: fields, Location: QUERY, ParameterType: String, Required: OPTIONAL}
      ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeOut: 3000}
`,
		Good: `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Group:
    Type: ALIYUN::ApiGateway::Group
    Properties: {GroupName: users}
  GetUser:
    Type: ALIYUN::ApiGateway::Api
    Properties:
      ApiName: GetUser
      GroupId: {Ref: Group}
      Visibility: PRIVATE
      AuthType: ANONYMOUS
      RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
      RequestParameters:
        - {ApiParameterName: fields, Location: QUERY, ParameterType: String, Required: OPTION}
      ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeOut: 3000}
`,
	},
}
