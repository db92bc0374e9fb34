package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ROSAPIs is how many ALIYUN::ApiGateway::Api resources a generated ROS
// template holds.
const ROSAPIs = 5

// ROSTemplate returns the relative path and content of ROS template i: a
// group resource and ROSAPIs APIs in it, written as the vendor's examples
// write them (the group by Ref and Fn::GetAtt, names and paths from
// parameters with defaults, Fn::Sub and Fn::Join, Function Compute and
// HTTP backends, lower-camel Function Compute keys). Every template lints
// clean, and no two templates' APIs clash.
func ROSTemplate(i int) (string, []byte) {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("ROSTemplateFormatVersion: '2015-09-01'\n")
	w("Description: Generated template %d, an API group and %d APIs.\n", i, ROSAPIs)
	w("Parameters:\n")
	w("  Prefix:\n    Type: String\n    Default: /svc%06d\n", i)
	w("  Backend:\n    Type: String\n    Default: http://svc%06d.internal:8080\n", i)
	w("  Timeout:\n    Type: Number\n    Default: 3000\n")
	w("  FunctionName:\n    Type: String\n")
	w("Resources:\n")
	w("  Group:\n    Type: ALIYUN::ApiGateway::Group\n    Properties:\n      GroupName: svc%06d\n", i)
	for a := 0; a < ROSAPIs; a++ {
		w("  Api%d:\n    Type: ALIYUN::ApiGateway::Api\n    Properties:\n", a)
		w("      ApiName: Svc%06dOp%d\n", i, a)
		if a%2 == 0 {
			w("      GroupId:\n        Ref: Group\n")
		} else {
			w("      GroupId:\n        Fn::GetAtt:\n          - Group\n          - GroupId\n")
		}
		w("      Visibility: PRIVATE\n")
		w("      AuthType: APP\n")
		w("      AllowSignatureMethod: HmacSHA256\n")
		w("      RequestConfig:\n")
		w("        RequestProtocol: HTTP,HTTPS\n")
		w("        RequestHttpMethod: %s\n", []string{"GET", "POST", "PUT", "DELETE", "GET"}[a])
		w("        RequestPath:\n          Fn::Sub: '${Prefix}/items%d/[itemId]'\n", a)
		w("        RequestMode: MAPPING\n")
		w("      RequestParameters:\n")
		w("        - ApiParameterName: itemId\n          Location: PATH\n          ParameterType: String\n          Required: REQUIRED\n")
		w("        - ApiParameterName: limit\n          Location: QUERY\n          ParameterType: Int\n          Required: OPTION\n          DefaultValue: '10'\n")
		w("      ServiceParameters:\n")
		w("        - ServiceParameterName: itemId\n          Location: PATH\n          ParameterType: STRING\n")
		w("        - ServiceParameterName: limit\n          Location: QUERY\n          ParameterType: NUMBER\n")
		w("      ServiceParametersMap:\n")
		w("        - ServiceParameterName: itemId\n          RequestParameterName: itemId\n")
		w("        - ServiceParameterName: limit\n          RequestParameterName: limit\n")
		if a == 4 {
			w("      ServiceConfig:\n        ServiceProtocol: FunctionCompute\n        ContentTypeCatagory: CLIENT\n        ServiceTimeOut:\n          Ref: Timeout\n")
			w("        FunctionComputeConfig:\n          fcRegionId:\n            Ref: ALIYUN::Region\n          fcType: FCEvent\n")
			w("          serviceName: svc%06d\n          functionName:\n            Ref: FunctionName\n", i)
			w("          roleArn:\n            Fn::Join:\n              - ''\n              - - 'acs:ram::'\n                - Ref: ALIYUN::AccountId\n                - ':role/aliyunapigatewayaccessingfcrole'\n")
			w("          path: /items/[itemId]\n")
		} else {
			w("      ServiceConfig:\n        ServiceProtocol: HTTP\n        ServiceAddress:\n          Ref: Backend\n")
			w("        ServicePath: /v1/items%d/[itemId]\n        ServiceHttpMethod: %s\n", a, []string{"GET", "POST", "PUT", "DELETE", "GET"}[a])
			w("        ServiceTimeOut:\n          Ref: Timeout\n")
		}
		w("      ResultType: JSON\n      ResultSample: '{\"id\": \"1\"}'\n")
	}
	w("Outputs:\n  GroupId:\n    Value:\n      Fn::GetAtt:\n        - Group\n        - GroupId\n")
	return fmt.Sprintf("templates/t%03d/svc%06d.ros.yaml", i/100, i), []byte(b.String())
}

// WriteROS creates n ROS templates under dir and returns their total size.
func WriteROS(dir string, n int) (int64, error) {
	var total int64
	for i := 0; i < n; i++ {
		rel, data := ROSTemplate(i)
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return total, err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return total, err
		}
		total += int64(len(data))
	}
	return total, nil
}
