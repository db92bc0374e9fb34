# A module whose values come from variable defaults, terraform.tfvars and
# *.auto.tfvars: what they resolve to is checked where it is used.
locals {
  base = "/users"
  path = "${local.base}/[userId]"
}

resource "alicloud_api_gateway_api" "get_user" {
  group_id    = var.group_id
  name        = "GetUser"
  description = "get a user"
  auth_type   = var.auth

  request_config {
    protocol = "HTTP"
    method   = var.method # want schema@16
    path     = local.path # want path-param-undeclared
    mode     = "MAPPING"
  }

  service_type = "HTTP"

  http_service_config {
    address = "http://users.internal:8080"
    method  = "GET"
    path    = "/v1/users"
    timeout = var.timeout # want schema@15
  }
}
