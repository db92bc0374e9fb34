package lint_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// A ROS template whose parameters refer to each other (each default joins
// the next parameter twice) would take exponential time to resolve, and
// one that refers to itself forever: both are bounded, the values left
// symbolic (so never reported), and the rest of the template is checked.
func TestHostileTemplateReferences(t *testing.T) {
	var b strings.Builder
	b.WriteString("ROSTemplateFormatVersion: '2015-09-01'\nParameters:\n")
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&b, "  P%d:\n    Type: String\n    Default:\n      Fn::Join: ['', [{Ref: P%d}, {Ref: P%d}]]\n", i, i+1, i+1)
	}
	b.WriteString("  P60:\n    Type: String\n    Default: x\n")
	b.WriteString("  Self:\n    Type: String\n    Default: {Ref: Self}\n")
	b.WriteString(`Resources:
  Api:
    Type: ALIYUN::ApiGateway::Api
    Properties:
      ApiName: {Ref: P0}
      GroupId: {Ref: Self}
      Visibility: PRIVATE
      AuthType: ANONYMOUS
      RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /a, RequestMode: PASSTHROUGH}
      ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://a.internal', ServiceTimeOut: 3000}
      Typo: 1
`)
	timed(t, 2*time.Second, func() {
		res := runHostile(t, "refs.ros.yaml", []byte(b.String()))
		expectDiag(t, res, "refs.ros.yaml", 259, 7, "unknown-field", `"Typo"`)
		only(t, res, "refs.ros.yaml", "unknown-field")
	})
}

// A Serverless Devs variable that refers to itself, and variables that
// double at every level, are not resolved (symbolic), and the run goes on.
func TestHostileDevsVariables(t *testing.T) {
	var b strings.Builder
	b.WriteString("edition: 1.0.0\nvars:\n  self: ${vars.self}\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "  v%d: ${vars.v%d}${vars.v%d}\n", i, i+1, i+1)
	}
	b.WriteString("  v40: xxxxxxxxxxxxxxxx\n")
	b.WriteString(`services:
  gateway:
    component: apigateway
    props:
      groupName: ${vars.self}
      apis:
        - apiName: ${vars.v0}
          description: ${vars.self}
          typo: 1
`)
	timed(t, 2*time.Second, func() {
		res := runHostile(t, "s.yaml", []byte(b.String()))
		expectDiag(t, res, "s.yaml", 53, 11, "unknown-field", `"typo"`)
		only(t, res, "s.yaml", "unknown-field")
	})
}
