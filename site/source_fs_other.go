//go:build !linux

package site

import (
	"io/fs"
	"os"
)

// newSourceFS returns os.Root's file system: the cheaper reads of
// source_fs_linux.go need Linux's openat2.
func newSourceFS(root *os.Root) (fs.FS, func()) { return root.FS(), func() {} }
