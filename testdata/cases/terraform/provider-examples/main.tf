# The provider documentation's examples, one API per backend type, with
# constant and system parameters: nothing to report, and nothing about the
# values the provider adds by itself.
resource "alicloud_api_gateway_group" "example" {
  name        = "tf_example"
  description = "tf example"
}

resource "alicloud_api_gateway_api" "http" {
  group_id    = alicloud_api_gateway_group.example.id
  name        = "tf-example"
  description = "tf example"
  auth_type   = "APP"
  force_nonce_check = false

  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/example/path"
    mode     = "MAPPING"
  }

  service_type = "HTTP"

  http_service_config {
    address   = "http://apigateway-backend.alicloudapi.com:8080"
    method    = "GET"
    path      = "/web/cloudapi"
    timeout   = 12
    aone_name = "cloudapi-openapi"
  }

  request_parameters {
    name         = "aaa"
    type         = "STRING"
    required     = "OPTIONAL"
    in           = "QUERY"
    in_service   = "QUERY"
    name_service = "testparams"
  }

  constant_parameters {
    name        = "constparams"
    in          = "QUERY"
    value       = "constantparamsvalue"
    description = "constant parameter"
  }

  system_parameters {
    name         = "CaClientIp"
    in           = "QUERY"
    name_service = "clientIp"
  }

  stage_names = ["RELEASE", "PRE", "TEST"]
}

resource "alicloud_api_gateway_api" "vpc" {
  group_id     = alicloud_api_gateway_group.example.id
  name         = "tf-example-vpc"
  description  = "vpc backend"
  auth_type    = "ANONYMOUS"
  service_type = "HTTP-VPC"

  request_config {
    protocol = "HTTP,HTTPS"
    method   = "POST"
    path     = "/example/vpc"
    mode     = "PASSTHROUGH"
  }

  http_vpc_service_config {
    name       = alicloud_api_gateway_vpc_access.example.name
    method     = "POST"
    path       = "/vpc"
    timeout    = 10
    vpc_scheme = "http"
  }
}

resource "alicloud_api_gateway_api" "fc" {
  group_id     = alicloud_api_gateway_group.example.id
  name         = "tf-example-fc"
  description  = "function compute backend"
  auth_type    = "APP"
  service_type = "FunctionCompute"

  request_config {
    protocol = "HTTPS"
    method   = "GET"
    path     = "/example/fc"
    mode     = "PASSTHROUGH"
  }

  fc_service_config {
    region        = "cn-hangzhou"
    function_name = alicloud_fc_function.example.name
    service_name  = alicloud_fc_service.example.name
    arn_role      = alicloud_ram_role.example.arn
    timeout       = 10
  }
}

resource "alicloud_api_gateway_api" "mock" {
  group_id     = alicloud_api_gateway_group.example.id
  name         = "tf-example-mock"
  description  = "mock backend"
  auth_type    = "APP"
  service_type = "MOCK"

  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/example/mock"
    mode     = "MAPPING"
  }

  mock_service_config {
    result = "this is a mock test"
  }
}

resource "alicloud_apig_service" "default" {
  addresses    = ["${var.address}"]
  service_name = "1784264562"
  source_type  = "VIP"
  gateway_id   = alicloud_apig_gateway.default.id
  namespace    = "default"
}
