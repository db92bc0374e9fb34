resource "alicloud_api_gateway_group" "users" {
  name        = "users"
  description = "users"
}

resource "alicloud_api_gateway_api" "get" {
  group_id     = alicloud_api_gateway_group.users.id
  name         = "GetUser"
  description  = "get a user"
  auth_type    = "APP"
  service_type = "MOCK"

  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/users/[id]"
    mode     = "PASSTHROUGH"
  }

  request_parameters {
    name         = "id"
    type         = "STRING"
    required     = "REQUIRED"
    in           = "PATH"
    in_service   = "PATH"
    name_service = "id"
  }

  mock_service_config {
    result = "{}"
  }
}
