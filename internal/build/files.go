package build

import (
	"crypto/sha256"
	"io/fs"
	"sync"
)

// assetFiles reads each of the kit's assets (photos, covers, logo, fonts)
// once per build, with its SHA-256: the pages' images, the planned
// images, the print files and the kit page read the same few files,
// some of them large photos. It is safe for concurrent use.
type assetFiles struct {
	fsys  fs.FS
	mu    sync.Mutex
	files map[string]*assetFile
}

type assetFile struct {
	once sync.Once
	data []byte
	sum  [sha256.Size]byte
	err  error
}

// read returns the bytes of the kit's file name and their SHA-256.
func (f *assetFiles) read(name string) ([]byte, [sha256.Size]byte, error) {
	f.mu.Lock()
	if f.files == nil {
		f.files = map[string]*assetFile{}
	}
	e, ok := f.files[name]
	if !ok {
		e = &assetFile{}
		f.files[name] = e
	}
	f.mu.Unlock()
	e.once.Do(func() {
		if e.data, e.err = fs.ReadFile(f.fsys, name); e.err == nil {
			e.sum = sha256.Sum256(e.data)
		}
	})
	return e.data, e.sum, e.err
}

// readFile returns the bytes of the kit's file name, as fs.ReadFile does,
// read once per build.
func (k *kit) readFile(name string) ([]byte, error) {
	data, _, err := k.assets.read(name)
	return data, err
}
