package brand

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// maxLinks bounds the symbolic links followed while resolving one path, as
// the operating system does, so that a loop of links ends.
const maxLinks = 40

// kitPath checks name as KitFile does without looking at the kit: it is
// relative, written with /, and does not climb above the root.
func kitPath(name string) (string, string) {
	switch {
	case name == "":
		return "", "is empty"
	case strings.Contains(name, `\`):
		return "", `uses \ to separate folders: write /`
	case path.IsAbs(name) || len(name) >= 2 && name[1] == ':':
		return "", "is an absolute path: write it relative to the kit root"
	}
	clean := path.Clean(name)
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return "", "is outside the kit"
	}
	return clean, ""
}

// KitFile checks that name, a path the user wrote in the kit (brand.toml or
// front matter), is relative to the kit root, stays inside the kit and names
// an existing regular file. It returns the cleaned kit-relative slash path,
// or a problem that completes a sentence starting with the quoted path, such
// as "does not exist".
//
// Symbolic links are followed one path element at a time when fsys can read
// them (fs.ReadLinkFS, which os.DirFS implements), and a link whose target is
// absolute or climbs above the kit root is refused: the kit must build the
// same wherever it is copied. An absolute target is refused even if it
// happens to point inside the kit, which an fs.FS cannot tell.
func KitFile(fsys fs.FS, name string) (string, string) {
	clean, problem := kitPath(name)
	if problem != "" {
		return "", problem
	}
	real, problem := resolve(fsys, clean)
	if problem != "" {
		return "", problem
	}
	info, err := fs.Stat(fsys, real)
	switch {
	case err != nil:
		return "", "cannot be read"
	case info.IsDir():
		return "", "is a folder, not a file"
	case !info.Mode().IsRegular():
		return "", "is not a regular file"
	}
	return clean, ""
}

// resolve follows the symbolic links along name, a clean relative path, and
// returns the path of the file it leads to, with no links left in it.
func resolve(fsys fs.FS, name string) (string, string) {
	var done []string                // resolved elements, free of links
	todo := strings.Split(name, "/") // elements still to walk
	links := 0
	for len(todo) > 0 {
		elem := todo[0]
		todo = todo[1:]
		switch elem {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return "", "leads outside the kit through a symbolic link"
			}
			done = done[:len(done)-1]
			continue
		}
		cur := path.Join(append(slices.Clip(done), elem)...)
		info, err := fs.Lstat(fsys, cur)
		if errors.Is(err, fs.ErrNotExist) {
			return "", "does not exist"
		}
		if err != nil {
			return "", "cannot be read"
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			done = append(done, elem)
			continue
		}
		if links++; links > maxLinks {
			return "", "is a loop of symbolic links"
		}
		target, err := fs.ReadLink(fsys, cur)
		if err != nil {
			return "", "is a symbolic link that cannot be read"
		}
		target = strings.ReplaceAll(target, `\`, "/")
		if path.IsAbs(target) || len(target) >= 2 && target[1] == ':' {
			return "", "leads outside the kit through a symbolic link"
		}
		// The target is relative to the link's folder, which is done.
		todo = append(strings.Split(target, "/"), todo...)
	}
	if len(done) == 0 {
		return ".", ""
	}
	return path.Join(done...), ""
}

// Folder checks the entries of one folder of the kit as KitFile checks a
// path, at less cost. KitFile looks at each element of a path for a
// symbolic link, several system calls each through an os.Root; when the
// folder and those above it are none, an entry its listing shows as a
// regular file is a kit file, and only its name is left to check.
type Folder struct {
	fsys     fs.FS
	dir      string
	linkFree bool
}

// NewFolder returns the Folder of dir, a clean kit-relative slash path.
func NewFolder(fsys fs.FS, dir string) Folder {
	f := Folder{fsys: fsys, dir: dir, linkFree: true}
	for p := dir; p != "." && f.linkFree; p = path.Dir(p) {
		info, err := fs.Lstat(fsys, p)
		f.linkFree = err == nil && info.IsDir() // a link is not a folder to Lstat
	}
	return f
}

// File returns what KitFile returns for the path of e, an entry of the
// folder's listing.
func (f Folder) File(e fs.DirEntry) (string, string) {
	name := path.Join(f.dir, e.Name())
	if !f.linkFree || !e.Type().IsRegular() {
		return KitFile(f.fsys, name)
	}
	return kitPath(name)
}
