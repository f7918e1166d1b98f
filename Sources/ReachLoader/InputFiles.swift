import Foundation
import ReachModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File-system side of loading: expanding directories, reading with a size limit, decoding text.
///
/// Never silently empty: a missing or unreadable path, a directory that cannot be listed, a
/// symbolic-link cycle, a file name that is not UTF-8 and a path that yields no manifest files
/// are all errors located at the path (`path#0:0:0`), so every command exits with 2.
///
/// Symbolic links are followed, to files and to directories (`-f` a link to a directory reads
/// the directory, as `kubectl apply -f` does); a link back to a directory being walked is a cycle
/// (an error), and a directory reached twice through different links is read once (a warning).
enum InputFiles {
    static let extensions: Set<String> = ["yaml", "yml", "json"]

    private static func here(_ path: String) -> SourceLocation { SourceLocation(file: path, document: 0, line: 0, column: 0) }

    private static func error(_ path: String, _ message: String) -> Diagnostic {
        error(DiagnosticID.unreadable, path, message)
    }

    private static func error(_ id: String, _ path: String, _ message: String) -> Diagnostic {
        Diagnostic(id: id, severity: .error, location: here(path), message: message)
    }

    /// The current `errno` as text.
    private static func reason(_ code: Int32) -> String {
        switch code {
        case ELOOP: return "symbolic link cycle (too many levels of symbolic links)"
        case EACCES: return "permission denied"
        case ENOENT: return "no such file or directory"
        default: return String(cString: strerror(code))
        }
    }

    /// Identity of a directory (device, inode), to detect cycles through symbolic links.
    private struct FileID: Hashable { var device: UInt64; var inode: UInt64 }

    /// `stat` (following links) with a located error when it fails.
    private static func status(_ path: String, diagnostics: inout [Diagnostic]) -> stat? {
        var st = stat()
        if stat(path, &st) == 0 { return st }
        let code = errno
        var link = stat()
        if code == ENOENT, lstat(path, &link) == 0 {
            diagnostics.append(error(path, "broken symbolic link (its target does not exist)"))
        } else {
            diagnostics.append(error(path, reason(code)))
        }
        return nil
    }

    private static func isDirectory(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFDIR }
    private static func isRegular(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFREG }

    /// A file path as is; a directory as its `.yaml/.yml/.json` files, recursively, sorted.
    /// - Complexity: O(entries under the directory × log).
    static func expand(_ path: String, diagnostics: inout [Diagnostic]) -> [String] {
        guard let st = status(path, diagnostics: &diagnostics) else { return [] }
        guard isDirectory(st) else { return [path] }
        var files: [String] = []
        var visited: [FileID: String] = [:]
        // Iterative walk: (directory, its ancestors' identities).
        var stack: [(String, Set<FileID>)] = [(path, [])]
        visited[FileID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))] = path
        while let (dir, ancestors) = stack.popLast() {
            var dirStat = stat()
            guard stat(dir, &dirStat) == 0 else { continue }
            let id = FileID(device: UInt64(dirStat.st_dev), inode: UInt64(dirStat.st_ino))
            let lineage = ancestors.union([id])
            for name in entries(of: dir, diagnostics: &diagnostics) {
                let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                let wanted = extensions.contains((name as NSString).pathExtension.lowercased())
                var entry = stat()
                if stat(full, &entry) != 0 {
                    let code = errno
                    // Broken links and unreadable entries matter only when they look like manifests,
                    // except cycles, which are reported whatever their name.
                    if wanted || code == ELOOP { _ = status(full, diagnostics: &diagnostics) }
                    continue
                }
                if isDirectory(entry) {
                    let child = FileID(device: UInt64(entry.st_dev), inode: UInt64(entry.st_ino))
                    if lineage.contains(child) {
                        diagnostics.append(error(full, "symbolic link cycle: leads back to a directory that contains it; not followed"))
                    } else if let first = visited[child] {
                        diagnostics.append(Diagnostic(id: DiagnosticID.unreadable, severity: .warning, location: here(full),
                                                      message: "same directory as \(first); read once"))
                    } else {
                        visited[child] = full
                        stack.append((full, lineage))
                    }
                } else if wanted, isRegular(entry) {
                    files.append(full)
                }
            }
        }
        if files.isEmpty {
            diagnostics.append(error(DiagnosticID.noInput, path, "no .yaml, .yml or .json files found under this directory"))
        }
        return files.sorted()
    }

    /// Names in `dir` (without `.` and `..`); names that are not valid UTF-8 are located errors.
    /// - Complexity: O(entries).
    private static func entries(of dir: String, diagnostics: inout [Diagnostic]) -> [String] {
        guard let handle = opendir(dir) else {
            diagnostics.append(error(dir, "cannot read directory: \(reason(errno))"))
            return []
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let raw: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { buf in
                Array(buf.prefix { $0 != 0 })
            }
            if raw == [0x2E] || raw == [0x2E, 0x2E] { continue }
            guard let name = String(validating: raw, as: UTF8.self) else {
                let shown = raw.map { $0 < 0x80 && $0 >= 0x20 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true) }.joined()
                diagnostics.append(error(dir.hasSuffix("/") ? dir + shown : dir + "/" + shown,
                                         "file name is not valid UTF-8; skipped (rename it)"))
                continue
            }
            names.append(name)
        }
        return names
    }

    /// Reads a file (or a FIFO, a device…), refusing more than `limit` bytes: regular files by
    /// their size, anything else by reading at most `limit + 1` bytes in chunks.
    /// - Complexity: O(min(size, limit)).
    static func read(_ path: String, limit: Int, diagnostics: inout [Diagnostic]) -> Data? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            diagnostics.append(error(path, "cannot read file: \(reason(errno))"))
            return nil
        }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 {
            if isDirectory(st) {
                diagnostics.append(error(path, "is a directory"))
                return nil
            }
            if isRegular(st), Int(st.st_size) > limit {
                diagnostics.append(error(DiagnosticID.tooLarge, path,
                                         "file is \(st.st_size) bytes, over the \(limit)-byte limit; skipped"))
                return nil
            }
        }
        let expected = isRegular(st) ? Int(st.st_size) : 0
        return read(fd: fd, name: path, limit: limit, expected: expected, diagnostics: &diagnostics)
    }

    /// Reads standard input up to `limit` bytes (in chunks: `-f - < /dev/zero` stops at the limit).
    /// - Complexity: O(min(input, limit)).
    static func readStandardInput(limit: Int, diagnostics: inout [Diagnostic]) -> Data? {
        read(fd: 0, name: "<stdin>", limit: limit, diagnostics: &diagnostics)
    }

    /// Checks data handed over in memory (tests, library callers) against the same limit.
    static func capped(_ data: Data, name: String, limit: Int, diagnostics: inout [Diagnostic]) -> Data? {
        guard data.count <= limit else {
            diagnostics.append(error(DiagnosticID.tooLarge, name, "input is over the \(limit)-byte limit; skipped"))
            return nil
        }
        return data
    }

    /// Reads `fd` to its end in 1 MiB chunks, giving up (with a located error) past `limit` bytes.
    /// - Complexity: O(min(input, limit)).
    /// `expected` (a regular file's size) reserves the room once instead of growing by copies.
    private static func read(fd: Int32, name: String, limit: Int, expected: Int = 0, diagnostics: inout [Diagnostic]) -> Data? {
        var data = Data()
        if expected > 0 { data.reserveCapacity(min(expected, limit) + 1) }
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                diagnostics.append(error(name, "cannot read: \(reason(errno))"))
                return nil
            }
            if n == 0 { return data }
            data.append(contentsOf: buffer[0..<n])
            if data.count > limit {
                diagnostics.append(error(DiagnosticID.tooLarge, name,
                                         "input is over the \(limit)-byte limit; stopped reading and skipped it"))
                return nil
            }
        }
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    /// UTF-8 (with or without BOM), or UTF-16 with a BOM.
    static func decodeText(_ data: Data) -> String? {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16)
        }
        return String(data: data, encoding: .utf8)
    }
}

/// Reading any other input file (a queries document, a diagram) with the loader's safeguards:
/// `-` is standard input; both are read in chunks and refused past `limit` bytes.
public enum CappedInput {
    /// The bytes of `path` (or stdin for `-`), or `nil` with located errors.
    /// - Complexity: O(min(size, limit)).
    public static func read(_ path: String, limit: Int = 64 << 20) -> (data: Data?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let data = path == "-" ? InputFiles.readStandardInput(limit: limit, diagnostics: &diagnostics)
            : InputFiles.read(path, limit: limit, diagnostics: &diagnostics)
        return (data, diagnostics)
    }
}
