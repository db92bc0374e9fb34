# ApiGateway api group variables
api_group_name        = "update_tf_modtest_group"
api_group_description = "update-tf-modtest-group-description"

# ApiGateway api variables
api_name        = "update_tf_modtest_api"
api_description = "update-tf-modtest-api-description"
api_auth_type   = "ANONYMOUS"
api_request_config = [
  {
    protocol = "HTTP"
    method   = "GET"
    path     = "/modtest/path"
    mode     = "MAPPING"
  },
]
api_http_service_config = [
  {
    address   = "http://modtest-backend.example.com:8080"
    method    = "GET"
    path      = "/web/modtest/update"
    timeout   = 20
    aone_name = "modtest-openapi"
  },
]
api_request_parameters = [
  {
    name         = "probeparam"
    type         = "STRING"
    required     = "OPTIONAL"
    in           = "QUERY"
    in_service   = "QUERY"
    name_service = "probesvc"
  },
]
api_stage_name = [
  "RELEASE",
  "PRE",
  "TEST",
]
