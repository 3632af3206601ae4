package build

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/marque-kit/marque/internal/voice"
)

// maxFixRounds bounds the rounds of Fix: a fix left out because it overlapped
// another is made in the next round, and two rounds are enough for every
// rule's fixes; the bound only guards against a rule that would never settle.
const maxFixRounds = 4

// Fix checks the kit and makes the safe fixes of its findings (French
// spaces, quotation marks, ellipses, the brand's preferred words) in the
// kit's files, each written aside and renamed over the original, with its
// mode kept. It checks again until nothing is left to fix, and returns the
// last check's result with every fix made, in order. Fixes only change
// prose: never code, URLs, markup or front matter keys. With files (kit
// paths) given, only those files change.
func Fix(ctx context.Context, opts Options, files []string) (*Result, []voice.Fix, error) {
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return nil, nil, fmt.Errorf("open kit: %w", err)
	}
	defer root.Close()
	removeFixTemps(root)
	var made []voice.Fix
	for round := 0; ; round++ {
		res, err := run(ctx, root.FS(), opts)
		if err != nil {
			return res, made, err
		}
		if files != nil {
			res.Fixes = slices.DeleteFunc(res.Fixes, func(f voice.Fix) bool { return !slices.Contains(files, f.File) })
		}
		if len(res.Fixes) == 0 || round == maxFixRounds {
			return res, made, nil
		}
		done, err := applyFixes(root, res.Fixes)
		made = append(made, done...)
		if err != nil || len(done) == 0 {
			return res, made, err
		}
	}
}

// applyFixes makes fixes in the files of root, one file at a time.
func applyFixes(root *os.Root, fixes []voice.Fix) ([]voice.Fix, error) {
	byFile := map[string][]voice.Fix{}
	for _, f := range fixes {
		byFile[f.File] = append(byFile[f.File], f)
	}
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	slices.Sort(names)
	var made []voice.Fix
	for _, name := range names {
		src, err := root.ReadFile(name)
		if err != nil {
			return made, fmt.Errorf("fix %s: %w", name, err)
		}
		out, done := voice.Apply(src, byFile[name])
		if len(done) == 0 {
			continue
		}
		if err := replaceFile(root, name, out); err != nil {
			return made, err
		}
		seen := map[int]bool{}
		for _, f := range done {
			if f.Group == 0 || !seen[f.Group] { // the edits of one group are one fix to the user
				made = append(made, f)
				seen[f.Group] = true
			}
		}
	}
	return made, nil
}

// replaceFile writes data to a file beside name, then renames it over
// name: a reader, or a crash, sees the old file or the new one, never half
// of one.
func replaceFile(root *os.Root, name string, data []byte) error {
	info, err := root.Stat(name)
	if err != nil {
		return fmt.Errorf("fix %s: %w", name, err)
	}
	tmp := path.Join(path.Dir(name), "."+path.Base(name)+fixTempSuffix)
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, info.Mode().Perm())
	if err != nil {
		return fmt.Errorf("fix %s: %w", name, err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Chmod(tmp, info.Mode().Perm()) // the umask may have narrowed it
	}
	if err == nil {
		err = root.Rename(tmp, name)
	}
	if err != nil {
		_ = root.Remove(tmp)
		return fmt.Errorf("fix %s: %w", name, err)
	}
	return nil
}

// fixTempSuffix ends the name of the file replaceFile writes beside a file
// before renaming it over that file.
const fixTempSuffix = ".marque-fix"

// removeFixTemps removes what a run of Fix killed while writing a file left
// beside it: that file is whole (the rename had not happened), and the
// temporary one is of no use. Fix only writes brand.toml and the files
// under content/, so only those folders are looked at.
func removeFixTemps(root *os.Root) {
	fs.WalkDir(root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil // a folder that cannot be read holds nothing Fix wrote
		case d.IsDir():
			if name != "." && name != "content" && !strings.HasPrefix(name, "content/") {
				return fs.SkipDir
			}
		case strings.HasPrefix(d.Name(), ".") && strings.HasSuffix(d.Name(), fixTempSuffix) && d.Type().IsRegular():
			root.Remove(name)
		}
		return nil
	})
}
