# Names taken from other resources, the timeout computed from the function's timeout.
resource "alicloud_api_gateway_group" "default" {
  name        = alicloud_fc_service.default.name
  description = "Gateway group for fc ping"
}

resource "alicloud_api_gateway_api" "default" {
  name        = alicloud_fc_function.default.name
  group_id    = alicloud_api_gateway_group.default.id
  description = "Gateway for fc ping"
  auth_type   = "ANONYMOUS"
  request_config {
    protocol = "HTTPS"
    method   = "GET"
    path     = "/relay/ping"
    mode     = "PASSTHROUGH"
  }
  service_type = "FunctionCompute"
  fc_service_config {
    region        = data.alicloud_regions.default.ids[0]
    function_name = alicloud_fc_function.default.name
    service_name  = alicloud_fc_service.default.name
    arn_role      = alicloud_ram_role.fc_invoke.arn
    timeout       = alicloud_fc_function.default.timeout * 1000
  }
  stage_names = ["RELEASE"]
}

data "alicloud_regions" "default" {
  current = true
}
