package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/apigwlint/apigwlint/internal/cache"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/safeopen"
)

// openCache opens the result cache as the flags say: --no-cache turns it
// off, --cache-dir or $APIGWLINT_CACHE_DIR place it, else it lives in the
// user's cache directory. A cache that cannot be used never fails a run:
// the files are simply all checked (with a warning when the directory was
// chosen explicitly).
func (e *env) openCache(dir string, off bool) *cache.Cache {
	if off {
		return nil
	}
	explicit := dir != "" || os.Getenv("APIGWLINT_CACHE_DIR") != ""
	if !explicit && e.noDefaultCache {
		return nil
	}
	if dir == "" {
		d, err := cache.DefaultDir()
		if err != nil {
			return nil
		}
		dir = d
	}
	c, err := lint.OpenCache(dir)
	if err != nil {
		// Something other than a pack in the pack's place (a FIFO, a
		// device) is worth a word even in the default directory.
		var notRegular *safeopen.NotRegularError
		if explicit || errors.As(err, &notRegular) {
			fmt.Fprintf(e.stderr, "apigwlint: result cache disabled: %v\n", err)
		}
		return nil
	}
	return c
}
