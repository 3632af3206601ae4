// Package imagecache keeps encoded images between builds, by content, in a
// folder of the kit (.cache/marque/ unless --cache-dir says otherwise), so
// that a rebuild that changes nothing encodes nothing. It sits beside the
// render stage: the build asks it before encoding an image and gives it
// every image it encodes.
//
// Invariants:
//
//   - An entry's name is its key, a hex SHA-256 the caller computes from
//     everything that decides the image's bytes (see socialimage.Key). The
//     cache never computes or trusts anything else: same key, same bytes.
//   - An entry is written whole or not at all: into a temporary file of
//     the same folder, synced, then renamed over its name. A build that is
//     killed leaves at worst a temporary file, which is never read.
//   - Every entry carries a header with the format's magic, its own key
//     and the SHA-256 of its payload. A file whose header, key or sum does
//     not match (truncated, corrupt, written by something else, moved to
//     another name) is a miss: it is ignored, and the next Put replaces it.
//     So is an entry its owner may not read and write, even for root, and
//     anything else in an entry's place: Put replaces the entry, removes a
//     folder where it belongs or a file where its folder does, and gives
//     a folder of the cache it may not write its permissions back.
//   - A failure to read or write the cache never fails a build: the image
//     is encoded again, and Put's error is only reported to the caller.
//   - Entries are never pruned by a build: two kits, or a kit and its
//     tests, may share one folder. Deleting the folder is always safe.
package imagecache
