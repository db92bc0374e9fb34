//go:build !unix

package cache

import "os"

// mapFile is not available here: payloads are read with ReadAt.
func mapFile(*os.File, int64) []byte { return nil }

func unmapFile([]byte) {}
