# A backend path that only the caller knows (a variable without default):
# whether it holds [userId] cannot be told, so nothing is reported about
# the PATH service parameter.
variable "backend_path" {
  type = string
}

resource "alicloud_api_gateway_api" "a" {
  group_id    = "7ef4e2a7a5b6435c9a1bc1a1f6e2d1a0"
  name        = "GetUser"
  description = "get a user"
  auth_type   = "APP"
  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/users/[id]"
    mode     = "MAPPING"
  }
  service_type = "HTTP"
  http_service_config {
    address = "http://users.internal:8080"
    method  = "GET"
    path    = var.backend_path
    timeout = 3000
  }
  request_parameters {
    name         = "id"
    type         = "STRING"
    required     = "REQUIRED"
    in           = "PATH"
    in_service   = "PATH"
    name_service = "userId"
  }
}
