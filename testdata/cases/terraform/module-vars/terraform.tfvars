method = "GTE"
