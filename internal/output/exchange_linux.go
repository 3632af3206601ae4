package output

import "golang.org/x/sys/unix"

// exchange puts the complete folder tmp at out and returns where the previous
// output now is. It swaps the two with one atomic renameat2 call, so that out
// names a complete output at every instant; file systems without
// RENAME_EXCHANGE fall back to two renames through old.
func exchange(tmp, out, old string) (string, error) {
	if err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE); err != nil {
		return old, exchangeByRenames(tmp, out, old)
	}
	return tmp, nil
}
