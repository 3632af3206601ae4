package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path"

	"github.com/marque-kit/marque/internal/imagecache"
	"github.com/marque-kit/marque/internal/manifest"
	"github.com/marque-kit/marque/internal/output"
)

// What a build derives from the kit's own images and profile beside the
// planned images (the pages' portrait, logo and covers, the QR codes,
// the business card) is kept in the image cache too, so that a build
// that changes nothing re-encodes nothing: on the example kit, decoding
// the photos and laying out the card took 0.6 s of the 0.62 s of CPU
// each build spent. A piece of such work is kept as a record, an entry of the
// cache holding JSON, that names the files the work made (each an entry
// of its own, linked into the site as the planned images are) and holds
// what the build needs to know of them. Its key hashes every input of
// the work and the version of marque. Only builds that write the image
// cache (build and serve, not check) keep records; all read them.

// A derivedFile is a file of the site made by derived work: its bytes in
// memory when just made, or an entry of the image cache.
type derivedFile struct {
	name string            // its path in the site
	data []byte            // nil when disk is set
	disk *output.DiskFile  // the cache's entry
	sum  [sha256.Size]byte // of the entry's bytes, when disk is set
}

func newDerivedFile(name string, data []byte) derivedFile {
	return derivedFile{name: name, data: data}
}

// cachedFile returns the file name that the image cache's entry e holds.
func cachedFile(name string, e imagecache.Entry) derivedFile {
	return derivedFile{name: name, disk: diskFile(e), sum: e.Sum}
}

// diskFile returns the entry e as a file the site links.
func diskFile(e imagecache.Entry) *output.DiskFile {
	return &output.DiskFile{Path: e.Path, Size: e.Size}
}

// addTo adds the file to site.
func (f derivedFile) addTo(site *output.Tree) error {
	if f.disk != nil {
		return site.AddDiskFile(f.name, *f.disk)
	}
	return site.Add(f.name, f.data)
}

// addListed adds the file to site at mf.Path, and mf, with the file's size
// and sum, to the manifest's files.
func (f derivedFile) addListed(site *output.Tree, m *manifest.Manifest, mf manifest.File) error {
	if f.disk == nil {
		return addFile(site, m, mf, f.data)
	}
	if err := site.AddDiskFile(mf.Path, *f.disk); err != nil {
		return err
	}
	mf.Bytes, mf.SHA256 = int(f.disk.Size), hex.EncodeToString(f.sum[:])
	m.Files = append(m.Files, mf)
	return nil
}

// record is how a piece of derived work is kept.
type record struct {
	Files []string        `json:"files"` // the files' paths in the site
	Meta  json.RawMessage `json:"meta"`  // what the build needs of them
}

// derivedKey returns the key in the image cache of the file name of the
// record under key.
func derivedKey(key [sha256.Size]byte, name string) string {
	h := sha256.New()
	h.Write(key[:])
	h.Write([]byte(name))
	return hex.EncodeToString(h.Sum(nil))
}

// extension returns the format an entry of the file name is stored as:
// its name's extension, without the dot.
func extension(name string) string {
	ext := path.Ext(name)
	if ext == "" {
		return "bin"
	}
	return ext[1:]
}

// loadDerived returns the files a build kept under key, and decodes into
// meta what it kept of them, or reports false when the cache lacks any of
// it.
func (ik *imageKit) loadDerived(key [sha256.Size]byte, meta any) ([]derivedFile, bool) {
	_, data, ok := ik.disk.Get(hex.EncodeToString(key[:]))
	if !ok {
		return nil, false
	}
	var r record
	if json.Unmarshal(data, &r) != nil || json.Unmarshal(r.Meta, meta) != nil {
		return nil, false
	}
	files := make([]derivedFile, len(r.Files))
	for i, name := range r.Files {
		e, ok := ik.disk.Lookup(derivedKey(key, name))
		if !ok || e.Ext != extension(name) {
			return nil, false
		}
		files[i] = cachedFile(name, e)
	}
	return files, true
}

// storeDerived keeps files, just made in memory, and meta under key, when
// the build writes the cache. It returns the files as the site should
// take them: linked from the cache where it took them. A cache that
// cannot be written costs the next build time, not this one its files.
func (ik *imageKit) storeDerived(key [sha256.Size]byte, files []derivedFile, meta any) []derivedFile {
	if ik.mode == PlanImages {
		return files
	}
	r := record{Files: make([]string, len(files))}
	var err error
	if r.Meta, err = json.Marshal(meta); err != nil {
		return files
	}
	stored := make([]derivedFile, len(files))
	for i, f := range files {
		r.Files[i] = f.name
		e, err := ik.disk.Put(derivedKey(key, f.name), extension(f.name), f.data)
		if err != nil {
			return files
		}
		stored[i] = cachedFile(f.name, e)
	}
	// The record last: it only ever names files that are there.
	data, err := json.Marshal(r)
	if err != nil {
		return files
	}
	if _, err := ik.disk.Put(hex.EncodeToString(key[:]), "json", data); err != nil {
		return files
	}
	return stored
}
