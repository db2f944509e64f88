// Package write is the write phase of a build: it puts the rendered site
// where it is served from, on disk (Dir) or in memory (Memory), and it
// decides which destinations a build may replace (Check). Every Output
// receives slash paths relative to the site root.
//
// What a build into a folder guarantees:
//
//   - Clean output. A build never writes into the destination: Open
//     creates a fresh temporary folder beside it, named
//     .<dest>.clause-tmp-<random>, and Commit replaces the destination
//     with that folder whole, so the files of deleted pages never linger.
//     Dir.Write refuses a path that is not local (absolute, or with a ".."
//     element), so nothing is written outside the folder.
//   - Atomic swap. Where the system can exchange two paths in one step
//     (Linux renameat2 with RENAME_EXCHANGE, macOS renamex_np with
//     RENAME_SWAP) the destination always exists: it is the previous
//     output until the instant it is the new one, which a kill cannot
//     split. Elsewhere, and on file systems without that operation, the
//     previous output is first renamed aside to the temporary folder's
//     name plus ".old", then the new folder is renamed into place; a kill
//     between the two renames leaves the previous output in a marked
//     folder beside the destination. A failed second rename puts the
//     previous output back. The previous output is then removed, up to
//     32 subfolders at a time (removal waits on the disk, not the
//     CPU), before Commit returns. Each folder is held open until it is
//     removed, so that where freeing its block waits for the device (ext4
//     without a journal, mounted with discard) the wait happens in close,
//     outside the lock on the parent folder, and sibling folders go in
//     parallel.
//   - Unchanged files are linked (Linux). When the destination holds
//     clause's marker, Dir.Write first opens the same path in it with
//     openat2 (RESOLVE_BENEATH, RESOLVE_NO_SYMLINKS: no symbolic link at
//     any component, nothing outside it). A regular file with the mode
//     and owner of the marker this build wrote, a single link, the new
//     data's size and the new data's bytes is hard-linked into the
//     temporary folder instead of written; the new entry's device and
//     inode are compared with the file read, and a link that names
//     another file is removed and the file written. Any other file, and
//     any failure, means a normal write; a link that fails other than
//     because the name exists already turns linking off for the rest of
//     the build. Files are created with O_EXCL (an
//     existing name is unlinked first), never truncated, so nothing a
//     build does changes a file of the previous output; discarding the
//     temporary folder only drops links. Removing the previous output
//     after the swap then frees no blocks for the linked files, which on
//     a disk is most of what removing it costs. Linked files keep their
//     modification time, so deploy tools that compare size and time
//     upload only what changed. policies.json (WriteParts), which
//     changes with any policy, and the marker are always written.
//   - The marker. Every folder Open creates holds the file .clause-output
//     (MarkerFile, holding MarkerText) from the start, so a published
//     site and every temporary folder carry it; the loader never reads a
//     folder that holds it. Folders are removed marker last, once
//     everything else in them is gone, so a removal cut short still
//     leaves a folder the next build recognises and removes.
//   - The lock. The temporary folder stays locked (an exclusive,
//     non-blocking flock held open by the build) until Commit or Discard
//     returns. The system drops the lock when the process ends, however
//     it ends, so a folder left by a killed build is unlocked.
//   - Stale cleanup. Open first removes what killed builds left beside
//     the destination: folders (not symbolic links) whose names start
//     like its own temporary folders, that hold exactly MarkerText in the
//     marker or nothing at all, and that it can lock, so no running build
//     holds them. Nothing else is touched: not another destination's
//     folders, not a folder without the marker or with another text in
//     it. Where folders cannot be locked (Windows, where an open folder
//     cannot be renamed), nothing is removed, since a folder in use could
//     not be told from a stale one.
//   - Destination refusal. Check refuses the root of the file system, the
//     home folder, the source folder, a parent of the source, a folder at
//     or inside a protected folder of the source (the content, layouts
//     and assets folders), a file, and an existing non-empty folder
//     without the marker. Paths are compared element by element after
//     resolving symbolic links, so a folder named "..site" is inside its
//     parent and no way around the rules.
//   - Interruption. Dir.Write fails once the build's context is done.
//     Commit checks the context before it swaps: a cancelled build
//     removes its temporary folder and leaves the destination as it was.
//     Once the swap has begun, Commit finishes it.
//
// Dir writes each file with open, write and close alone on Unix
// (os.WriteFile also registers every file with the network poller), and
// makes each folder with one mkdir, since no folder in its new temporary
// folder exists until it makes it. WriteParts writes a file given as
// consecutive parts (policies.json, one part per policy) through a
// 256 KiB buffer instead of joining them; an Output without it gets them
// joined.
//
// Memory keeps the files in a map for `clause serve`, `clause check` and
// tests; Keep hands it data that will not change again without a copy.
//
// Binaries built with the clausetest tag stop at named points of Commit
// (see pause.go) so that a test can signal them at a known moment.
package write
