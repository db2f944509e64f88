package site

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// maxLinkHops bounds how many symbolic links one path may pass through,
// as the kernel's ELOOP does.
const maxLinkHops = 40

// linkError is why a symbolic link in the content folder is not followed.
type linkError struct {
	target string // what the link says
	why    string
}

func (e *linkError) Error() string {
	return fmt.Sprintf("symbolic link to %q %s; skipped", e.target, e.why)
}

// linkHint says how to fix a link that is not followed.
const linkHint = "clause follows links to files and folders inside the site folder; copy the file in, or point the link at a path inside the site folder"

// resolveLink follows the symbolic link at p, a slash path from the root
// of fsys whose folders are not links, and returns the path it leads to,
// free of links, with the target as the link says it. Relative targets are resolved from the link's folder;
// a target outside the root, an absolute target, a missing target and a
// chain of links that never ends are errors.
func resolveLink(fsys fs.FS, p string) (real, target string, err error) {
	target, err = fs.ReadLink(fsys, p)
	if err != nil {
		return "", "", &linkError{target: "?", why: "cannot be read: " + unwrapPathError(err).Error()}
	}
	real, err = realPathFS(fsys, p)
	var le *linkError
	if errors.As(err, &le) {
		le.target = target
	}
	return real, target, err
}

// realPathFS resolves every symbolic link in p, a slash path from the
// root of fsys. ".." is applied to the resolved folder, as the operating
// system does.
func realPathFS(fsys fs.FS, p string) (string, error) {
	todo := strings.Split(p, "/")
	done, hops := ".", 0
	for len(todo) > 0 {
		elem := todo[0]
		todo = todo[1:]
		switch elem {
		case "", ".":
			continue
		case "..":
			if done == "." {
				return "", &linkError{why: "points outside the site folder"}
			}
			done = path.Dir(done)
			continue
		}
		next := path.Join(done, elem)
		info, err := fs.Lstat(fsys, next)
		if errors.Is(err, fs.ErrNotExist) {
			return "", &linkError{why: "points to nothing"}
		} else if err != nil {
			return "", &linkError{why: "cannot be followed: " + unwrapPathError(err).Error()}
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			done = next
			continue
		}
		if hops++; hops > maxLinkHops {
			return "", &linkError{why: "makes a loop"}
		}
		target, err := fs.ReadLink(fsys, next)
		if err != nil {
			return "", &linkError{why: "cannot be followed: " + unwrapPathError(err).Error()}
		}
		if path.IsAbs(target) || strings.Contains(target, `\`) || (len(target) > 1 && target[1] == ':') {
			return "", &linkError{why: "is an absolute path, which is outside the site folder"}
		}
		todo = append(strings.Split(target, "/"), todo...)
	}
	return done, nil
}

// makesLoop reports whether walking the folder real again, from inside
// the folders being walked (stack), would never end: real is one of
// them or a folder above one of them.
func makesLoop(real string, stack []string) bool {
	for _, s := range stack {
		if s == real || real == "." || strings.HasPrefix(s, real+"/") {
			return true
		}
	}
	return false
}
