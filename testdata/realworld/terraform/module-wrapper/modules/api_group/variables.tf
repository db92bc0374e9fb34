variable "api_group_name" {
  type = string
}

variable "api_group_description" {
  type    = string
  default = ""
}
