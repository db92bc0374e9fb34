# Provider-example shape: every *_service_config block present at once, service_type,
# auth_type and description from variables, numbers written as strings, and
# ${count.index} used in a resource that has no count.
resource "alicloud_api_gateway_group" "default" {
  name        = "${var.name}"
  description = "tf_example_api group description"
}

resource "alicloud_api_gateway_vpc_access" "default" {
  name        = "${var.name}"
  vpc_id      = "${data.alicloud_vpcs.default.ids.0}"
  instance_id = "${alicloud_instance.default.id}"
  port        = "8080"
}

data "alicloud_vpcs" "default" {
  name_regex = "^default-NODELETING$"
}

resource "alicloud_api_gateway_api" "default" {
  description = var.description_var
  group_id    = alicloud_api_gateway_group.default.id
  name        = alicloud_api_gateway_group.default.name
  request_parameters {
    in           = "QUERY"
    in_service   = "QUERY"
    name         = "probe"
    name_service = "probesvc"
    required     = "OPTIONAL"
    type         = "STRING"
  }

  http_service_config {
    address   = "http://backends.example.com:8080"
    aone_name = "backends-openapi"
    method    = "GET"
    path      = "/web/backends/${count.index}"
    timeout   = "20"
  }

  mock_service_config {
    result    = "this is a mock test"
    aone_name = "backends-openapi"
  }

  stage_names = [
    "RELEASE",
    "PRE",
    "TEST"
  ]
  service_type = var.service_type_var
  request_config {
    method   = "GET"
    mode     = "MAPPING"
    path     = "/backends/vpc"
    protocol = "HTTP"
  }

  http_vpc_service_config {
    aone_name = "backends-openapi"
    method    = "GET"
    name      = alicloud_api_gateway_vpc_access.default.name
    path      = "/web/backends/vpc"
    timeout   = "20"
  }

  auth_type = var.auth_type_var
  fc_service_config {
    region        = "cn-hangzhou"
    service_name  = "tf_exampleBackends_5212536"
    timeout       = "20"
    arn_role      = "backends-openapi"
    function_name = "tf_exampleBackends_5212536Func"
  }

  force_nonce_check = var.force_nonce_check_var
}
