package write

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// systemExchange swaps a and b with renameat2(RENAME_EXCHANGE). Kernels
// before 3.15 answer ENOSYS, and file systems without the operation
// EINVAL: both mean errNoExchange.
func systemExchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EOPNOTSUPP):
		return errNoExchange
	}
	return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
}
