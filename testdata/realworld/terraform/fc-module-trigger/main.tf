# FC module example: the function and service come from a module's outputs, the region
# from a data source; POST with body_format STREAM in MAPPING mode.
module "apigateway-trigger" {
  source                = "../../"
  create_event_function = true
}

data "alicloud_regions" "this" {
  current = true
}

resource "alicloud_api_gateway_group" "this" {
  name        = "terraform_fc_module"
  description = "created by terraform-fc-module"
}

resource "alicloud_api_gateway_api" "apiGatewayApi" {
  name        = "terraform_fc_module"
  group_id    = alicloud_api_gateway_group.this.id
  description = "create by terraform-fc-module"
  auth_type   = "APP"

  request_config {
    protocol    = "HTTP"
    method      = "POST"
    path        = "/trigger/path2"
    mode        = "MAPPING"
    body_format = "STREAM"
  }

  service_type = "FunctionCompute"

  fc_service_config {
    region        = data.alicloud_regions.this.id
    function_name = module.apigateway-trigger.this_events_function_name
    service_name  = module.apigateway-trigger.this_service_name
    arn_role      = alicloud_ram_role.this.arn
    timeout       = 10
  }

  request_parameters {
    name         = "ab"
    type         = "STRING"
    required     = "REQUIRED"
    in           = "QUERY"
    in_service   = "QUERY"
    name_service = "abparams"
  }

  stage_names = [
    "RELEASE",
    "PRE",
  ]
}
