# The root module of a plan: a group, and a module whose APIs come from a
# map only the pipeline knows (no default): in the .tf files alone every
# path is symbolic; the plan resolves them.
variable "apis" {
  type = map(object({ method = string, path = string }))
}

resource "alicloud_api_gateway_group" "g" {
  name        = "users"
  description = "users"
}

module "api" {
  source   = "./modules/api"
  group_id = alicloud_api_gateway_group.g.id
  apis     = var.apis
}
