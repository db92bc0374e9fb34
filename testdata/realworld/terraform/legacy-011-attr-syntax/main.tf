# Terraform 0.11 style: nested blocks written as attributes (`request_config = { ... }`,
# `request_parameters = [ { ... }, ]`) and every reference wrapped in "${...}".
resource "alicloud_api_gateway_group" "apiGatewayGroup" {
  name        = "${var.apigateway_group_name}"
  description = "${var.apigateway_group_description}"
}

resource "alicloud_api_gateway_api" "apiGatewayApi" {
  name        = "legacyapi"
  group_id    = "${alicloud_api_gateway_group.apiGatewayGroup.id}"
  description = "description"
  auth_type   = "APP"

  request_config = {
    protocol = "HTTP"
    method   = "GET"
    path     = "/legacy/path"
    mode     = "MAPPING"
  }

  service_type = "HTTP"

  http_service_config = {
    address   = "http://legacy-backend.example.com:8080"
    method    = "GET"
    path      = "/web/legacy"
    timeout   = 22
    aone_name = "legacy-openapi"
  }

  request_parameters = [
    {
      name         = "ab"
      type         = "STRING"
      required     = "OPTIONAL"
      in           = "QUERY"
      in_service   = "QUERY"
      name_service = "abparams"
    },
  ]
}

resource "alicloud_api_gateway_app" "apiGatewayApp" {
  name        = "${var.apigateway_app_name_test}"
  description = "${var.apigateway_app_description_test}"
}

resource "alicloud_api_gateway_app_attachment" "foo" {
  api_id     = "${alicloud_api_gateway_api.apiGatewayApi.api_id}"
  group_id   = "${alicloud_api_gateway_group.apiGatewayGroup.id}"
  stage_name = "PRE"
  app_id     = "${alicloud_api_gateway_app.apiGatewayApp.id}"
}
