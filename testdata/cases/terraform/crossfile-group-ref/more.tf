# Another file of the module, the same group by reference: the group does
# not exist yet, but both APIs will be in it, on the same path.
resource "alicloud_api_gateway_api" "get_again" {
  group_id     = alicloud_api_gateway_group.users.id
  name         = "GetUserAgain"
  description  = "same path"
  auth_type    = "APP"
  service_type = "MOCK"

  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/users/[userId]" # want duplicate-api-path@16
    mode     = "PASSTHROUGH"
  }

  request_parameters {
    name         = "userId"
    type         = "STRING"
    required     = "REQUIRED"
    in           = "PATH"
    in_service   = "PATH"
    name_service = "userId"
  }

  mock_service_config {
    result = "{}"
  }
}

# A group of another module with the same resource name is another group.
resource "alicloud_api_gateway_api" "elsewhere" {
  group_id     = module.other.group_id
  name         = "GetUser"
  description  = "another group"
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
