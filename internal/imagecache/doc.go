// Package imagecache keeps encoded images between builds, by content, in a
// folder of the kit (.cache/marque/ unless --cache-dir says otherwise), so
// that a rebuild that changes nothing encodes nothing. It sits beside the
// render stage: the build asks it before encoding an image and gives it
// every image it encodes.
//
// Invariants:
//
//   - An entry is a file holding exactly the image's bytes, so that a
//     build links it into the site instead of copying it. Its name is
//     "<key[2:]>-<size>-<sha256>.<format>" in the folder key[:2]: the key,
//     a hex SHA-256 the caller computes from everything that decides the
//     image's bytes (see socialimage.Key), then what the bytes are. The
//     cache never computes or trusts anything else: same key, same bytes.
//   - An entry is written whole or not at all: into a temporary file of
//     the same folder, synced, then renamed to its name. A build that is
//     killed leaves at worst a temporary file, which is never read.
//   - A file whose size is not the one its name says (truncated, written
//     by something else), anything that is not a regular file, and a file
//     its owner may not read and write, even for root, is a miss: it is
//     ignored, and the next Put replaces it. Get, which reads the bytes,
//     also checks their sum; Lookup, which a build links from, trusts the
//     name and size, as git trusts its index: bytes changed in place
//     without a change of size go unseen there.
//   - Put replaces anything in an entry's place: removes a folder where it
//     belongs or a file where its folder does, and gives a folder of the
//     cache it may not write its permissions back. A site linked to an
//     entry keeps its bytes: Put never writes into an existing file.
//   - A failure to read or write the cache never fails a build: the image
//     is encoded again, and Put's error is only reported to the caller.
//   - Entries are never pruned by a build: two kits, or a kit and its
//     tests, may share one folder. Deleting the folder is always safe.
package imagecache
