package write

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// systemExchange swaps a and b with renamex_np(RENAME_SWAP). File systems
// without the operation answer ENOTSUP or EINVAL: both mean errNoExchange.
func systemExchange(a, b string) error {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOTSUP), errors.Is(err, unix.ENOSYS):
		return errNoExchange
	}
	return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
}
