//go:build !linux

package output

func exchange(tmp, out, old string) (string, error) { return old, exchangeByRenames(tmp, out, old) }
