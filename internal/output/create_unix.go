//go:build unix

package output

import (
	"io"
	"io/fs"

	"golang.org/x/sys/unix"
)

// create makes the file p, which must not exist, with data.
//
// It makes the system calls itself: os.OpenFile would also put the file in
// non-blocking mode, offer it to the network poller, which refuses a
// regular file, and put it back, five calls more for each file (a build of
// 1,000 posts writes 5,000). Its errors are os.OpenFile's and Write's.
func create(p string, data []byte) error {
	fd, err := open(p)
	if err != nil {
		return &fs.PathError{Op: "open", Path: p, Err: err}
	}
	for len(data) > 0 && err == nil {
		var n int
		n, err = unix.Write(fd, data)
		switch {
		case err == unix.EINTR:
			err = nil
		case err == nil && n == 0:
			err = io.ErrShortWrite
		case err == nil:
			data = data[n:]
		}
	}
	if err != nil {
		unix.Close(fd)
		return &fs.PathError{Op: "write", Path: p, Err: err}
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: p, Err: err}
	}
	return nil
}

// open creates p for writing, retrying a call a signal interrupted.
func open(p string) (int, error) {
	for {
		fd, err := unix.Open(p, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0o644)
		if err != unix.EINTR {
			return fd, err
		}
	}
}
