provider "alicloud" {
  region = "cn-shanghai"
}

resource "alicloud_api_gateway_group" "example" {
  name        = "tfquickstart"
  description = "tfquickstart"
}

resource "alicloud_api_gateway_api" "example" {
  group_id          = alicloud_api_gateway_group.example.id
  name              = "tfquickstart"
  description       = "tfquickstart"
  auth_type         = "APP"
  force_nonce_check = false

  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/quickstart/items"
    mode     = "MAPPING"
  }

  service_type = "HTTP"

  http_service_config {
    address   = "http://items-backend.example.com:8080"
    method    = "GET"
    path      = "/web/items"
    timeout   = 12
    aone_name = "items-openapi"
  }

  request_parameters {
    name         = "keyword"
    type         = "STRING"
    required     = "OPTIONAL"
    in           = "QUERY"
    in_service   = "QUERY"
    name_service = "keywordsvc"
  }

  stage_names = [
    "RELEASE",
    "TEST",
  ]
}
