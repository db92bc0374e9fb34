output "this_api_group_id" {
  value = module.api_group.api_group_id
}

output "this_api_id" {
  value = module.api.api_id
}
