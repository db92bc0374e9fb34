# A policy-scanner test fixture: four APIs in one group, each named after the group
# (so all four share a name), three on GET /policy/path1, and one resource with two
# request_config blocks although the provider allows only one (MaxItems: 1).
resource "alicloud_api_gateway_group" "apiGroup" {
  name        = "PolicyFixtureGroup"
  description = "description of the api group"
}

resource "alicloud_api_gateway_api" "fail" {
  name              = alicloud_api_gateway_group.apiGroup.name
  group_id          = alicloud_api_gateway_group.apiGroup.id
  description       = "your description"
  auth_type         = "APP"
  force_nonce_check = false

  request_config {
    protocol = "HTTP" #this should HTTPS
    method   = "GET"
    path     = "/policy/path1"
    mode     = "MAPPING"
  }

   service_type = "HTTP"

  http_service_config {
    address   = "http://policy-backend.example.com:8080"
    method    = "GET"
    path      = "/web/policy"
    timeout   = 12
    aone_name = "policy-openapi"
  }
}

resource "alicloud_api_gateway_api" "fail2" {
  name              = alicloud_api_gateway_group.apiGroup.name
  group_id          = alicloud_api_gateway_group.apiGroup.id
  description       = "your description"
  auth_type         = "APP"
  force_nonce_check = false

  request_config {
    protocol = "HTTP" #this should HTTPS
    method   = "GET"
    path     = "/policy/path1"
    mode     = "MAPPING"
  }

  service_type = "HTTP"

  http_service_config {
    address   = "http://policy-backend.example.com:8080"
    method    = "GET"
    path      = "/web/policy"
    timeout   = 12
    aone_name = "policy-openapi"
  }

  request_parameters {
    name         = "abc"
    type         = "STRING"
    required     = "OPTIONAL"
    in           = "QUERY"
    in_service   = "QUERY"
    name_service = "abcparams"
  }

  stage_names = [
    "RELEASE",
    "TEST",
  ]
}


resource "alicloud_api_gateway_api" "fail3" {
  name              = alicloud_api_gateway_group.apiGroup.name
  group_id          = alicloud_api_gateway_group.apiGroup.id
  description       = "your description"
  auth_type         = "APP"
  force_nonce_check = false

  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/policy/path1"
    mode     = "MAPPING"
  }

  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/policy/path2"
    mode     = "MAPPING"
  }

  service_type = "HTTP"

  http_service_config {
    address   = "http://policy-backend.example.com:8080"
    method    = "GET"
    path      = "/web/policy"
    timeout   = 12
    aone_name = "policy-openapi"
  }

  request_parameters {
    name         = "abc"
    type         = "STRING"
    required     = "OPTIONAL"
    in           = "QUERY"
    in_service   = "QUERY"
    name_service = "abcparams"
  }

  stage_names = [
    "RELEASE",
    "TEST",
  ]
}


resource "alicloud_api_gateway_api" "pass" {
  name              = alicloud_api_gateway_group.apiGroup.name
  group_id          = alicloud_api_gateway_group.apiGroup.id
  description       = "your description"
  auth_type         = "APP"
  force_nonce_check = false

  request_config {
    protocol = "HTTPS"
    method   = "GET"
    path     = "/policy/path1"
    mode     = "MAPPING"
  }

  service_type = "HTTP"

  http_service_config {
    address   = "https://policy-backend.example.com:8080"
    method    = "GET"
    path      = "/web/policy"
    timeout   = 12
    aone_name = "policy-openapi"
  }

  request_parameters {
    name         = "abc"
    type         = "STRING"
    required     = "OPTIONAL"
    in           = "QUERY"
    in_service   = "QUERY"
    name_service = "abcparams"
  }

  stage_names = [
    "RELEASE",
    "TEST",
  ]
}
