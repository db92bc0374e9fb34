variable "auth" {
  default = "APP"
}

variable "method" {
  description = "set in terraform.tfvars"
}

variable "timeout" {
  type    = number
  default = 3000
}

variable "group_id" {
  default = "" # a placeholder: the caller's value is not known here
}
